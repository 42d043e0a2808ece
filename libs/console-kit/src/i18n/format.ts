import { useTranslation } from 'react-i18next';
import { nameInScript, type Language } from './language';
import { factorLabel, sectorLabel } from './vocabulary';

/** Numbers, dates and municipality names in the reader's language and script. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === 'uk' ? 'uk' : 'en';
  const locale = language === 'uk' ? 'uk-UA' : 'en-GB';
  return {
    language,
    number: (n: number | null | undefined, digits = 0) =>
      n === null || n === undefined
        ? '—'
        : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n),
    date: (iso: string | null | undefined) =>
      iso
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
        : '—',
    name: (names: { nameNative: string; nameLatin?: string | null }) => nameInScript(names, language),
    sector: (id: string) => sectorLabel(id, language),
    factor: (id: string) => factorLabel(id, language),
  };
}
