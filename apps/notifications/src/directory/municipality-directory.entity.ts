import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Notifications' copy of a registry profile: what an email says about a municipality (its profile
 * summary) and which association it belongs to. Contacts live in `recipient`. Deactivated rows stay,
 * inactive, so an older snapshot arriving late cannot bring them back.
 */
@Entity({ name: 'municipality_directory' })
export class MunicipalityDirectoryEntity {
  @PrimaryColumn('uuid', { name: 'municipality_id' }) municipalityId: string;
  /** Registry version of the snapshot applied last. */
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'boolean' }) active: boolean;
  @Column({ type: 'text' }) kind: string;
  /** ISO 3166-1 alpha-2 as registry sends it (`UA`, `PL`, `GR`). */
  @Column({ type: 'text' }) country: string;
  @Column({ name: 'name_native', type: 'text' }) nameNative: string;
  @Column({ name: 'name_latin', type: 'text' }) nameLatin: string;
  @Column({ name: 'region_name', type: 'text', nullable: true }) regionName: string | null;
  @Column({ type: 'integer', nullable: true }) population: number | null;
  @Column({ type: 'text', array: true }) sectors: string[];
  @Column({ type: 'text', array: true }) needs: string[];
  @Column({ type: 'text', array: true }) offers: string[];
  @Column({ name: 'working_languages', type: 'text', array: true }) workingLanguages: string[];
  @Column({ name: 'association_id', type: 'uuid', nullable: true }) associationId: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
