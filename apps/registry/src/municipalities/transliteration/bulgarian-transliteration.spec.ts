import { transliterateBulgarian } from './bulgarian-transliteration';

// Spellings as used officially (road signs, passports) under the 2009 Transliteration Act.
const EXAMPLES: ReadonlyArray<readonly [string, string]> = [
  ['София', 'Sofia'],
  ['Пловдив', 'Plovdiv'],
  ['Варна', 'Varna'],
  ['Бургас', 'Burgas'],
  ['Русе', 'Ruse'],
  ['Стара Загора', 'Stara Zagora'],
  ['Шумен', 'Shumen'],
  ['Търговище', 'Targovishte'],
  ['Хасково', 'Haskovo'],
  ['Ямбол', 'Yambol'],
  ['Пазарджик', 'Pazardzhik'],
  ['Благоевград', 'Blagoevgrad'],
  ['Велико Търново', 'Veliko Tarnovo'],
  ['Габрово', 'Gabrovo'],
  ['Кърджали', 'Kardzhali'],
  ['Кюстендил', 'Kyustendil'],
  ['Смолян', 'Smolyan'],
  ['Айтос', 'Aytos'],
  ['Цар Калоян', 'Tsar Kaloyan'],
  ['Балчик', 'Balchik'],
  ['Ихтиман', 'Ihtiman'],
];

describe(transliterateBulgarian.name, () => {
  it.each(EXAMPLES)('should render %s as %s when following the Streamlined System', (cyrillic, latin) => {
    expect(transliterateBulgarian(cyrillic)).toBe(latin);
  });

  it('should write -ия as -ia only at the end of a word', () => {
    expect(transliterateBulgarian('Мизия')).toBe('Mizia');
    expect(transliterateBulgarian('Ияково')).toBe('Iyakovo');
  });

  it('should upper-case whole digraphs when the word is in capitals', () => {
    expect(transliterateBulgarian('ЩИТ')).toBe('SHTIT');
    expect(transliterateBulgarian('Щит')).toBe('Shtit');
  });

  it('should pass through characters that are not Bulgarian letters', () => {
    expect(transliterateBulgarian('Община 5, Sofia')).toBe('Obshtina 5, Sofia');
  });
});
