/**
 * Units of measure for aid quantities: codes of UN/ECE Recommendation 20 ("Codes for Units of Measure
 * Used in International Trade"), the codes customs declarations, CMR consignment notes and UBL documents
 * carry, so a partner's warehouse system reads them without a mapping. Only the units aid is counted in.
 * Quantities are whole numbers of the unit: count fractions in a smaller unit (GRM for KGM, LTR for MTQ).
 */
export interface UnitCodeDefinition {
  /** The Recommendation 20 common code. */
  readonly code: string;
  readonly en: string;
  readonly uk: string;
}

export const UNIT_CODES = [
  { code: 'KGM', en: 'kilogram', uk: 'кілограм' },
  { code: 'GRM', en: 'gram', uk: 'грам' },
  { code: 'TNE', en: 'tonne', uk: 'тонна' },
  { code: 'LTR', en: 'litre', uk: 'літр' },
  { code: 'MTQ', en: 'cubic metre', uk: 'кубічний метр' },
  { code: 'MTR', en: 'metre', uk: 'метр' },
  { code: 'MTK', en: 'square metre', uk: 'квадратний метр' },
  { code: 'H87', en: 'piece', uk: 'штука' },
  { code: 'C62', en: 'one (unit)', uk: 'одиниця' },
  { code: 'SET', en: 'set', uk: 'комплект' },
  { code: 'PR', en: 'pair', uk: 'пара' },
  { code: 'PF', en: 'pallet (lift)', uk: 'палета' },
] as const satisfies readonly UnitCodeDefinition[];

export type UnitCode = (typeof UNIT_CODES)[number]['code'];

export const UNIT_CODE_IDS: readonly UnitCode[] = UNIT_CODES.map((u) => u.code);

export function isUnitCode(value: unknown): value is UnitCode {
  return typeof value === 'string' && (UNIT_CODE_IDS as readonly string[]).includes(value);
}
