import type { Format } from '../schema/index.js';

/**
 * One line of a document in reading order. Lines that are table rows carry their cells
 * (tab-separated text, Word's one-cell-per-line export, and later HTML/PDF grids), so every
 * reader hands the table parsers the same model.
 */
export interface Line {
  /** 1-based line number in the source text (first line of a merged block). */
  no: number;
  text: string;
  cells?: string[];
  page?: number;
}

export interface SourceDocument {
  path: string;
  format: Format;
  sha256: string;
  encoding: string | null;
  pages: number | null;
  lines: Line[];
}

/** A file that could not be read at all; becomes a `failed` record. */
export class ReadError extends Error {
  constructor(
    readonly code: 'E_NOT_FOUND' | 'E_UNREADABLE' | 'E_EMPTY' | 'E_ENCODING' | 'E_BINARY' | 'E_UNSUPPORTED' | 'E_TOO_LARGE',
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}
