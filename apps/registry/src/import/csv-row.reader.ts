import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';

/** A CSV source: a file path or an already open stream of its bytes. */
export type CsvSource = string | Readable;

/** One data row of a CSV file, keyed by header name. */
export interface CsvRow {
  /** Line of the row in the file; the header is line 1. */
  readonly rowNumber: number;
  /** Values by column name; a column missing from a short row is absent. */
  readonly values: Readonly<Record<string, string>>;
}

/** A row the CSV reader itself could not read (bad quoting, wrong number of columns). */
export interface CsvRowError {
  readonly rowNumber: number;
  readonly reason: string;
}

/** Thrown when the file as a whole cannot be read: no header, or a required column is absent. */
export class CsvHeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = CsvHeaderError.name;
  }
}

/**
 * Streams a CSV file row by row (constant memory, any size). Rows the reader cannot read are
 * yielded as {@link CsvRowError}s instead of aborting the file, so one bad line costs one row.
 *
 * @param requiredColumns columns the header must contain; otherwise {@link CsvHeaderError}.
 */
export async function* readCsvRows(
  source: CsvSource,
  requiredColumns: readonly string[],
): AsyncGenerator<CsvRow | CsvRowError> {
  const skipped: CsvRowError[] = [];
  let lastSkippedLine = -1;
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      // The parser resumes after the bad record; remember it so it shows up in the report.
      const line = typeof error?.lines === 'number' ? error.lines : 0;
      // One malformed record can raise several errors; report the line once.
      if (line === lastSkippedLine) return undefined;
      lastSkippedLine = line;
      skipped.push({ rowNumber: line, reason: `unreadable CSV row: ${error?.message ?? 'unknown error'}` });
      return undefined;
    },
  });
  const input = typeof source === 'string' ? createReadStream(source) : source;
  input.on('error', (error: Error) => parser.destroy(error));
  input.pipe(parser);

  let header: string[] | undefined;
  for await (const chunk of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const { record, info } = chunk;
    // The parser may run ahead of this loop; emit skipped lines in file order.
    while (skipped.length > 0 && skipped[0].rowNumber < info.lines) yield skipped.shift() as CsvRowError;
    if (header === undefined) {
      header = record.map((name) => name.trim());
      const missing = requiredColumns.filter((column) => !header?.includes(column));
      if (missing.length > 0) {
        parser.destroy();
        throw new CsvHeaderError(`CSV header lacks required column(s): ${missing.join(', ')}`);
      }
      continue;
    }
    if (record.length !== header.length) {
      yield { rowNumber: info.lines, reason: `expected ${header.length} columns, found ${record.length}` };
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, index) => (values[name] = record[index]));
    yield { rowNumber: info.lines, values };
  }
  yield* skipped.splice(0);
  if (header === undefined) throw new CsvHeaderError('CSV file is empty: no header row');
}

/** Narrows a reader item to a readable row. */
export function isCsvRow(item: CsvRow | CsvRowError): item is CsvRow {
  return 'values' in item;
}
