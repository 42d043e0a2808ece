import { Readable } from 'node:stream';
import { CsvHeaderError, isCsvRow, readCsvRows, type CsvRow, type CsvRowError } from './csv-row.reader';

async function readAll(csv: string, required: readonly string[] = []): Promise<Array<CsvRow | CsvRowError>> {
  const items: Array<CsvRow | CsvRowError> = [];
  for await (const item of readCsvRows(Readable.from([csv]), required)) items.push(item);
  return items;
}

describe(readCsvRows.name, () => {
  it('should key values by trimmed header and number rows by file line when the file starts with a BOM', async () => {
    const items = await readAll('\uFEFFcode, name\nA1,Alpha\n\nB2,"Beta, quoted"\n');

    expect(items).toEqual([
      { rowNumber: 2, values: { code: 'A1', name: 'Alpha' } },
      { rowNumber: 4, values: { code: 'B2', name: 'Beta, quoted' } },
    ]);
  });

  it('should report a row with the wrong number of columns and continue with the next row', async () => {
    const items = await readAll('code,name\nA1\nB2,Beta\n');

    expect(items).toEqual([
      { rowNumber: 2, reason: 'expected 2 columns, found 1' },
      { rowNumber: 3, values: { code: 'B2', name: 'Beta' } },
    ]);
    expect(items.map(isCsvRow)).toEqual([false, true]);
  });

  it('should throw CsvHeaderError when the file is empty', async () => {
    await expect(readAll('')).rejects.toThrow(new CsvHeaderError('CSV file is empty: no header row'));
  });

  it('should throw CsvHeaderError listing every missing required column', async () => {
    await expect(readAll('code\nA1\n', ['code', 'name', 'area'])).rejects.toThrow(
      'CSV header lacks required column(s): name, area',
    );
  });

  it('should reject with the file error when the path does not exist', async () => {
    const read = async (): Promise<void> => {
      for await (const item of readCsvRows('/nonexistent/bridges/missing.csv', [])) void item;
    };

    await expect(read()).rejects.toThrow(/ENOENT/);
  });
});
