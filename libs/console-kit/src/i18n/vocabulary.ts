// Deep imports on purpose: these two files are plain data, while the contracts' index also loads the
// event classes with their class-validator decorators, which have no place in a browser bundle.
import { MATCH_FACTORS } from '@bridges/contracts/vocabulary/match-factors';
import { findSector } from '@bridges/contracts/vocabulary/sectors';
import type { Language } from './language';

/** A sector of the contracts' vocabulary in the reader's language; an unknown id as it is. */
export function sectorLabel(id: string, language: Language): string {
  return findSector(id)?.[language] ?? id;
}

/** A matching factor's name in the reader's language; an unknown id as it is. */
export function factorLabel(id: string, language: Language): string {
  return (MATCH_FACTORS as Record<string, { en: string; uk: string } | undefined>)[id]?.[language] ?? id;
}
