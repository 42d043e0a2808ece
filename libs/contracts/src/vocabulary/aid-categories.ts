/**
 * Categories of humanitarian aid: the controlled vocabulary for what a hromada's aid request asks for and
 * what a shipment carries. Close to the clusters of the humanitarian system (health, shelter/NFI, WASH,
 * food security, logistics, education) as OCHA's Humanitarian Data Exchange names them, so the HXL
 * export's `#sector` reads naturally, with energy split out because generators and heating are what
 * Ukrainian hromadas asked partners for most since 2022. Each id is a wire value: never renamed or reused.
 */
export interface AidCategoryDefinition {
  /** Stable kebab-case wire id. */
  readonly id: string;
  readonly en: string;
  readonly uk: string;
  /** The humanitarian cluster (HXL `#sector`) the category reports under. */
  readonly hxlSector: string;
}

export const AID_CATEGORIES = [
  {
    id: 'medical',
    en: 'Medical supplies and equipment',
    uk: 'Медичні засоби та обладнання',
    hxlSector: 'Health',
  },
  { id: 'energy', en: 'Energy and generators', uk: 'Енергетика та генератори', hxlSector: 'Energy' },
  {
    id: 'shelter-nfi',
    en: 'Shelter and non-food items',
    uk: 'Житло та непродовольчі товари',
    hxlSector: 'Shelter and NFI',
  },
  {
    id: 'water-sanitation',
    en: 'Water and sanitation',
    uk: 'Вода та санітарія',
    hxlSector: 'Water Sanitation Hygiene',
  },
  { id: 'food', en: 'Food', uk: 'Продукти харчування', hxlSector: 'Food Security' },
  {
    id: 'vehicles-machinery',
    en: 'Vehicles and machinery',
    uk: 'Транспорт і техніка',
    hxlSector: 'Logistics',
  },
  { id: 'education', en: 'Education', uk: 'Освіта', hxlSector: 'Education' },
  { id: 'hygiene', en: 'Hygiene', uk: 'Гігієна', hxlSector: 'Water Sanitation Hygiene' },
  { id: 'other', en: 'Other', uk: 'Інше', hxlSector: 'Multi-sector' },
] as const satisfies readonly AidCategoryDefinition[];

export type AidCategory = (typeof AID_CATEGORIES)[number]['id'];

export const AID_CATEGORY_IDS: readonly AidCategory[] = AID_CATEGORIES.map((c) => c.id);

export function isAidCategory(value: unknown): value is AidCategory {
  return typeof value === 'string' && (AID_CATEGORY_IDS as readonly string[]).includes(value);
}

export function findAidCategory(id: string): AidCategoryDefinition | undefined {
  return AID_CATEGORIES.find((c) => c.id === id);
}
