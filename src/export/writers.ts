import { writeToString } from 'fast-csv';
import type { Writable } from 'node:stream';
import type { TidyRow } from '../schema/tidy.js';
import { isSerialized, textOf, type Parsed, type TextFormat } from './serialize.js';
import type { OutputFormat } from './formats.js';
import { reportToTidyRows } from './tidy.js';

export { OUTPUT_FORMATS, type OutputFormat } from './formats.js';

/** Writes reports as they finish; `end` closes the document (array bracket, CSV stream). */
export interface ReportWriter {
  write(report: Parsed): Promise<void>;
  end(): Promise<void>;
}

/** The text form batch workers should hand the writer, or null when it needs the report object. */
export function writerTextFormat(format: OutputFormat, options: { single: boolean }): TextFormat | null {
  if (format === 'csv') return null;
  return format === 'ndjson' ? 'ndjson' : options.single ? 'json' : 'json-element';
}

export function createWriter(format: OutputFormat, out: Writable, options: { single: boolean }): ReportWriter {
  switch (format) {
    case 'json':
      return options.single ? singleJsonWriter(out) : jsonArrayWriter(out);
    case 'ndjson':
      return { write: (r) => put(out, `${textOf(r, 'ndjson')}\n`), end: async () => {} };
    case 'csv':
      return csvWriter(out);
  }
}

function singleJsonWriter(out: Writable): ReportWriter {
  return { write: (r) => put(out, `${textOf(r, 'json')}\n`), end: async () => {} };
}

/** Streams the array so a batch of thousands is never held in memory twice. */
function jsonArrayWriter(out: Writable): ReportWriter {
  let count = 0;
  return {
    write: (r) => put(out, `${count++ === 0 ? '[\n' : ',\n'}${textOf(r, 'json-element')}`),
    end: () => put(out, count === 0 ? '[]\n' : '\n]\n'),
  };
}

/** Each report's rows are formatted, then written like any chunk, so a failing output fails the write. */
function csvWriter(out: Writable): ReportWriter {
  let first = true;
  const chunk = async (rows: TidyRow[]) => {
    // The columns come from the zod schema, loaded only when CSV is written.
    const { TIDY_COLUMNS } = await import('../schema/tidy.js');
    // alwaysWriteHeaders writes them for no rows even after the first chunk: a report without rows adds nothing.
    if (!first && rows.length === 0) return '';
    const text = await writeToString(rows, { headers: TIDY_COLUMNS, writeHeaders: first, alwaysWriteHeaders: first, includeEndRowDelimiter: true });
    // The BOM makes Excel read UTF-8; fast-csv leaves it out of a header-only file, so it is added here.
    const bom = first ? '\uFEFF' : '';
    first = false;
    return bom + text;
  };
  return {
    write: async (report) => {
      if (isSerialized(report)) throw new Error('the CSV writer needs report objects, not serialised reports');
      await put(out, await chunk(reportToTidyRows(report).map(escapeFormulas)));
    },
    end: async () => (first ? put(out, await chunk([])) : undefined),
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

/** Write, waiting only when the stream asks for it (backpressure), not for every chunk to land. */
function put(out: Writable, chunk: string): Promise<void> {
  if (out.errored) return Promise.reject(out.errored);
  if (out.writableNeedDrain) return drained(out).then(() => put(out, chunk));
  if (out.write(chunk)) return Promise.resolve();
  return drained(out);
}

/** Resolves on 'drain'; rejects if the stream fails instead (a full disk must not hang the batch). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('error', done);
      out.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(out.errored ?? new Error('output closed'));
    out.on('drain', onDrain);
    out.on('error', done);
    out.on('close', onClose);
  });
}
