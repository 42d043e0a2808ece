/**
 * Shipment references people read out on the phone and type at the border: `BR-2026-000123-7`, the year
 * the shipment was prepared, a six-digit number (one sequence for all years, so a number never repeats)
 * and a check digit. The check digit is Damm's algorithm
 * over the ten digits of year and number: it catches every single wrong digit and every swap of two
 * adjacent digits (Luhn misses 09↔90), which are the typing errors that happen.
 */
const DAMM_TABLE = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

const REFERENCE = /^BR-(\d{4})-(\d{6})-(\d)$/;

/** Largest number the reference grammar carries; past it preparing a shipment is a 409 SHIPMENT_REFERENCES_EXHAUSTED. */
export const MAX_REFERENCE_NUMBER = 999_999;

/** The Damm check digit of a string of decimal digits. */
export function dammCheckDigit(digits: string): number {
  let interim = 0;
  for (const char of digits) interim = DAMM_TABLE[interim][Number(char)];
  return interim;
}

/** `BR-<year>-<number, 6 digits>-<check digit>`. */
export function formatShipmentReference(year: number, number: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`year ${year}`);
  if (!Number.isInteger(number) || number < 1 || number > MAX_REFERENCE_NUMBER)
    throw new RangeError(`reference number ${number}`);
  const body = `${year}${String(number).padStart(6, '0')}`;
  return `BR-${year}-${body.slice(4)}-${dammCheckDigit(body)}`;
}

/** Why a reference is not valid, or null when it is: shape first, then the check digit. */
export function shipmentReferenceProblem(reference: string): string | null {
  const match = REFERENCE.exec(reference);
  if (!match) return 'must look like BR-2026-000123-7 (BR, year, six digits, check digit)';
  const [, year, number, check] = match;
  if (Number(number) === 0) return 'the number part cannot be 000000';
  if (dammCheckDigit(`${year}${number}`) !== Number(check))
    return 'the check digit does not match: a digit is mistyped or two are swapped';
  return null;
}

export function isValidShipmentReference(reference: string): boolean {
  return shipmentReferenceProblem(reference) === null;
}
