/** One delivered shipment as open data: no personal data (driver, contacts) ever appears here. */
export interface AidFlowRow {
  readonly deliveredOn: string;
  readonly reference: string;
  readonly donor: string;
  readonly donorCountry: string;
  readonly recipient: string;
  readonly oblast: string;
  readonly sectors: string;
  readonly items: string;
  readonly grossWeightKg: number;
  /** Declared value in major units (e.g. "100000.00"), in `currency`; empty when none was declared. */
  readonly value: string;
  readonly currency: string;
  readonly status: string;
  readonly brokeredBy: string;
}

/**
 * Columns with their HXL hashtags (Humanitarian Exchange Language, hxlstandard.org), the second row of
 * the CSV, so HDX and HXL tools read the file without a mapping. Values are never converted between
 * currencies: `#value` goes with `#currency`.
 */
export const AID_FLOW_COLUMNS: readonly { key: keyof AidFlowRow; header: string; hxl: string }[] = [
  { key: 'deliveredOn', header: 'Delivered on', hxl: '#date+delivered' },
  { key: 'reference', header: 'Shipment reference', hxl: '#activity+code' },
  { key: 'donor', header: 'Donor municipality', hxl: '#org+donor' },
  { key: 'donorCountry', header: 'Donor country', hxl: '#country+code+donor' },
  { key: 'recipient', header: 'Recipient hromada', hxl: '#org+recipient' },
  { key: 'oblast', header: 'Oblast', hxl: '#adm1+name' },
  { key: 'sectors', header: 'Sectors', hxl: '#sector' },
  { key: 'items', header: 'Items', hxl: '#item+name' },
  { key: 'grossWeightKg', header: 'Gross weight (kg)', hxl: '#indicator+weight_kg+num' },
  { key: 'value', header: 'Declared value', hxl: '#value' },
  { key: 'currency', header: 'Currency', hxl: '#currency' },
  { key: 'status', header: 'Status', hxl: '#status' },
  { key: 'brokeredBy', header: 'Brokered by', hxl: '#org+implementing' },
];

/** Header row, HXL hashtag row, one row per flow; RFC 4180 quoting, CRLF line ends. */
export function toHxlCsv(rows: readonly AidFlowRow[]): string {
  const lines = [
    AID_FLOW_COLUMNS.map((c) => csvCell(c.header)),
    AID_FLOW_COLUMNS.map((c) => csvCell(c.hxl)),
    ...rows.map((row) => AID_FLOW_COLUMNS.map((c) => csvCell(String(row[c.key])))),
  ];
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/**
 * One CSV cell. A text starting with `=`, `+`, `-`, `@`, tab or CR would run as a formula in a spreadsheet
 * (CSV injection, OWASP): names and items come from users, so such a cell is prefixed with `'`. Numbers
 * this service writes itself are never negative, so they are left alone.
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
