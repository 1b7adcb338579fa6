export const OUTPUT_FORMATS = ['json', 'ndjson', 'csv', 'wide', 'xlsx', 'parquet'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Formats that are one binary file, written when the last report is in. */
export const BINARY_FORMATS: ReadonlySet<OutputFormat> = new Set(['xlsx', 'parquet']);

/** What a file of each format is called. */
export const FORMAT_EXTENSIONS: Readonly<Record<OutputFormat, string>> = { json: 'json', ndjson: 'ndjson', csv: 'csv', wide: 'csv', xlsx: 'xlsx', parquet: 'parquet' };
