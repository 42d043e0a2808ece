// Deep imports on purpose: plain data files, while the contracts' index loads event classes and their
// decorators, which have no place in a browser bundle (as in console-kit's vocabulary.ts).
import { AID_CATEGORIES } from '@bridges/contracts/vocabulary/aid-categories';
import { UNIT_CODES } from '@bridges/contracts/vocabulary/unit-codes';
import type { Language } from '@bridges/console-kit';
import type { AidCategory, UnitCode } from './api';

export const CATEGORY_IDS: readonly AidCategory[] = AID_CATEGORIES.map((c) => c.id);
export const UNIT_IDS: readonly UnitCode[] = UNIT_CODES.map((u) => u.code);

/** An aid category in the reader's language; an unknown id as it is. */
export function categoryLabel(id: string, language: Language): string {
  return AID_CATEGORIES.find((c) => c.id === id)?.[language] ?? id;
}

/** A UN/ECE Rec. 20 unit in the reader's language, with its code; an unknown code as it is. */
export function unitLabel(code: string, language: Language): string {
  const unit = UNIT_CODES.find((u) => u.code === code);
  return unit ? `${unit[language]} (${code})` : code;
}
