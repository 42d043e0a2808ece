import type { SectorId } from '@bridges/contracts/vocabulary';

/**
 * The keyword table that maps a hromada's development goal (Ukrainian free text from its
 * strategy) onto the sector vocabulary. Deliberately explicit and conservative, so every mapping
 * can be defended by pointing at the word that produced it:
 *
 * - each pattern is a Ukrainian word stem matched at the start of a word (so `освіт` does not match
 *   inside `просвіта`), optionally followed by more words (`\S*` absorbs inflection);
 * - generic words that appear in every strategy (`розвиток`, `інфраструктура`, `якість життя`,
 *   `соціальний капітал`) map to nothing: such a goal stays a free-text priority;
 * - ambiguous stems carry an exclusion: `освітлення` (street lighting) is not education,
 *   `фізична культура` is sport not culture, `комунальне підприємство` is not the local economy,
 *   `інвестиційний клімат` is not the climate, `впорядкування` is not `ВПО`.
 *
 * A goal may match several sectors (e.g. "розвиток туризму та культурної спадщини"). Patterns are
 * applied to lower-cased text; keep them lower case.
 */
export const STRATEGY_SECTOR_KEYWORDS: Readonly<Record<SectorId, readonly string[]>> = {
  'water-supply': [
    'водопостач',
    'водовідвед',
    'водопров[іо]д',
    'каналізац',
    'питн\\S* вод',
    'вод(а|и|у|ою)(?!\\p{L})',
    'очисн\\S* споруд',
  ],
  'waste-management': ['відход', 'сміт', 'тпв(?!\\p{L})', 'полігон\\S* (тпв|побутов|відход)'],
  'energy-efficiency': [
    'енергоефект',
    'енергозбер',
    'енергонезалеж',
    'енергетичн',
    'енергетик',
    'альтернативн\\S* енерг',
    'енергоменедж',
    'відновлюван\\S* (джерел|енерг)',
    'вде(?!\\p{L})',
    'сонячн',
    'теплопостач',
    'теплозабезп',
    'утеплен',
    'термомодерн',
  ],
  transport: ['транспорт', 'дорог', 'доріг', 'дорожн', 'логісти', 'пасажир', 'мост(и|ів)'],
  'urban-planning': [
    'благоустр',
    'просторов\\S* (план|розвит)',
    'містобуд',
    'урбаніст',
    'публічн\\S* простор',
    'громадськ\\S* простор',
    'генеральн\\S* план',
    'землевпоряд',
  ],
  housing: ['житл', 'жкг(?!\\p{L})', 'осбб(?!\\p{L})', 'комунальн\\S* (послуг|господар)'],
  education: [
    'освіт(?!л)',
    'школ',
    'шкільн',
    'дошкільн',
    'позашкільн',
    'навчальн',
    'ліце(й|ї|ю)',
    'нуш(?!\\p{L})',
  ],
  healthcare: [
    'охорон\\S* здоров',
    'здоров',
    'медичн',
    'медицин',
    'лікар',
    'амбулатор',
    'психологічн\\S* (допомог|підтримк|добробут|реабіліт)',
  ],
  'social-services': [
    'соціальн\\S* (захист|послуг|підтримк|допомог|обслугов|служб)',
    'вразлив',
    'інвалідн',
    'літніх',
    'пенсіонер',
    'похил\\S* вік',
    'сімей',
    'сім[\\x27ʼ’]',
  ],
  accessibility: ['безбар', 'інклюзи', 'доступн\\S* середовищ'],
  youth: ['молод'],
  sport: ['спорт', 'фізичн\\S* культур', 'рекреац'],
  culture: ['(?<!фізичн\\S* )культур', 'спадщин', 'музе', 'бібліот', 'мистец'],
  tourism: ['турис', 'туризм', 'рекреац', 'курорт', 'санатор'],
  'local-economy': [
    '(?<!комунальн\\S* )підприєм',
    'виробництв',
    'бізнес',
    'інвест',
    'економік',
    'економічн',
    'мсб(?!\\p{L})',
    'мсп(?!\\p{L})',
    'зайнят',
    'робоч\\S* місц',
    'промисл(?!\\S* відход)',
    'індустріальн',
  ],
  agriculture: [
    'сільськогосп',
    'сільськ\\S* господар',
    'агро',
    'аграрн',
    'фермер',
    'тваринн',
    'садівн',
    'сільськ\\S* територ',
  ],
  environment: [
    'довкілл',
    'екологі',
    'природ(?!н\\S* газ)',
    'кліматичн',
    'змін\\S* клімат',
    'клімат\\S* (змін|адаптац|нейтральн)',
    'лісов',
    'навколишн',
  ],
  'digital-services': [
    'цифров',
    'діджитал',
    'електронн\\S* (послуг|врядув|урядув|демократ|сервіс)',
    'е-врядув',
    'е-демократ',
    'інформатиз',
    'цнап(?!\\p{L})',
    'адміністративн\\S* послуг',
    'інтернет',
    'широкосмуг',
  ],
  'good-governance': [
    'врядуван',
    'ефективн\\S* (управлінн|влад|самоврядув)',
    'прозор',
    'підзвітн',
    'участ\\S* (громадян|мешканц|жител)',
    'залучен\\S* (громадян|мешканц|жител)',
    'громадянськ\\S* суспільств',
    'міжмуніципальн',
    'співробітництв',
    'партисипатив',
    'громадськ\\S* (участ|активн)',
    'громадянськ\\S* позиц',
    'довір\\S* до (органів|влад)',
    'спроможн\\S* (омс|органів|апарат|адміністрац)',
  ],
  'civil-protection': [
    'цивільн\\S* захист',
    'надзвичайн\\S* ситуац',
    'укритт',
    'пожеж',
    'рятувальн',
    'правопоряд',
    'обороноздатн',
    'територіальн\\S* оборон',
    'громадськ\\S* (безпек|порядк)',
    'правоохорон',
    'муніципальн\\S* варт',
    'безпек\\S* (в|у) громад',
    'безпечн\\S* (та \\S+ )?громад',
    'безпек\\S* (громад|мешканц|жител|населенн|життєдіяльн)',
  ],
  'mine-action': ['розмінув', 'протимінн', 'вибухонебезпечн', 'мінн\\S* (небезпек|забрудн)'],
  reconstruction: [
    'відбуд',
    'відновлен\\S* (пошкоджен|зруйнован|інфраструктур|житл|об)',
    'повоєнн',
    'пошкоджен',
    'зруйнован',
  ],
  'veterans-reintegration': ['ветеран', 'учасник\\S* бойов', 'захисник', 'військовослужбов', 'демобіліз'],
  'idp-integration': ['впо(?!\\p{L})', 'внутрішньо переміщ', 'переселен', 'вимушено переміщ'],
  'gender-equality': ['гендер', 'рівн\\S* (можлив|прав)', 'домашн\\S* насильств'],
};

