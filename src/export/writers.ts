import { writeToString } from 'fast-csv';
import type { Writable } from 'node:stream';
import type { Report } from '../schema/index.js';
import type { TidyRow } from '../schema/tidy.js';
import type { Scalar } from './wide.js';
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
  if (format === 'ndjson') return 'ndjson';
  return format === 'json' ? (options.single ? 'json' : 'json-element') : null;
}

export function createWriter(format: OutputFormat, out: Writable, options: { single: boolean }): ReportWriter {
  switch (format) {
    case 'json':
      return options.single ? singleJsonWriter(out) : jsonArrayWriter(out);
    case 'ndjson':
      return { write: (r) => put(out, `${textOf(r, 'ndjson')}\n`), end: async () => {} };
    case 'csv':
      return csvWriter(out, tidyShape);
    case 'wide':
      return csvWriter(out, wideShape);
    case 'xlsx':
      return collecting(out, () => import('./xlsx.js').then((m) => m.workbookBuilder()));
    case 'parquet':
      return collecting(out, () => import('./parquet.js').then((m) => m.parquetBuilder()));
  }
}

/** Builds one binary file from every report: xlsx and Parquet are written whole, at the end. */
export interface FileBuilder {
  add(report: Report): void;
  finish(): Promise<Uint8Array>;
}

function collecting(out: Writable, load: () => Promise<FileBuilder>): ReportWriter {
  // The libraries are loaded only when their format is asked for.
  let builder: Promise<FileBuilder> | null = null;
  const get = () => (builder ??= load());
  return {
    write: async (report) => (await get()).add(objectOf(report)),
    end: async () => put(out, await (await get()).finish()),
  };
}

function objectOf(report: Parsed): Report {
  if (isSerialized(report)) throw new Error('this writer needs report objects, not serialised reports');
  return report;
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

/** A CSV's header and a report's rows under it; loaded only when that CSV is written. */
interface CsvShape {
  header: readonly string[];
  rows(report: Report): Scalar[][];
}

/** The long CSV: one row per value, the columns of the tidy schema. */
async function tidyShape(): Promise<CsvShape> {
  const { TIDY_COLUMNS } = await import('../schema/tidy.js');
  return { header: TIDY_COLUMNS, rows: (r) => reportToTidyRows(r).map((row) => TIDY_COLUMNS.map((k) => row[k])) };
}

/** The wide CSV: one row per report, the columns of WIDE_COLUMNS. */
async function wideShape(): Promise<CsvShape> {
  const { WIDE_COLUMNS, reportToWideRow } = await import('./wide.js');
  return { header: WIDE_COLUMNS, rows: (r) => [reportToWideRow(r)] };
}

/**
 * Each report's rows are formatted, then written like any chunk, so a failing output fails the
 * write. UTF-8 with a BOM (Excel reads it as UTF-8), the header once, formula-like text escaped.
 */
function csvWriter(out: Writable, load: () => Promise<CsvShape>): ReportWriter {
  let shape: Promise<CsvShape> | null = null;
  let first = true;
  const chunk = async (rows: Scalar[][]) => {
    const all = first ? [[...(await (shape ??= load())).header], ...rows] : rows;
    // A report without rows adds nothing after the first chunk.
    if (all.length === 0) return '';
    const text = await writeToString(all.map((r) => r.map(escapeFormula)), { includeEndRowDelimiter: true });
    const bom = first ? '\uFEFF' : '';
    first = false;
    return bom + text;
  };
  return {
    write: async (report) => put(out, await chunk((await (shape ??= load())).rows(objectOf(report)))),
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
  for (const [key, v] of Object.entries(out)) out[key] = escapeFormula(v as Scalar);
  return out as TidyRow;
}

export function escapeFormula<V extends Scalar>(v: V): V {
  return (typeof v === 'string' && FORMULA.test(v) ? `'${v}` : v) as V;
}

/** Write, waiting only when the stream asks for it (backpressure), not for every chunk to land. */
function put(out: Writable, chunk: string | Uint8Array): Promise<void> {
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
