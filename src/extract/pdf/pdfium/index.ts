import { ReadError } from '../../document.js';
import { EngineOpenError, type PdfEngine } from '../engine.js';
import { discardPdfium, loadPdfium, pdfiumMemoryBytes, type Pdfium } from './module.js';
import { pageToContent } from './page.js';
import { renderPage } from './render.js';

const ERR_PASSWORD = 4;
const ERR_SECURITY = 5;
const LOAD_ERRORS: Record<number, string> = {
  1: 'unknown error',
  2: 'file not found or could not be opened',
  3: 'not a PDF, or a damaged one',
  4: 'password required',
  5: 'unsupported security scheme',
  6: 'page not found or content error',
};
/** After a document that grew the module past this, a fresh module is made for the next one. */
const RESET_AFTER_BYTES = 256 * 1024 * 1024;

/**
 * PDFium (WebAssembly) as an engine: characters with their boxes, every path and image object.
 * Rulings cost next to nothing here, so every page comes with them. All wasm memory a document
 * took is freed on every path out, errors included; a trap (an abort on a cap hit, a damaged
 * file PDFium gives up on) fails that document, and the module is made anew for the next.
 */
export const pdfiumEngine: PdfEngine = {
  name: 'pdfium',
  async withDocument(bytes, fn) {
    const m = await loadPdfium();
    const x = m.exports;
    let data = 0;
    let doc = 0;
    try {
      data = x['malloc']!(bytes.length);
      if (!data) throw new EngineOpenError('pdfium', `could not take ${bytes.length} bytes into its memory`);
      m.heap().u8.set(bytes, data);
      doc = x['FPDF_LoadMemDocument']!(data, bytes.length, 0);
      if (!doc) {
        const code = x['FPDF_GetLastError']!();
        if (code === ERR_PASSWORD) throw new ReadError('E_ENCRYPTED', 'PDF is encrypted with a password; it cannot be read');
        if (code === ERR_SECURITY) throw new ReadError('E_ENCRYPTED', 'PDF uses a security scheme that cannot be read');
        throw new EngineOpenError('pdfium', LOAD_ERRORS[code] ?? `error ${code}`);
      }
      const pageCount = x['FPDF_GetPageCount']!(doc);
      const onPage = async <T>(n: number, read: (page: number) => T): Promise<T> => {
        const page = x['FPDF_LoadPage']!(doc, n - 1);
        if (!page) throw new EngineOpenError('pdfium', `page ${n} cannot be loaded`);
        try {
          return read(page);
        } finally {
          x['FPDF_ClosePage']!(page);
        }
      };
      return await fn({
        pageCount,
        page: (n) => onPage(n, (page) => pageToContent(m, page, n)),
        addRulings: async (_n, content) => content,
        render: (n, dpi) => onPage(n, (page) => renderPage(m, page, dpi)),
      });
    } catch (error) {
      // Only a trap inside the module (an abort: a failed allocation at the memory cap, a file
      // PDFium gives up on) is PDFium's; errors of the caller's own code pass through.
      if (!(error instanceof WebAssembly.RuntimeError)) throw error;
      doc = 0;
      data = 0;
      discardPdfium();
      if (/memory|alloc|Aborted\(\)/i.test(error.message)) {
        throw new ReadError('E_PDF', `needs more memory than a file may use (PDFium: ${error.message}); not read`);
      }
      throw new EngineOpenError('pdfium', `PDFium failed: ${error.message}`);
    } finally {
      if (doc) x['FPDF_CloseDocument']!(doc);
      if (data) x['free']!(data);
      if (pdfiumMemoryBytes(m) > RESET_AFTER_BYTES) discardPdfium();
    }
  },
};

export type { Pdfium };
