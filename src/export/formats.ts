export const OUTPUT_FORMATS = ['json', 'ndjson', 'csv', 'wide', 'xlsx', 'parquet'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Formats that are one binary file, written when the last report is in. */
export const BINARY_FORMATS: ReadonlySet<OutputFormat> = new Set(['xlsx', 'parquet']);