/** One keyword hit: which sector, by which pattern, on which matched words. */
export interface SectorKeywordMatch {
  readonly sector: SectorId;
  readonly pattern: string;
  /** The words of the text the pattern matched, as evidence for a coordinator. */
  readonly matched: string;
}

/** Letters and apostrophes that continue a Ukrainian word; a stem must not follow one. */
const WORD_START = '(?<![\\p{L}\\x27ʼ’])';

const COMPILED: ReadonlyArray<{ sector: SectorId; pattern: string; regex: RegExp }> = Object.entries(
  STRATEGY_SECTOR_KEYWORDS,
).flatMap(([sector, patterns]) =>
  patterns.map((pattern) => ({
    sector: sector as SectorId,
    pattern,
    regex: new RegExp(WORD_START + pattern, 'u'),
  })),
);

/**
 * The sectors a Ukrainian goal text maps to under {@link STRATEGY_SECTOR_KEYWORDS}, one match per
 * sector (the first pattern that hits), in vocabulary order. Empty when nothing defensible matches.
 */
export function matchStrategySectors(text: string): SectorKeywordMatch[] {
  const lower = text.normalize('NFC').toLowerCase();
  const bySector = new Map<SectorId, SectorKeywordMatch>();
  for (const { sector, pattern, regex } of COMPILED) {
    if (bySector.has(sector)) continue;
    const hit = regex.exec(lower);
    if (hit) bySector.set(sector, { sector, pattern, matched: hit[0] });
  }
  return [...bySector.values()];
}
