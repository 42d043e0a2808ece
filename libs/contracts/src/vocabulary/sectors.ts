/**
 * Sectors of development: the controlled vocabulary for what a municipality works on, needs
 * help with (Ukrainian hromadas) or can offer (EU municipalities).
 *
 * Grounded in the thematic areas that municipal partnership programmes actually fund and report on:
 * CEMR's "Bridges of Trust" and U-LEAD with Europe (GIZ) work streams, the Ukrainian DREAM
 * reconstruction-project categories, and the sections every hromada development strategy has
 * (ДССР/СРГ: economy, infrastructure, social sphere, governance). Each id is a wire value:
 * it is stored in profiles and published in events, so it is never renamed or reused. A sector
 * that stops being useful is marked `deprecated`, not removed.
 */
export interface SectorDefinition {
  /** Stable kebab-case wire id. */
  readonly id: string;
  /** Label in English. */
  readonly en: string;
  /** Label in Ukrainian. */
  readonly uk: string;
  /** One line on what belongs in the sector (English). */
  readonly description: string;
  /** Set when the id must no longer be assigned; old data keeps it. */
  readonly deprecated?: true;
}

/** Every sector, in the order a console should list them. */
export const SECTORS = [
  {
    id: 'water-supply',
    en: 'Water supply and sanitation',
    uk: 'Водопостачання та водовідведення',
    description: 'Drinking water, wells, water treatment, sewerage and wastewater plants.',
  },
  {
    id: 'waste-management',
    en: 'Waste management',
    uk: 'Поводження з відходами',
    description: 'Collection, sorting, recycling and landfills; circular economy at municipal level.',
  },
  {
    id: 'energy-efficiency',
    en: 'Energy efficiency and renewables',
    uk: 'Енергоефективність та відновлювана енергетика',
    description:
      'Insulation of public buildings, heating, street lighting, local renewable generation, energy resilience.',
  },
  {
    id: 'transport',
    en: 'Transport and roads',
    uk: 'Транспорт і дороги',
    description: 'Local roads, bridges, public transport, logistics and mobility.',
  },
  {
    id: 'urban-planning',
    en: 'Spatial planning and public spaces',
    uk: 'Просторове планування та благоустрій',
    description: 'Master plans, land use, public spaces, parks and improvement of settlements.',
  },
  {
    id: 'housing',
    en: 'Housing and communal services',
    uk: 'Житло та житлово-комунальні послуги',
    description: 'Social and temporary housing, apartment-building management (OSBB), communal utilities.',
  },
  {
    id: 'education',
    en: 'Education',
    uk: 'Освіта',
    description: 'Kindergartens, schools, out-of-school and adult education, school transport and shelters.',
  },
  {
    id: 'healthcare',
    en: 'Healthcare',
    uk: 'Охорона здоров’я',
    description: 'Primary care, hospitals, ambulances, medical equipment, mental health.',
  },
  {
    id: 'social-services',
    en: 'Social services',
    uk: 'Соціальні послуги та соціальний захист',
    description:
      'Care for older people, people with disabilities, families and children in difficult circumstances.',
  },
  {
    id: 'accessibility',
    en: 'Accessibility and barrier-free environment',
    uk: 'Безбар’єрність',
    description: 'Barrier-free buildings, streets, transport and services for everyone.',
  },
  {
    id: 'youth',
    en: 'Youth',
    uk: 'Молодь',
    description: 'Youth councils, youth centres, participation and exchange programmes.',
  },
  {
    id: 'sport',
    en: 'Sport and recreation',
    uk: 'Спорт і рекреація',
    description: 'Sports facilities, grassroots sport, recreation areas.',
  },
  {
    id: 'culture',
    en: 'Culture and heritage',
    uk: 'Культура та культурна спадщина',
    description: 'Libraries, houses of culture, museums, cultural heritage and local identity.',
  },
  {
    id: 'tourism',
    en: 'Tourism',
    uk: 'Туризм',
    description: 'Tourism products, destination branding, hospitality and visitor infrastructure.',
  },
  {
    id: 'local-economy',
    en: 'Local economy and entrepreneurship',
    uk: 'Місцева економіка та підприємництво',
    description: 'SME and business support, investment attraction, industrial parks, employment.',
  },
  {
    id: 'agriculture',
    en: 'Agriculture and rural development',
    uk: 'Сільське господарство та розвиток села',
    description: 'Farming, agricultural cooperatives, food processing, rural development.',
  },
  {
    id: 'environment',
    en: 'Environment and climate',
    uk: 'Довкілля та клімат',
    description: 'Nature protection, air and water quality, rivers, forests, climate adaptation.',
  },
  {
    id: 'digital-services',
    en: 'Digital services',
    uk: 'Цифрові послуги',
    description: 'E-government, administrative service centres (ЦНАП), connectivity, municipal IT.',
  },
  {
    id: 'good-governance',
    en: 'Good governance and participation',
    uk: 'Належне врядування та участь громадян',
    description: 'Administrative capacity, transparency, citizen participation, inter-municipal cooperation.',
  },
  {
    id: 'civil-protection',
    en: 'Civil protection and public safety',
    uk: 'Цивільний захист та безпека',
    description: 'Fire and rescue, shelters, emergency preparedness, public order and safety.',
  },
  {
    id: 'mine-action',
    en: 'Mine action',
    uk: 'Протимінна діяльність',
    description: 'Survey and clearance of explosive ordnance, risk education, release of land.',
  },
  {
    id: 'reconstruction',
    en: 'Recovery and reconstruction',
    uk: 'Відновлення та відбудова',
    description: 'Rebuilding war-damaged housing, infrastructure and public buildings.',
  },
  {
    id: 'veterans-reintegration',
    en: 'Veterans reintegration',
    uk: 'Реінтеграція ветеранів',
    description: 'Support, rehabilitation and employment of veterans and their families.',
  },
  {
    id: 'idp-integration',
    en: 'Integration of internally displaced people',
    uk: 'Інтеграція внутрішньо переміщених осіб',
    description:
      'Housing, services and inclusion for internally displaced people (ВПО) and host communities.',
  },
  {
    id: 'gender-equality',
    en: 'Gender equality',
    uk: 'Гендерна рівність',
    description: 'Equal opportunities and prevention of gender-based violence (CEMR Equality Charter).',
  },
] as const satisfies readonly SectorDefinition[];

/** A sector's wire id. */
export type SectorId = (typeof SECTORS)[number]['id'];

/** All sector ids, usable as `@IsIn(SECTOR_IDS)`. */
export const SECTOR_IDS: readonly SectorId[] = SECTORS.map((sector) => sector.id);

const SECTOR_BY_ID: ReadonlyMap<string, SectorDefinition> = new Map(
  SECTORS.map((sector) => [sector.id, sector]),
);

/** True when `value` is a known sector id (deprecated ones included: old data stays valid). */
export function isSectorId(value: unknown): value is SectorId {
  return typeof value === 'string' && SECTOR_BY_ID.has(value);
}

/** The definition of a sector, or undefined for an unknown id. */
export function findSector(id: string): SectorDefinition | undefined {
  return SECTOR_BY_ID.get(id);
}
