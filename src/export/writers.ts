import { format as csvFormat, type CsvFormatterStream } from 'fast-csv';
import type { Writable } from 'node:stream';
import type { Report } from '../schema/index.js';
import { TIDY_COLUMNS, type TidyRow } from '../schema/tidy.js';
import { reportToTidyRows } from './tidy.js';

export const OUTPUT_FORMATS = ['json', 'ndjson', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Writes reports as they finish; `end` closes the document (array bracket, CSV stream). */
export interface ReportWriter {
  write(report: Report): Promise<void>;
  end(): Promise<void>;
}

export function createWriter(format: OutputFormat, out: Writable, options: { single: boolean }): ReportWriter {
  switch (format) {
    case 'json':
      return options.single ? singleJsonWriter(out) : jsonArrayWriter(out);
    case 'ndjson':
      return { write: (r) => put(out, `${JSON.stringify(r)}\n`), end: async () => {} };
    case 'csv':
      return csvWriter(out);
  }
}

function singleJsonWriter(out: Writable): ReportWriter {
  return { write: (r) => put(out, `${JSON.stringify(r, null, 2)}\n`), end: async () => {} };
}

/** Streams the array so a batch of thousands is never held in memory twice. */
function jsonArrayWriter(out: Writable): ReportWriter {
  let count = 0;
  return {
    write: (r) => put(out, `${count++ === 0 ? '[\n' : ',\n'}${indent(JSON.stringify(r, null, 2))}`),
    end: () => put(out, count === 0 ? '[]\n' : '\n]\n'),
  };
}

function csvWriter(out: Writable): ReportWriter {
  const stream: CsvFormatterStream<TidyRow, TidyRow> = csvFormat({ headers: TIDY_COLUMNS, writeBOM: true, alwaysWriteHeaders: true });
  stream.pipe(out, { end: false });
  return {
    async write(report) {
      for (const row of reportToTidyRows(report)) {
        if (!stream.write(escapeFormulas(row))) await new Promise((resolve) => stream.once('drain', resolve));
      }
    },
    end: () =>
      new Promise((resolve, reject) => {
        stream.once('error', reject);
        stream.once('end', resolve);
        stream.end();
      }),
  };
}

/** Text a spreadsheet would run as a formula: =, +, -, @, or a tab or return first (OWASP CSV injection). */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * Prefix formula-like text cells with an apostrophe so Excel, LibreOffice and Sheets show them
 * as text. Numbers are left as numbers: `value` is never escaped, and neither is a year.
 */
export function escapeFormulas(row: TidyRow): TidyRow {
  const out = { ...row } as Record<string, unknown>;
  for (const [key, v] of Object.entries(out)) if (typeof v === 'string' && FORMULA.test(v)) out[key] = `'${v}`;
  return out as TidyRow;
}

function indent(s: string): string {
  return s.replace(/^/gm, '  ');
}

function put(out: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}
