import mammoth from 'mammoth';
import { ReadError, type SourceDocument } from './document.js';
import { htmlToLines } from './html/index.js';
import { checkZip } from './zip-guard.js';

/**
 * Word documents through mammoth's HTML (paragraphs, tables with merged cells as colspan and
 * rowspan), then the HTML reader: one table model for every format.
 */
export async function docxToDocument(path: string, bytes: Uint8Array, sha256: string): Promise<SourceDocument> {
  checkZip(bytes);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw new ReadError('E_DOCX', `not a readable Word document (${(error as Error).message})`);
  }
  return { path, format: 'docx', sha256, encoding: null, pages: null, lines: htmlToLines(`<html><body>${html}</body></html>`) };
}
