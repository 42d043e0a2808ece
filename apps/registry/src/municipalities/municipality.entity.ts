import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { IndicatorsV1, MunicipalityKind } from '@bridges/contracts';

/** A sector plus free text: what a hromada needs or what an EU municipality offers. */
export interface SectorStatement {
  sector: string;
  description?: string;
}

/** A contact person of a municipality; visible only to registry coordinators and the municipality's officers. */
export interface MunicipalityContact {
  contactId: string;
  name: string;
  role?: string;
  email: string;
  phone?: string;
  preferredLanguage: string;
}

/**
 * War impact of a hromada. A flag the data cannot support stays undefined (unknown), never false;
 * `listedInWarZone2022` comes from Minregion's 2022 lists via the KSE import.
 */
export interface WarImpact {
  hostsDisplacedPeople?: boolean;
  damaged?: boolean;
  formerlyOccupied?: boolean;
  listedInWarZone2022?: boolean;
}

/**
 * The profile of a Ukrainian hromada or an EU municipality. `(country, officialCode)` is unique;
 * `version` grows by one with every change and is both the HTTP ETag and the event snapshot version.
 */
@Entity({ name: 'municipality' })
@Index('uq_municipality_country_official_code', ['country', 'officialCode'], { unique: true })
@Index('ix_municipality_country_region', ['country', 'regionCode'])
// Expression index (full-text search over both scripts) lives in the migration only.
@Index('ix_municipality_name_search', { synchronize: false })
export class MunicipalityEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'text' }) kind: MunicipalityKind;
  @Column({ type: 'char', length: 2 }) country: string;
  @Column({ name: 'official_code', type: 'text' }) officialCode: string;
  @Column({ name: 'name_native', type: 'text' }) nameNative: string;
  @Column({ name: 'name_latin', type: 'text' }) nameLatin: string;
  @Column({ name: 'region_code', type: 'text', nullable: true }) regionCode: string | null;
  @Column({ name: 'region_name', type: 'text' }) regionName: string;
  @Column({ name: 'settlement_type', type: 'text' }) settlementType: string;
  @Column({ type: 'integer', nullable: true }) population: number | null;
  @Column({ name: 'population_year', type: 'smallint', nullable: true }) populationYear: number | null;
  @Column({ name: 'area_km2', type: 'double precision', nullable: true }) areaKm2: number | null;
  @Column({ type: 'double precision', nullable: true }) latitude: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude: number | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) sectors: string[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) needs: SectorStatement[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) offers: SectorStatement[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) priorities: string[];
  @Column({ name: 'working_languages', type: 'text', array: true, default: () => "'{}'" })
  workingLanguages: string[];
  @Column({ name: 'partnership_capacity', type: 'smallint', nullable: true }) partnershipCapacity:
    number | null;
  @Column({ name: 'international_partners', type: 'text', array: true, default: () => "'{}'" })
  internationalPartners: string[];
  @Column({ name: 'war_impact', type: 'jsonb', nullable: true }) warImpact: WarImpact | null;
  /**
   * Socio-economic indicators from official statistics (`IndicatorsV1`), set by the import; optional so
   * profiles created over HTTP need not state them. Null or absent: none known.
   */
  @Column({ type: 'jsonb', nullable: true }) indicators?: IndicatorsV1 | null;
  @Column({ name: 'seeking_partner', type: 'boolean' }) seekingPartner: boolean;
  @Column({ name: 'association_id', type: 'uuid', nullable: true }) associationId: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) contacts: MunicipalityContact[];
  @Column({ type: 'boolean', default: true }) active: boolean;
  @Column({ name: 'deactivation_reason', type: 'text', nullable: true }) deactivationReason: string | null;
  /**
   * Both names, lower-cased by the application: the full-text index reads this column because the
   * database may run with the C locale, where PostgreSQL cannot lower-case Cyrillic.
   */
  @Column({ name: 'search_name', type: 'text' }) searchName: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
