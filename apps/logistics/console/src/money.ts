import type { Language } from '@bridges/console-kit';

/**
 * Minor units in their currency, in the reader's locale (EUR 100,000.00; JPY has no minor unit): the
 * currency's own digits come from Intl, so nothing is assumed to have cents and nothing is converted.
 */
export function formatMoney(money: { amountMinor: number; currency: string }, language: Language): string {
  const format = new Intl.NumberFormat(language === 'uk' ? 'uk-UA' : 'en-GB', {
    style: 'currency',
    currency: money.currency,
  });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amountMinor / 10 ** digits);
}
