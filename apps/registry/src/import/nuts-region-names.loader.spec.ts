import { parseLauDirectory } from './lau-csv.parser';
import { loadNutsRegionNames, nutsRegionName } from './nuts-region-names.loader';

/** Real-data tests read megabytes; allow for a busy machine. */
const REAL_DATA_TIMEOUT_MS = 60_000;
const NUTS_CODE = /^[A-Z]{2}[0-9A-Z]{1,3}$/;

describe(nutsRegionName.name, () => {
  const names = new Map([
    ['PL812', 'Chełmsko-zamojski'],
    ['PL81', 'Lubelskie'],
    ['FI1', 'Manner-Suomi'],
  ]);

  it('should give the NUTS 3 name when the code is named', () => {
    expect(nutsRegionName(names, 'PL812', 'PL81')).toBe('Chełmsko-zamojski');
  });

  it('should fall back to the NUTS 2, then the NUTS 1 region when the NUTS 3 code is not named', () => {
    expect(nutsRegionName(names, 'PL819', 'PL81')).toBe('Lubelskie');
    expect(nutsRegionName(names, 'FI193', 'FI19')).toBe('Manner-Suomi');
  });

  it('should give undefined rather than a made-up name when nothing around the code is named', () => {
    expect(nutsRegionName(names, 'ELZZZ', 'ELZZ')).toBeUndefined();
  });
});

describe(loadNutsRegionNames.name, () => {
  it(
    'should name the NUTS 3 region of every municipality of the five demo countries from the shipped data',
    async () => {
      const regionNames = await loadNutsRegionNames();
      const byCode = new Map<string, string | undefined>();
      for await (const row of parseLauDirectory(undefined, ['EE', 'LT', 'LV', 'PL', 'SK'], regionNames))
        if (row.kind === 'accepted') byCode.set(row.record.region.code, row.record.region.nameNative);

      expect(byCode.get('PL812')).toBe('Chełmsko-zamojski');
      expect(byCode.get('EE001')).toBe('Põhja-Eesti');
      // Latvia's LAU file uses NUTS 2021 codes that NUTS 2024 renumbered; their 2021 names ship beside it.
      expect(byCode.get('LV007')).toBe('Pierīga');
      const unnamed = [...byCode].filter(([, name]) => name === undefined || NUTS_CODE.test(name));
      expect(unnamed).toEqual([]);
      // Every NUTS 3 region has its own name there, none stands in for its parent.
      expect([...byCode.values()].filter((n) => ['Latvija', 'Eesti', 'Lietuva'].includes(n!))).toEqual([]);
    },
    REAL_DATA_TIMEOUT_MS,
  );

  it(
    'should name a region for all but the extra-regio code of all 26 countries shipped',
    async () => {
      const regionNames = await loadNutsRegionNames();
      const unnamed = new Set<string>();
      for await (const row of parseLauDirectory(undefined, undefined, regionNames))
        if (row.kind === 'accepted' && row.record.region.nameNative === undefined)
          unnamed.add(row.record.region.code);

      expect([...unnamed]).toEqual(['ELZZZ']);
    },
    REAL_DATA_TIMEOUT_MS,
  );

  it('should trim the trailing space some Eurostat names carry', async () => {
    expect((await loadNutsRegionNames()).get('LT02')).toBe('Vidurio ir vakarų Lietuvos regionas');
  });
});
