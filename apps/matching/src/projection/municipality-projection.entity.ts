import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { IndicatorsV1, MunicipalityKind } from '@bridges/contracts';

/**
 * Matching's own copy of a registry profile: only what scoring and eligibility need (no contacts).
 * One row per municipality, at the highest version received; deactivated rows stay, inactive, so that
 * an older snapshot arriving late cannot bring them back.
 */
@Entity({ name: 'municipality_projection' })
@Index('ix_municipality_projection_pool', ['kind', 'poolSeq'])
export class MunicipalityProjectionEntity {
  @PrimaryColumn('uuid', { name: 'municipality_id' }) municipalityId: string;
  @Column({ type: 'text' }) kind: MunicipalityKind;
  /** Registry version of the snapshot applied last. */
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'boolean' }) active: boolean;
  @Column({ type: 'text' }) country: string;
  @Column({ name: 'official_code', type: 'text' }) officialCode: string;
  @Column({ name: 'name_latin', type: 'text' }) nameLatin: string;
  @Column({ name: 'name_native', type: 'text' }) nameNative: string;
  /** Oblast for hromadas, NUTS region for the EU. */
  @Column({ name: 'region_name', type: 'text' }) regionName: string;
  @Column({ name: 'settlement_type', type: 'text' }) settlementType: string;
  @Column({ type: 'integer', nullable: true }) population: number | null;
  @Column({ name: 'area_km2', type: 'double precision', nullable: true }) areaKm2: number | null;
  @Column({ type: 'double precision', nullable: true }) lat: number | null;
  @Column({ type: 'double precision', nullable: true }) lon: number | null;
  @Column({ type: 'text', array: true }) sectors: string[];
  /** Sector ids a hromada needs help with. */
  @Column({ type: 'text', array: true }) needs: string[];
  /** Sector ids an EU municipality offers. */
  @Column({ type: 'text', array: true }) offers: string[];
  @Column({ type: 'text', array: true }) priorities: string[];
  @Column({ name: 'working_languages', type: 'text', array: true }) workingLanguages: string[];
  @Column({ name: 'partnership_capacity', type: 'integer', nullable: true }) partnershipCapacity:
    number | null;
  @Column({ name: 'international_partner_count', type: 'integer' }) internationalPartnerCount: number;
  @Column({ name: 'hosts_displaced_people', type: 'boolean' }) hostsDisplacedPeople: boolean;
  @Column({ type: 'boolean' }) damaged: boolean;
  @Column({ name: 'formerly_occupied', type: 'boolean' }) formerlyOccupied: boolean;
  @Column({ name: 'seeking_partner', type: 'boolean' }) seekingPartner: boolean;
  /** Socio-economic indicators as the registry sent them (`IndicatorsV1`); null when none are known. */
  @Column({ type: 'jsonb', nullable: true }) indicators?: IndicatorsV1 | null;
  /**
   * Taken from `matching_pool_seq` on every change: the EU pool cache compares the maximum with the one
   * it was built from, so every instance notices a change without messaging itself.
   */
  @Column({ name: 'pool_seq', type: 'bigint', default: () => "nextval('matching_pool_seq')" })
  poolSeq: string;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
