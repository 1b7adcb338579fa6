import type { Diagnostic, Format } from '../schema/index.js';

/**
 * One line of a document in reading order. Lines that are table rows carry their cells
 * (tab-separated text, Word's one-cell-per-line export, PDF and HTML grids), so every reader
 * hands the table parsers the same model.
 */
export interface Line {
  /** 1-based line number: in the source text, or in reading order for PDFs. */
  no: number;
  text: string;
  cells?: string[];
  page?: number;
  /** Read by OCR: the recogniser's confidence (0–1) in the line, and in each cell. */
  ocr?: { confidence: number; cells?: Array<number | undefined> };
}

/** What is put together is as sure as its least sure part; undefined when OCR read none of it. */
export function leastConfidence(parts: ReadonlyArray<number | undefined>): number | undefined {
  let least: number | undefined;
  for (const c of parts) if (c !== undefined && (least === undefined || c < least)) least = c;
  return least;
}

/** Extensions the folder walk picks up. */
export const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.pdf', '.html', '.htm', '.docx', '.doc', '.wps', '.jpg', '.jpeg', '.png']);

/** What a page says about itself: a crawler's header block, a web page's <meta> tags. Text as written. */
export interface PageMeta {
  title?: string;
  /** Publication date or time, as written (`2026-03-10 12:56`). */
  published?: string;
  written?: string;
  publisher?: string;
  url?: string;
}

export interface SourceDocument {
  path: string;
  format: Format;
  sha256: string;
  encoding: string | null;
  pages: number | null;
  lines: Line[];
  /** Problems the reader found (scanned pages …), reported with the rest. */
  notes?: Diagnostic[];
  /** What the page or a header block says of the report, beside its text. */
  meta?: PageMeta;
  /** PDFs: the engine that read it. */
  engine?: 'pdfium' | 'pdfjs';
  /** Pages read by OCR (scans, pages of an image file). */
  ocr?: number[];
}

export type ReadErrorCode =
  | 'E_NOT_FOUND'
  | 'E_UNREADABLE'
  | 'E_EMPTY'
  | 'E_ENCODING'
  | 'E_BINARY'
  | 'E_UNSUPPORTED'
  | 'E_TOO_LARGE'
  | 'E_PDF'
  | 'E_ENCRYPTED'
  | 'E_SCANNED'
  | 'E_TEXT_LAYER'
  | 'E_NOT_A_PAGE'
  | 'E_DOCX'
  | 'E_DOC'
  | 'E_HTML';

/** A file that could not be read at all; becomes a `failed` record. */
export class ReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}
