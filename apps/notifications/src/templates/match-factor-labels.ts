import { vocabularyLabel } from './vocabulary-labels';

/**
 * A factor's reader-facing name in `locale` (every template language; see vocabulary-labels.ts). An id
 * the vocabulary does not know yet is shown as sent, so a new factor never breaks a digest.
 */
export function matchFactorLabel(factor: string, locale: string): string {
  return vocabularyLabel('match-factor', factor, locale);
}
