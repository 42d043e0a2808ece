/**
 * Romanisation of Ukrainian by the official rules: Resolution of the Cabinet of Ministers of
 * Ukraine No. 55 of 27 January 2010 "On streamlining the transliteration of the Ukrainian
 * alphabet by means of the Latin alphabet".
 *
 * Why not an npm package: the candidates checked (e.g. `cyrillic-to-translit-js` 3.2.1) treat only
 * a space as a word boundary, so a letter after a hyphen or other punctuation gets the
 * mid-word spelling (`Ясіня-Юрківка` would become `...-Iurkivka`), and they capitalise every
 * multi-letter digraph as `Shch` even inside all-caps text.
 *
 * The rules, in short:
 * - one fixed Latin spelling per letter (г h, ґ g, и y, і i, х kh, ц ts, щ shch, …);
 * - є ї й ю я are `ye yi y yu ya` at the start of a word and `ie i i iu ia` elsewhere;
 * - the combination зг is `zgh` (to tell it from ж `zh`);
 * - the soft sign and the apostrophe are not rendered.
 */

/** Letters whose spelling does not depend on position. */
const LETTERS: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
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
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
};

/** Letters spelled one way at the start of a word and another way elsewhere. */
const POSITIONAL: Readonly<Record<string, readonly [initial: string, elsewhere: string]>> = {
  є: ['ye', 'ie'],
  ї: ['yi', 'i'],
  й: ['y', 'i'],
  ю: ['yu', 'iu'],
  я: ['ya', 'ia'],
};

/** Apostrophe look-alikes found in Ukrainian text; all are dropped and none ends a word. */
const APOSTROPHES = new Set(["'", '’', 'ʼ', '‘', '`', 'ʹ']);

const isUkrainianLetter = (char: string | undefined): boolean =>
  char !== undefined && (char.toLowerCase() in LETTERS || char.toLowerCase() in POSITIONAL);

const isUpperCase = (char: string | undefined): boolean =>
  char !== undefined && char !== char.toLowerCase() && char === char.toUpperCase();

/**
 * Transliterates Ukrainian text into Latin by the 2010 official rules. Characters that are not
 * Ukrainian letters (Latin, digits, spaces, hyphens, punctuation) pass through unchanged.
 * Capitalisation follows the source: `Щ` → `Shch`, but `ЩО` → `SHCHO`.
 *
 * @example transliterateUkrainian('Біла Церква') // 'Bila Tserkva'
 * @example transliterateUkrainian("Знам'янка") // 'Znamianka'
 */
export function transliterateUkrainian(text: string): string {
  // NFC first: й and ї typed as a base letter plus a combining mark must still match.
  const chars = Array.from(text.normalize('NFC'));
  let out = '';
  let wordStart = true;
  let previousLetter: string | undefined;

  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    if (APOSTROPHES.has(char) && previousLetter !== undefined && !wordStart) {
      continue; // dropped, and the word goes on: Знам'янка → Znamianka
    }
    if (!isUkrainianLetter(char)) {
      out += char;
      wordStart = true;
      previousLetter = undefined;
      continue;
    }

    const lower = char.toLowerCase();
    let latin: string;
    if (lower === 'г' && previousLetter === 'з') {
      latin = 'gh';
    } else if (lower in POSITIONAL) {
      const [initial, elsewhere] = POSITIONAL[lower];
      latin = wordStart ? initial : elsewhere;
    } else {
      latin = LETTERS[lower];
    }

    out += isUpperCase(char) ? capitalise(latin, isAllCapsContext(chars, i)) : latin;
    wordStart = false;
    previousLetter = lower;
  }
  return out;
}

/** True when the letter beside an upper-case letter is upper case too (an all-caps word). */
function isAllCapsContext(chars: readonly string[], index: number): boolean {
  const next = chars[index + 1];
  if (isUkrainianLetter(next)) return isUpperCase(next);
  const previous = chars[index - 1];
  return isUkrainianLetter(previous) && isUpperCase(previous);
}

function capitalise(latin: string, allCaps: boolean): string {
  if (allCaps) return latin.toUpperCase();
  return latin.charAt(0).toUpperCase() + latin.slice(1);
}
