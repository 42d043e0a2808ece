import { join } from 'node:path';
import { Readable } from 'node:stream';
import { listLauCountries, parseLauCsv, parseLauDirectory } from './lau-csv.parser';
import { collectParsedRows } from './parsed-rows.collect';

/** Real-data tests read megabytes; allow for a busy machine. */
const REAL_DATA_TIMEOUT_MS = 60_000;

const FIXTURE = join(__dirname, '__fixtures__', 'lau-ee-small.csv');
const HEADER =
  'gisco_id,longitude,latitude,country,nuts_2,nuts_3,lau_id,lau_name,population,area_km2,year,fid,concordance,pop_weighted\n';

describe(parseLauCsv.name, () => {
  it('should normalise a valid LAU row with GISCO id, NUTS region and derived settlement type', async () => {
    const { accepted } = await collectParsedRows(parseLauCsv('EE', FIXTURE));

    expect(accepted[0]).toEqual({
      country: 'EE',
      officialCode: 'EE_0784',
      nameNative: 'Tallinn',
      nameLatin: 'Tallinn',
      region: { code: 'EE001', level: 'nuts3', parentCode: 'EE00' },
      settlementType: 'city',
      population: 437619,
      populationYear: 2020,
      areaKm2: 159.2,
      latitude: 59.43,
      longitude: 24.74,
      workingLanguages: ['et'],
      source: { dataset: 'edjnet-lau-2020', rowNumber: 2 },
    });
    expect(accepted.map((record) => [record.officialCode, record.settlementType])).toEqual([
      ['EE_0784', 'city'],
      ['EE_0793', 'city'],
      ['EE_0130', 'rural'],
      ['EE_0296', 'town'],
      ['EE_0202', 'rural'],
    ]);
  });

  it('should reject malformed rows with line and reason and go on after an unreadable line', async () => {
    const { rejected } = await collectParsedRows(parseLauCsv('EE', FIXTURE));

    expect(rejected.map((row) => row.rowNumber)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(rejected.slice(0, 6)).toEqual([
      { rowNumber: 6, reason: 'population is missing' },
      { rowNumber: 7, reason: "population '4 398' is not a non-negative whole number" },
      { rowNumber: 8, reason: 'longitude 206.38 is outside [-180, 180]' },
      { rowNumber: 9, reason: 'duplicate gisco_id EE_0784 (first at row 2)' },
      {
        rowNumber: 10,
        reason:
          "country 'LV' is not EE; gisco_id 'LV_0001' does not match EE_0001; nuts_2 'LV00' is not a EE NUTS 2 code; nuts_3 'LV006' is not a EE NUTS 3 code",
      },
      { rowNumber: 11, reason: "gisco_id 'EE_0199' does not match EE_0200" },
    ]);
    expect(rejected[6].reason).toMatch(/^unreadable CSV row: Invalid Opening Quote/);
  });

  it('should transliterate Bulgarian names by the Streamlined System when the LAU name is Cyrillic', async () => {
    const csv =
      HEADER + 'BG_AYT01,27.25,42.7,BG,BG34,BG341,AYT01,Айтос,29000,403,2020,BG_AYT01,official,TRUE\n';

    const { accepted } = await collectParsedRows(parseLauCsv('BG', Readable.from([csv])));

    expect(accepted[0].nameNative).toBe('Айтос');
    expect(accepted[0].nameLatin).toBe('Aytos');
    expect(accepted[0].workingLanguages).toEqual(['bg']);
  });

  it('should leave the Latin name undefined when the LAU name is in Greek script', async () => {
    const csv =
      HEADER + 'CY_CY000,33.36,35.17,CY,CY00,CY000,CY000,Λευκωσία,55000,51,2020,CY_CY000,official,TRUE\n';

    const { accepted } = await collectParsedRows(parseLauCsv('CY', Readable.from([csv])));

    expect(accepted[0].nameNative).toBe('Λευκωσία');
    expect(accepted[0].nameLatin).toBeUndefined();
  });

  it('should give Greece its ISO code while keeping the Eurostat EL spelling in codes', async () => {
    const csv =
      HEADER +
      'EL_19010101,23.72,37.98,EL,EL30,EL303,19010101,Δημοτική Κοινότητα Αθηναίων,643452,38.96,2020,EL_19010101,official,TRUE\n';

    const { accepted, rejected } = await collectParsedRows(parseLauCsv('GR', Readable.from([csv])));

    expect(rejected).toEqual([]);
    expect(accepted[0]).toMatchObject({
      country: 'GR',
      officialCode: 'EL_19010101',
      region: { code: 'EL303', parentCode: 'EL30' },
      workingLanguages: ['el'],
      settlementType: 'city',
    });
  });

  it('should throw RangeError when the country is not an EU member state code', async () => {
    await expect(collectParsedRows(parseLauCsv('UA' as never, Readable.from([HEADER])))).rejects.toThrow(
      RangeError,
    );
  });

  it('should name the region from the NUTS names, falling back to the NUTS 2 region for a retired NUTS 3 code', async () => {
    const names = new Map([
      ['EE001', 'Põhja-Eesti'],
      ['EE00', 'Eesti'],
    ]);
    const csv = `${HEADER}EE_0784,24.74,59.43,EE,EE00,EE001,0784,Tallinn,437619,159.2,2020,EE_0784,official,TRUE
EE_0793,26.72,58.38,EE,EE00,EE009,0793,Tartu linn,95430,154.5,2020,EE_0793,official,TRUE
`;
    const { accepted } = await collectParsedRows(parseLauCsv('EE', Readable.from([csv]), names));

    expect(accepted.map((r) => r.region)).toEqual([
      { code: 'EE001', level: 'nuts3', parentCode: 'EE00', nameNative: 'Põhja-Eesti' },
      { code: 'EE009', level: 'nuts3', parentCode: 'EE00', nameNative: 'Eesti' },
    ]);
  });

  it(
    'should accept every municipality of the bundled Estonian file when reading the default data folder',
    async () => {
      const { accepted, rejected } = await collectParsedRows(parseLauCsv('EE'));

      expect(rejected).toEqual([]);
      expect(accepted).toHaveLength(79);
    },
    REAL_DATA_TIMEOUT_MS,
  );
});

describe(listLauCountries.name, () => {
  it('should list all 26 countries of the bundled data folder (France is not in the source)', async () => {
    const countries = await listLauCountries();
    expect(countries).toHaveLength(26);
    expect(countries).toEqual(expect.arrayContaining(['EE', 'LT', 'LV', 'PL', 'SK', 'DE', 'GR']));
  });
});

describe(parseLauDirectory.name, () => {
  it(
    'should accept every municipality of the five demo countries with their source row counts',
    async () => {
      const counts: Record<string, number> = {};
      const rejected: unknown[] = [];
      for await (const row of parseLauDirectory(undefined, ['EE', 'LT', 'LV', 'PL', 'SK'])) {
        if (row.kind === 'accepted') counts[row.country] = (counts[row.country] ?? 0) + 1;
        else rejected.push(row.rejected);
      }

      expect(rejected).toEqual([]);
      expect(counts).toEqual({ EE: 79, LT: 60, LV: 119, PL: 2477, SK: 2927 });
    },
    REAL_DATA_TIMEOUT_MS,
  );

  it('should parse only the requested countries when a list is given', async () => {
    const countries = new Set<string>();
    for await (const row of parseLauDirectory(undefined, ['LT'])) countries.add(row.country);

    expect([...countries]).toEqual(['LT']);
  });
});
