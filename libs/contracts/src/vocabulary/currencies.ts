/**
 * Currencies a declared value may be stated in: ISO 4217 codes of the countries Bridges serves (the euro,
 * the other EU currencies, the hryvnia) and the usual donor currencies. Amounts travel and are stored as
 * integer minor units (`minorUnits` digits: cents for EUR), never as floating point, and totals are kept
 * per currency: Bridges never converts one into another.
 */
export interface CurrencyDefinition {
  readonly code: string;
  /** Digits after the decimal point (ISO 4217 "minor unit"). */
  readonly minorUnits: number;
}

export const CURRENCIES = [
  { code: 'EUR', minorUnits: 2 },
  { code: 'UAH', minorUnits: 2 },
  { code: 'PLN', minorUnits: 2 },
  { code: 'CZK', minorUnits: 2 },
  { code: 'HUF', minorUnits: 2 },
  { code: 'RON', minorUnits: 2 },
  { code: 'BGN', minorUnits: 2 },
  { code: 'SEK', minorUnits: 2 },
  { code: 'DKK', minorUnits: 2 },
  { code: 'NOK', minorUnits: 2 },
  { code: 'CHF', minorUnits: 2 },
  { code: 'GBP', minorUnits: 2 },
  { code: 'USD', minorUnits: 2 },
  { code: 'ISK', minorUnits: 0 },
  { code: 'JPY', minorUnits: 0 },
] as const satisfies readonly CurrencyDefinition[];

export type CurrencyCode = (typeof CURRENCIES)[number]['code'];

export const CURRENCY_CODES: readonly CurrencyCode[] = CURRENCIES.map((c) => c.code);

export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && (CURRENCY_CODES as readonly string[]).includes(value);
}

/** `12345` minor units of EUR → `"123.45"`; exact, no floating point. */
export function formatMinorUnits(amountMinor: number, currency: CurrencyCode): string {
  const digits = CURRENCIES.find((c) => c.code === currency)?.minorUnits ?? 2;
  if (digits === 0) return String(amountMinor);
  const sign = amountMinor < 0 ? '-' : '';
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
