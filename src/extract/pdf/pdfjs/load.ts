import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

const require = createRequire(import.meta.url);
const PKG = path.dirname(require.resolve('pdfjs-dist/package.json'));
/** pdf.js reads these with fs in Node; the trailing separator is required. */
const dir = (d: string) => path.join(PKG, d) + path.sep;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/**
 * Loaded once, on first use: importing pdf.js costs ~200 ms, which text reports should not pay.
 * The legacy build's core-js replaces Array.prototype.push, JSON.parse and JSON.stringify for the
 * whole process with slower JavaScript versions (push alone was 12 % of a PDF text pass,
 * measured); Node 20 needs none of those fixes, so the natives are put back. The worker module
 * is loaded here too (pdf.js then runs it from globalThis.pdfjsWorker), so no later import
 * patches them again. Polyfills that only add what Node 20 lacks (Promise.withResolvers,
 * Map.prototype.getOrInsert …) stay.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
    try {
      const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
      await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return lib;
    } finally {
      Array.prototype.push = natives.push;
      JSON.parse = natives.parse;
      JSON.stringify = natives.stringify;
    }
  })();
  return pdfjs;
}

/**
 * Where pdf.js puts the @font-face rules of the fonts an operator list uses. We never render, so
 * the rules are dropped. Without a document, pdf.js in Node falls back to building every glyph's
 * outline for a canvas we never draw on: ~35 % of each operator list (measured on the ruled
 * fixtures). Should a later pdf.js want more of the document than this, font binding fails and
 * pdf.js takes that same fallback: slower, never wrong.
 */
const DISCARDING_DOCUMENT = {
  createElement: () => ({ sheet: { insertRule: () => 0, cssRules: [] }, remove: () => {} }),
  documentElement: { getElementsByTagName: () => [{ append: () => {} }] },
};

/**
 * Open a PDF, run `fn`, and always destroy the loading task (the only close that works on both
 * pdf.js 5 and 6; skipping it leaks ~3 MB a document). CMaps and standard fonts come from the
 * package: without cMaps, text in predefined CJK encodings silently disappears. No code in the
 * file is ever evaluated.
 */
export async function withPdf<T>(bytes: Uint8Array, fn: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const task = getDocument({
    data: new Uint8Array(bytes), // pdf.js transfers (detaches) the buffer it is given
    cMapUrl: dir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dir('standard_fonts'),
    wasmUrl: dir('wasm'),
    isEvalSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
    disableFontFace: false,
    ownerDocument: DISCARDING_DOCUMENT as unknown as Document,
  } as Parameters<typeof getDocument>[0]);
  try {
    return await fn(await task.promise);
  } finally {
    await task.destroy();
  }
}
