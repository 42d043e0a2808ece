/**
 * Romanisation of Bulgarian by the official Streamlined System (Transliteration Act of Bulgaria,
 * State Gazette No. 19 of 13 March 2009), used for Bulgarian LAU names, which the EU data gives only
 * in Cyrillic.
 *
 * One fixed spelling per letter (ж zh, х h, ц ts, щ sht, ъ a, ь y, ю yu, я ya), with one exception:
 * `ия` at the end of a word is `ia` (София → Sofia).
 */
const LETTERS: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sht',
  ъ: 'a',
  ь: 'y',
  ю: 'yu',
  я: 'ya',
};

const isLetter = (char: string | undefined): boolean => char !== undefined && /\p{L}/u.test(char);
const isUpperCase = (char: string | undefined): boolean =>
  char !== undefined && char !== char.toLowerCase() && char === char.toUpperCase();

/**
 * Transliterates Bulgarian text into Latin by the Streamlined System. Other characters pass
 * through unchanged; capitalisation follows the source (`Щ` → `Sht`, `ЩИТ` → `SHTIT`).
 *
 * @example transliterateBulgarian('София') // 'Sofia'
 */
export function transliterateBulgarian(text: string): string {
  const chars = Array.from(text.normalize('NFC'));
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    const lower = char.toLowerCase();
    let latin = LETTERS[lower];
    if (latin === undefined) {
      out += char;
      continue;
    }
    // The one positional rule: word-final -ия is -ia, not -iya.
    if (lower === 'я' && chars[i - 1]?.toLowerCase() === 'и' && !isLetter(chars[i + 1])) latin = 'a';
    if (isUpperCase(char)) {
      const next = chars[i + 1];
      const allCaps = isLetter(next)
        ? isUpperCase(next)
        : isUpperCase(chars[i - 1]) && isLetter(chars[i - 1]);
      latin = allCaps ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
    }
    out += latin;
  }
  return out;
}
