import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MunicipalityKind } from '@bridges/contracts';

/** A registry contact, kept so a delivery point can name who receives the goods; erased on request. */
export interface ProjectedContact {
  readonly contactId: string;
  readonly name: string;
  readonly phone?: string;
  readonly email: string;
  readonly preferredLanguage: string;
}

/**
 * What logistics needs of a registry profile: names for documents and exports, country and oblast for
 * totals, coordinates for delivery points, and contacts (deleted when the registry erases one).
 */
@Entity({ name: 'municipality_projection' })
export class MunicipalityProjectionEntity {
  @PrimaryColumn({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ type: 'text' }) kind: MunicipalityKind;
  /** Registry version held; an equal or older snapshot is ignored. */
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'boolean' }) active: boolean;
  @Column({ type: 'text' }) country: string;
  @Column({ name: 'name_latin', type: 'text' }) nameLatin: string;
  @Column({ name: 'name_native', type: 'text' }) nameNative: string;
  /** Oblast for hromadas, NUTS region for EU municipalities. */
  @Column({ name: 'region_name', type: 'text' }) regionName: string;
  @Column({ name: 'region_code', type: 'text', nullable: true }) regionCode: string | null;
  @Column({ type: 'double precision', nullable: true }) lat: number | null;
  @Column({ type: 'double precision', nullable: true }) lon: number | null;
  @Column({ type: 'jsonb' }) contacts: ProjectedContact[];
}
