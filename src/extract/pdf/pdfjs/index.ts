import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { ReadError } from '../../document.js';
import { EngineOpenError, type PdfEngine } from '../engine.js';
import { withPdf } from './load.js';
import { addRulings, pageToContent } from './page-content.js';

/** pdf.js 5.5 as an engine: text by runs, rulings from the operator list (read only when asked: it is costly). */
export const pdfjsEngine: PdfEngine = {
  name: 'pdfjs',
  async withDocument(bytes, fn) {
    try {
      return await withPdf(bytes, (doc) => {
        const onPage = async <T>(n: number, read: (page: PDFPageProxy) => Promise<T>) => {
          const page = await doc.getPage(n);
          try {
            return await read(page);
          } finally {
            page.cleanup();
          }
        };
        return fn({
          pageCount: doc.numPages,
          page: (n, withRulings) => onPage(n, (p) => pageToContent(p, withRulings)),
          addRulings: (n, content) => onPage(n, (p) => addRulings(p, content)),
        });
      });
    } catch (error) {
      throw pdfjsError(error);
    }
  },
};

function pdfjsError(error: unknown): Error {
  if (error instanceof ReadError || error instanceof EngineOpenError) return error;
  const name = (error as Error)?.name;
  const message = (error as Error)?.message ?? String(error);
  if (name === 'PasswordException') return new ReadError('E_ENCRYPTED', 'PDF is encrypted with a password; it cannot be read');
  if (name === 'InvalidPDFException') return new EngineOpenError('pdfjs', `not a readable PDF (${message})`);
  return new EngineOpenError('pdfjs', `cannot read the PDF: ${message}`);
}
