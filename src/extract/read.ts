import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Format } from '../schema/index.js';
import { bytesToText } from './decode.js';
import { sha256 } from './hash.js';
import { ReadError, type SourceDocument } from './document.js';
import type { PdfEngineName } from './pdf/engine.js';
import { pdfToDocument, type RulingPolicy } from './pdf/index.js';
import { isImage } from './image.js';
import { isOle2 } from './ole2.js';
import { looksLikeMarkdown, markdownToLines } from './markdown.js';
import { textToLines } from './text.js';

/** Files beyond this are not reports; refuse before reading them. */
export const MAX_BYTES: Record<Format, number> = { txt: 20 * 1024 * 1024, md: 20 * 1024 * 1024, html: 20 * 1024 * 1024, image: 50 * 1024 * 1024, pdf: 200 * 1024 * 1024, docx: 100 * 1024 * 1024, doc: 100 * 1024 * 1024 };
const MAX_ANY = Math.max(...Object.values(MAX_BYTES));

export { REPORT_EXTENSIONS } from './document.js';

export interface ReadOptions {
  /** PDFs: which pages to read ruling lines for (default: all). PDFium reads them for nothing. */
  rulings?: RulingPolicy;
  /** PDFs: the engine (default PDFium; a PDF it cannot open is tried with pdf.js). */
  engine?: PdfEngineName;
  /** Pages without a text layer, and image files, are read by OCR unless this is false. */
  ocr?: boolean;
  /** Told how many pages OCR is about to read, before it starts (a batch extends the file's time limit). */
  onOcr?: (pages: number) => void;
  /**
   * Read the file synchronously. Batch workers parse one file at a time, so blocking costs them
   * nothing, while each asynchronous round trip cost ~1 ms a file (measured).
   */
  sync?: boolean;
}

/** The only I/O of the pipeline: read one file into a document, or throw a ReadError saying why. */
export async function readSource(file: string, options: ReadOptions = {}): Promise<SourceDocument> {
  let bytes: Uint8Array;
  try {
    const info = options.sync ? statSync(file) : await stat(file);
    if (info.isDirectory()) throw new ReadError('E_UNREADABLE', 'is a directory');
    // A FIFO or device named like a report would block the read forever.
    if (!info.isFile()) throw new ReadError('E_UNREADABLE', 'not a regular file (a pipe, socket or device)');
    if (info.size > MAX_ANY) throw new ReadError('E_TOO_LARGE', `file is ${info.size} bytes; reports over ${MAX_ANY} bytes are refused`);
    bytes = options.sync ? readFileSync(file) : await readFile(file);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ReadError('E_NOT_FOUND', 'no such file');
    throw new ReadError('E_UNREADABLE', `cannot read file (${code ?? (error as Error).message})`);
  }
  return bytesToDocument(file, bytes, options);
}

/** Read bytes already in memory, choosing the reader by content. */
export async function bytesToDocument(file: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<SourceDocument> {
  if (bytes.length === 0) throw new ReadError('E_EMPTY', 'file is empty');
  const format = sniffFormat(file, bytes);
  if (bytes.length > MAX_BYTES[format]) {
    throw new ReadError('E_TOO_LARGE', `${format.toUpperCase()} file is ${bytes.length} bytes; over ${MAX_BYTES[format]} bytes is refused`);
  }
  const ext = path.extname(file).toLowerCase();
  // Binary bytes that are neither PDF nor ZIP under a .pdf/.docx name: say what they are not.
  if ((ext === '.pdf' || ext === '.docx') && format === 'txt' && bytes.includes(0)) {
    throw new ReadError(ext === '.pdf' ? 'E_PDF' : 'E_DOCX', `named ${ext} but holds no ${ext === '.pdf' ? 'PDF (no %PDF- header)' : 'Word document (not a ZIP)'}`);
  }
  switch (format) {
    case 'pdf':
      return pdfToDocument(file, bytes, sha256(bytes), options.rulings, options.engine, { ocr: options.ocr, onOcr: options.onOcr });
    // Loaded on first use: cheerio and mammoth take ~0.6 s to import, which a batch of text
    // reports (one import per worker) should not pay.
    case 'html':
      return (await import('./html/index.js')).htmlToDocument(file, bytes, sha256(bytes));
    case 'docx':
      return (await import('./docx.js')).docxToDocument(file, bytes, sha256(bytes));
    case 'doc':
      return (await import('./doc.js')).docToDocument(file, bytes, sha256(bytes));
    case 'txt':
    case 'md':
      return textToDocument(file, bytes, format);
    case 'image':
      return (await import('./image.js')).imageToDocument(file, bytes, sha256(bytes), { ocr: options.ocr, onOcr: options.onOcr });
  }
}

async function textToDocument(file: string, bytes: Uint8Array, sniffed: 'txt' | 'md'): Promise<SourceDocument> {
  const { text, encoding } = bytesToText(bytes);
  if (text.trim() === '') throw new ReadError('E_EMPTY', 'file contains only white space');
  // Markdown is told by its tables when the name does not say (converters write .txt too).
  const format = sniffed === 'md' || looksLikeMarkdown(text) ? 'md' : 'txt';
  const { lines, meta } = format === 'md' ? await markdownToLines(text) : textToLines(text);
  return { path: file, format, sha256: sha256(bytes), encoding, pages: null, lines, ...(meta ? { meta } : {}) };
}

/** Decide the format by content, not only by name: government sites serve HTML as `.doc`. */
export function sniffFormat(file: string, bytes: Uint8Array): Format {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  if (head.includes('%PDF-')) return 'pdf';
  if (isImage(bytes)) return 'image';
  if (isOle2(bytes)) return 'doc';
  if (head.startsWith('PK\u0003\u0004')) return 'docx';
  if (/^\s*(<!doctype html|<html|<\?xml[^>]*>\s*(<!--[^]*?-->\s*)?<html|<head|<meta|<body)/i.test(head)) return 'html';
  const ext = path.extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'md';
  return 'txt';
}
