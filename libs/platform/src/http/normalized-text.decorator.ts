import { Transform } from 'class-transformer';

/** What {@link NormalizedText} does to one string; anything else passes unchanged for validation to judge. */
export function normalizeText(value: unknown): unknown {
  return typeof value === 'string' ? value.normalize('NFC').trim() : value;
}

/**
 * Text fields are stored the way people mean them, decided here rather than as a side effect
 * elsewhere: Unicode NFC (so "й" typed as и + combining breve and as one code point are the same
 * name, and compare, search and deduplicate alike) and no leading or trailing whitespace. Applies to
 * each element of a string array. Runs before validation, so `@IsNotEmpty()` / `@MinLength(1)`
 * after it reject a whitespace-only value instead of storing `""`.
 *
 * ```ts
 * @NormalizedText() @IsString() @IsNotEmpty() @MaxLength(200) nameNative: string;
 * ```
 */
export function NormalizedText(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map(normalizeText) : normalizeText(value),
  );
}

/** How API docs describe a field carrying {@link NormalizedText}. */
export const NORMALIZED_TEXT_NOTE = 'Stored trimmed and in Unicode NFC; blank is not a value.';
