import { isMatchFactorId, MATCH_FACTORS } from '@bridges/contracts';

/**
 * A factor's reader-facing name in `locale` (uk or en; other languages get English). An id the
 * vocabulary does not know yet is shown as sent, so a new factor never breaks a digest.
 */
export function matchFactorLabel(factor: string, locale: string): string {
  if (!isMatchFactorId(factor)) return factor;
  return locale === 'uk' ? MATCH_FACTORS[factor].uk : MATCH_FACTORS[factor].en;
}
