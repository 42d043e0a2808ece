/** The consoles' languages. Ukrainian first: most of the people who use Bridges work in it. */
export const LANGUAGES = ['uk', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const KEY = 'bridges.console.language';

/**
 * The language to show: the one this user chose last time (remembered per user, so colleagues sharing
 * a browser keep theirs), else the last one chosen on this browser, else the browser's own preference.
 */
export function preferredLanguage(
  storage: Pick<Storage, 'getItem'>,
  user: string | undefined,
  browserLanguages: readonly string[],
): Language {
  const stored = (user && storage.getItem(`${KEY}:${user}`)) || storage.getItem(KEY);
  if (stored === 'uk' || stored === 'en') return stored;
  return browserLanguages.some((l) => l.toLowerCase().startsWith('uk')) ? 'uk' : 'en';
}

export function rememberLanguage(
  storage: Pick<Storage, 'setItem'>,
  user: string | undefined,
  language: Language,
): void {
  storage.setItem(KEY, language);
  if (user) storage.setItem(`${KEY}:${user}`, language);
}

/** A municipality's name in the reader's script: Cyrillic for Ukrainian, the Latin form for English. */
export function nameInScript(
  names: { nameNative: string; nameLatin?: string | null },
  language: Language,
): string {
  return language === 'en' ? names.nameLatin || names.nameNative : names.nameNative;
}
