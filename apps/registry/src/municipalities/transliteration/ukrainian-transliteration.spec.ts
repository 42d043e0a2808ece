import { transliterateUkrainian } from './ukrainian-transliteration';

// Examples are the ones printed in the table of Cabinet of Ministers Resolution No. 55 (2010).
const OFFICIAL_EXAMPLES: ReadonlyArray<readonly [string, string]> = [
  ['Алушта', 'Alushta'],
  ['Андрій', 'Andrii'],
  ['Борщагівка', 'Borshchahivka'],
  ['Борисенко', 'Borysenko'],
  ['Вінниця', 'Vinnytsia'],
  ['Володимир', 'Volodymyr'],
  ['Гадяч', 'Hadiach'],
  ['Богдан', 'Bohdan'],
  ['Згурський', 'Zghurskyi'],
  ['Ґалаґан', 'Galagan'],
  ['Ґорґани', 'Gorgany'],
  ['Донецьк', 'Donetsk'],
  ['Дмитро', 'Dmytro'],
  ['Рівне', 'Rivne'],
  ['Олег', 'Oleh'],
  ['Есмань', 'Esman'],
  ['Єнакієве', 'Yenakiieve'],
  ['Гаєвич', 'Haievych'],
  ["Короп'є", 'Koropie'],
  ['Житомир', 'Zhytomyr'],
  ['Жанна', 'Zhanna'],
  ['Жежелів', 'Zhezheliv'],
  ['Закарпаття', 'Zakarpattia'],
  ['Казимирчук', 'Kazymyrchuk'],
  ['Медвин', 'Medvyn'],
  ['Михайленко', 'Mykhailenko'],
  ['Іванків', 'Ivankiv'],
  ['Іващенко', 'Ivashchenko'],
  ['Їжакевич', 'Yizhakevych'],
  ['Кадиївка', 'Kadyivka'],
  ["Мар'їне", 'Marine'],
  ['Йосипівка', 'Yosypivka'],
  ['Стрий', 'Stryi'],
  ['Олексій', 'Oleksii'],
  ['Київ', 'Kyiv'],
  ['Коваленко', 'Kovalenko'],
  ['Лебедин', 'Lebedyn'],
  ['Леонід', 'Leonid'],
  ['Миколаїв', 'Mykolaiv'],
  ['Маринич', 'Marynych'],
  ['Ніжин', 'Nizhyn'],
  ['Наталія', 'Nataliia'],
  ['Одеса', 'Odesa'],
  ['Онищенко', 'Onyshchenko'],
  ['Полтава', 'Poltava'],
  ['Петро', 'Petro'],
  ['Решетилівка', 'Reshetylivka'],
  ['Рибчинський', 'Rybchynskyi'],
  ['Суми', 'Sumy'],
  ['Соломія', 'Solomiia'],
  ['Тернопіль', 'Ternopil'],
  ['Троць', 'Trots'],
  ['Ужгород', 'Uzhhorod'],
  ['Уляна', 'Uliana'],
  ['Фастів', 'Fastiv'],
  ['Філіпчук', 'Filipchuk'],
  ['Харків', 'Kharkiv'],
  ['Христина', 'Khrystyna'],
  ['Біла Церква', 'Bila Tserkva'],
  ['Стеценко', 'Stetsenko'],
  ['Чернівці', 'Chernivtsi'],
  ['Шевченко', 'Shevchenko'],
  ['Шостка', 'Shostka'],
  ['Кишеньки', 'Kyshenky'],
  ['Щербухи', 'Shcherbukhy'],
  ['Гоща', 'Hoshcha'],
  ['Гаращенко', 'Harashchenko'],
  ['Юрій', 'Yurii'],
  ['Юрчишин', 'Yurchyshyn'],
  ['Корюківка', 'Koriukivka'],
  ['Яготин', 'Yahotyn'],
  ['Ярошенко', 'Yaroshenko'],
  ['Костянтин', 'Kostiantyn'],
  ["Знам'янка", 'Znamianka'],
  ['Феодосія', 'Feodosiia'],
  ['Згорани', 'Zghorany'],
  ['Розгон', 'Rozghon'],
  ['Гайдай', 'Haidai'],
  ['Хмельницький', 'Khmelnytskyi'],
  ['Чернігів', 'Chernihiv'],
];

describe(transliterateUkrainian.name, () => {
  it.each(OFFICIAL_EXAMPLES)('should render %s as %s when following the 2010 table', (cyrillic, latin) => {
    expect(transliterateUkrainian(cyrillic)).toBe(latin);
  });

  it('should use the word-initial spelling of є ї й ю я after a space or a hyphen', () => {
    expect(transliterateUkrainian('Нова Ярославка')).toBe('Nova Yaroslavka');
    expect(transliterateUkrainian('Ясіня-Юрківка')).toBe('Yasinia-Yurkivka');
  });

  it('should keep the mid-word spelling when the letter follows an apostrophe variant', () => {
    expect(transliterateUkrainian('Знам’янка')).toBe('Znamianka');
    expect(transliterateUkrainian('Знамʼянка')).toBe('Znamianka');
  });

  it('should render зг as zgh when the letters are in different case', () => {
    expect(transliterateUkrainian('ЗГорани')).toBe('ZGhorany');
  });

  it('should upper-case whole digraphs when the word is in capitals', () => {
    expect(transliterateUkrainian('ЩЕРБУХИ')).toBe('SHCHERBUKHY');
    expect(transliterateUkrainian('ЮРІЙ')).toBe('YURII');
  });

  it('should match й and ї when typed as a base letter plus a combining mark', () => {
    expect(transliterateUkrainian('Стрии\u0306')).toBe('Stryi');
    expect(transliterateUkrainian('\u0406\u0308жакевич')).toBe('Yizhakevych');
  });

  it('should pass through characters that are not Ukrainian letters', () => {
    expect(transliterateUkrainian('Громада №5 (2020), Lviv')).toBe('Hromada №5 (2020), Lviv');
    expect(transliterateUkrainian('')).toBe('');
  });
});
