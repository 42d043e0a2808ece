import { SECTOR_IDS } from '@bridges/contracts/vocabulary';
import { STRATEGY_SECTOR_KEYWORDS, matchStrategySectors } from './strategy-sector-keywords.table';

const sectorsOf = (text: string): string[] => matchStrategySectors(text).map((match) => match.sector);

describe('STRATEGY_SECTOR_KEYWORDS', () => {
  it('should have a pattern list for every sector of the vocabulary', () => {
    expect(Object.keys(STRATEGY_SECTOR_KEYWORDS).sort()).toEqual([...SECTOR_IDS].sort());
  });
});

describe(matchStrategySectors.name, () => {
  it('should map a goal to every sector it names when the words are in the table', () => {
    expect(sectorsOf('3.2. Сталий розвиток культури та туризму')).toEqual(['culture', 'tourism']);
    expect(sectorsOf('Управління ТПВ без шкоди для довкілля')).toEqual(['waste-management', 'environment']);
    expect(sectorsOf('Підтримка ветеранів та ВПО')).toEqual(['veterans-reintegration', 'idp-integration']);
  });

  it('should return the matched words as evidence when a sector is found', () => {
    expect(matchStrategySectors('Забезпечення доступу до якісної медицини')).toEqual([
      { sector: 'healthcare', pattern: 'медицин', matched: 'медицин' },
    ]);
  });

  it('should map nothing when the goal is generic', () => {
    expect(sectorsOf('Стратегічна ціль 3. Розвиток людського капіталу')).toEqual([]);
    expect(sectorsOf('Покращення якості життя')).toEqual([]);
  });

  it('should not match a stem inside another word or an excluded look-alike', () => {
    expect(sectorsOf('Модернізація вуличного освітлення')).toEqual([]);
    expect(sectorsOf('Впорядкування території')).toEqual([]);
    expect(sectorsOf('Розвиток фізичної культури')).toEqual(['sport']);
    expect(sectorsOf('Формування сприятливого інвестиційного клімату')).toEqual(['local-economy']);
    expect(sectorsOf('Оновлення техніки комунального підприємства')).toEqual([]);
  });

  it('should match regardless of case when the goal is written in capitals', () => {
    expect(sectorsOf('ЕФЕКТИВНЕ УПРАВЛІННЯ МІСЦЕВОЮ СПІЛЬНОТОЮ')).toEqual(['good-governance']);
  });
});
