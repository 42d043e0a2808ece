import type { MunicipalityImportRecord, ParsedRow, RejectedRow } from './municipality-import.types';

/** Accepted records and rejected rows of one parse, split apart. */
export interface CollectedRows {
  readonly accepted: MunicipalityImportRecord[];
  readonly rejected: RejectedRow[];
}

/**
 * Drains a parser into memory. For tests, reports and small files only: the importer should
 * consume the stream in batches instead.
 */
export async function collectParsedRows(rows: AsyncIterable<ParsedRow>): Promise<CollectedRows> {
  const accepted: MunicipalityImportRecord[] = [];
  const rejected: RejectedRow[] = [];
  for await (const row of rows) {
    if (row.kind === 'accepted') accepted.push(row.record);
    else rejected.push(row.rejected);
  }
  return { accepted, rejected };
}
