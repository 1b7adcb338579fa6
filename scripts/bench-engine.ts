/**
 * Part of `npm run bench`: PDFium's own calls on the files listed in argv[2], in a fresh process,
 * as pdftotext gets one: open each document, load each page and its text, and nothing of ours.
 * The floor the engine sets under a gov-report run.
 */
import { readFileSync } from 'node:fs';
import { loadPdfium } from '../dist/extract/pdf/pdfium/module.js';

const m = await loadPdfium();
const x = m.exports;
for (const file of readFileSync(process.argv[2]!, 'utf8').split('\n').filter(Boolean)) {
  const bytes = readFileSync(file);
  const data = x['malloc']!(bytes.length);
  m.heap().u8.set(bytes, data);
  const doc = x['FPDF_LoadMemDocument']!(data, bytes.length, 0);
  for (let p = 0, n = x['FPDF_GetPageCount']!(doc); p < n; p++) {
    const page = x['FPDF_LoadPage']!(doc, p);
    const text = x['FPDFText_LoadPage']!(page);
    x['FPDFText_CountChars']!(text);
    x['FPDFText_ClosePage']!(text);
    x['FPDF_ClosePage']!(page);
  }
  x['FPDF_CloseDocument']!(doc);
  x['free']!(data);
}
