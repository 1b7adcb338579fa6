import type { PageContent } from './types.js';

/** The PDF engines gov-report can read with; PDFium is the default. */
export const PDF_ENGINES = ['pdfium', 'pdfjs'] as const;
export type PdfEngineName = (typeof PDF_ENGINES)[number];

/** A page rendered to 8-bit grey, one byte a pixel, rows top to bottom; red seal ink see-through (ink.ts). */
export interface GreyBitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * One open PDF, as every engine presents it: page content in viewport space (top-left origin,
 * 1 unit = 1 pt), the same intermediate the grids, the stitching and the table parsers read.
 */
export interface EngineDocument {
  pageCount: number;
  /** Page n (1-based): its text, and its rulings and image coverage when asked (or when they cost nothing). */
  page(n: number, withRulings: boolean): Promise<PageContent>;
  /** The rulings and image coverage of a page read without them. */
  addRulings(n: number, content: PageContent): Promise<PageContent>;
  /** Page n drawn at `dpi`, for OCR; engines that cannot render leave it out. */
  render?(n: number, dpi: number): Promise<GreyBitmap>;
}

export interface PdfEngine {
  name: PdfEngineName;
  /** Open the PDF, run `fn`, and always close it, on errors too. Load errors are ReadErrors. */
  withDocument<T>(bytes: Uint8Array, fn: (doc: EngineDocument) => Promise<T>): Promise<T>;
}

/** An engine that could not open a file at all (as opposed to a file it opened and found wanting). */
export class EngineOpenError extends Error {
  constructor(
    readonly engine: PdfEngineName,
    message: string,
  ) {
    super(message);
    this.name = 'EngineOpenError';
  }
}
