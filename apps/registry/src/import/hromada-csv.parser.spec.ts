import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CsvHeaderError } from './csv-row.reader';
import { parseHromadaCsv } from './hromada-csv.parser';
import { collectParsedRows } from './parsed-rows.collect';

/** Real-data tests read megabytes; allow for a busy machine. */
const REAL_DATA_TIMEOUT_MS = 60_000;

const FIXTURE = join(__dirname, '__fixtures__', 'hromadas-small.csv');
const SHARED_FULL_DATASET = join(__dirname, '../../../../../shared/data/kse-loc-data-hub/full_dataset.csv');

describe(parseHromadaCsv.name, () => {
  it('should normalise a valid urban hromada with transliterated names and oblast', async () => {
    const { accepted } = await collectParsedRows(parseHromadaCsv(FIXTURE));

    expect(accepted[0]).toEqual({
      country: 'UA',
      officialCode: 'UA05020030000031457',
      nameNative: 'Вінницька міська громада',
      nameLatin: 'Vinnytska miska hromada',
      shortNameNative: 'Вінницька',
      shortNameLatin: 'Vinnytska',
      region: {
        code: 'UA05000000000010236',
        level: 'oblast',
        nameNative: 'Вінницька область',
        nameLatin: 'Vinnytska oblast',
      },
      settlementType: 'urban',
      population: 387439,
      populationYear: 2022,
      areaKm2: 256.6,
      latitude: 49.2320162,
      longitude: 28.467975,
      workingLanguages: ['uk'],
      warImpact: { formerlyOccupied: false, listedInWarZone2022: false },
      source: { dataset: 'kse-loc-data-hub', rowNumber: 2 },
    });
  });

  it('should map settlement type, war-zone listing and a missing area when the row has them', async () => {
    const { accepted } = await collectParsedRows(parseHromadaCsv(FIXTURE));

    expect(accepted.map((record) => [record.officialCode, record.settlementType])).toEqual([
      ['UA05020030000031457', 'urban'],
      ['UA59080270000052066', 'settlement'],
      ['UA14160170000059986', 'urban'],
    ]);
    expect(accepted[1].warImpact).toEqual({ formerlyOccupied: false, listedInWarZone2022: true });
    expect(accepted[1].nameLatin).toBe('Zghurivska selyshchna hromada');
    expect(accepted[2].areaKm2).toBeUndefined();
    expect(accepted[2].warImpact).toEqual({ formerlyOccupied: true, listedInWarZone2022: undefined });
  });

  it('should reject each malformed row with its line number and reason when the file has bad rows', async () => {
    const { rejected } = await collectParsedRows(parseHromadaCsv(FIXTURE));

    expect(rejected).toEqual([
      { rowNumber: 5, reason: 'hromada_code is missing' },
      { rowNumber: 6, reason: "total_popultaion_2022 'about 9000' is not a non-negative whole number" },
      { rowNumber: 7, reason: 'lat_center 149 is outside [44, 53]' },
      { rowNumber: 8, reason: 'duplicate hromada_code UA05020030000031457 (first at row 2)' },
      { rowNumber: 9, reason: "type 'обласна' is not міська, селищна or сільська" },
      { rowNumber: 10, reason: 'expected 15 columns, found 3' },
      { rowNumber: 11, reason: "square -5 is outside [0, 100000]; occipied_before_2022 '2' is not 0 or 1" },
    ]);
  });

  it('should read from a stream when given one instead of a path', async () => {
    const csv =
      'hromada_code,hromada_name,hromada_full_name,type,oblast_code,oblast_name,lat_center,lon_center,total_popultaion_2022,square,occipied_before_2022\n' +
      'UA05020010000053508,Агрономічна,Агрономічна сільська громада,сільська,UA05000000000010236,Вінницька,49.19,28.37,9361,86.1,0\n';

    const { accepted, rejected } = await collectParsedRows(parseHromadaCsv(Readable.from([csv])));

    expect(rejected).toEqual([]);
    expect(accepted).toHaveLength(1);
    expect(accepted[0].warImpact).toEqual({ formerlyOccupied: false, listedInWarZone2022: undefined });
  });

  it('should throw CsvHeaderError naming the columns when required columns are absent', async () => {
    const csv = 'hromada_code,hromada_name\nUA05020010000053508,Агрономічна\n';

    await expect(collectParsedRows(parseHromadaCsv(Readable.from([csv])))).rejects.toThrow(
      new CsvHeaderError(
        'CSV header lacks required column(s): hromada_full_name, type, oblast_code, oblast_name, lat_center, lon_center, total_popultaion_2022, square, occipied_before_2022',
      ),
    );
  });

  it(
    'should accept all 1,469 hromadas with unique codes when parsing the real KSE data set',
    async () => {
      // The project's own copy is the default; ../shared holds the same unchanged file.
      const { accepted, rejected } = await collectParsedRows(
        existsSync(SHARED_FULL_DATASET) ? parseHromadaCsv(SHARED_FULL_DATASET) : parseHromadaCsv(),
      );

      expect(rejected).toEqual([]);
      expect(accepted).toHaveLength(1469);
      expect(new Set(accepted.map((record) => record.officialCode)).size).toBe(1469);
      expect(accepted.filter((record) => record.warImpact?.formerlyOccupied)).toHaveLength(31);
      expect(accepted.filter((record) => record.areaKm2 === undefined)).toHaveLength(31);
    },
    REAL_DATA_TIMEOUT_MS,
  );
});
