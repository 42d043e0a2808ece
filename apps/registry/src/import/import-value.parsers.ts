/**
 * Cell-level parsing shared by the import parsers. Each returns a value or a reason string, so a
 * row collects every problem instead of failing on the first.
 */

/** Markers the source data sets use for "no value" (R writes `NA`). */
const MISSING_MARKERS = new Set(['', 'na', 'n/a', 'null']);

/** True when a cell means "no value". */
export function isMissing(cell: string | undefined): boolean {
  return cell === undefined || MISSING_MARKERS.has(cell.trim().toLowerCase());
}

/** A cell parsed into a value, or the reason it could not be. */
export type CellResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/**
 * Collects the reasons a row is rejected: `take` unwraps a cell result and records its reason when
 * the cell is invalid, so a rejected row names every bad cell at once.
 */
export function rowReasons(): { reasons: string[]; take: <T>(result: CellResult<T>) => T | undefined } {
  const reasons: string[] = [];
  return {
    reasons,
    take: <T>(result: CellResult<T>): T | undefined => {
      if (result.ok) return result.value;
      reasons.push(result.reason);
      return undefined;
    },
  };
}

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(reason: string): CellResult<T> => ({ ok: false, reason });

/** A finite decimal number in plain or exponent notation (`2.547e+09`); no thousands separators. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parses a required decimal number within [min, max]. */
export function parseDecimal(
  column: string,
  cell: string | undefined,
  min: number,
  max: number,
): CellResult<number> {
  if (isMissing(cell)) return fail(`${column} is missing`);
  const text = (cell ?? '').trim();
  if (!DECIMAL.test(text)) return fail(`${column} '${text}' is not a number`);
  const value = Number(text);
  if (value < min || value > max) return fail(`${column} ${value} is outside [${min}, ${max}]`);
  return ok(value);
}

/** Parses an optional decimal number within [min, max]; a missing cell gives undefined. */
export function parseOptionalDecimal(
  column: string,
  cell: string | undefined,
  min: number,
  max: number,
): CellResult<number | undefined> {
  return isMissing(cell) ? ok(undefined) : parseDecimal(column, cell, min, max);
}

/** Parses a required non-negative whole number (counts such as population). */
export function parseCount(column: string, cell: string | undefined): CellResult<number> {
  if (isMissing(cell)) return fail(`${column} is missing`);
  const text = (cell ?? '').trim();
  if (!/^\d+$/.test(text)) return fail(`${column} '${text}' is not a non-negative whole number`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) return fail(`${column} ${text} is too large`);
  return ok(value);
}

/** Parses an optional 0/1 flag; a missing cell gives undefined. */
export function parseOptionalFlag(column: string, cell: string | undefined): CellResult<boolean | undefined> {
  if (isMissing(cell)) return ok(undefined);
  const text = (cell ?? '').trim().toLowerCase();
  if (text === '1' || text === 'true') return ok(true);
  if (text === '0' || text === 'false') return ok(false);
  return fail(`${column} '${cell}' is not 0 or 1`);
}

/** Parses a required non-empty text cell, trimmed. */
export function parseText(column: string, cell: string | undefined): CellResult<string> {
  if (isMissing(cell)) return fail(`${column} is missing`);
  return ok((cell ?? '').trim());
}
