import type { GreyBitmap } from '../engine.js';
import { colourToInk } from '../../ink.js';
import type { Pdfium } from './module.js';

/** Pages larger than this many pixels are not drawn (a page of 14,400 pt square is no report). */
const MAX_PIXELS = 60_000_000;

/**
 * Draw a page through PDFium itself (no canvas package): into a white BGRx bitmap in wasm
 * memory, then out as the grey OCR reads (a red seal's ink see-through, see ink.ts).
 * Annotations are not drawn: an electronic seal is one, and never text.
 */
export function renderPage(m: Pdfium, page: number, dpi: number): GreyBitmap {
  const x = m.exports;
  const width = Math.max(1, Math.round((x['FPDF_GetPageWidthF']!(page) * dpi) / 72));
  const height = Math.max(1, Math.round((x['FPDF_GetPageHeightF']!(page) * dpi) / 72));
  if (width * height > MAX_PIXELS) throw new RangeError(`page of ${width}×${height} pixels at ${dpi} dpi is too large to draw`);
  const bitmap = x['FPDFBitmap_Create']!(width, height, 0);
  if (!bitmap) throw new RangeError(`cannot make a ${width}×${height} bitmap`);
  try {
    x['FPDFBitmap_FillRect']!(bitmap, 0, 0, width, height, 0xffffffff);
    x['FPDF_RenderPageBitmap']!(bitmap, page, 0, 0, width, height, 0, 0);
    const stride = x['FPDFBitmap_GetStride']!(bitmap);
    const at = x['FPDFBitmap_GetBuffer']!(bitmap);
    const data = colourToInk(m.heap().u8, width, height, { order: 'bgra', stride, at });
    return { width, height, data };
  } finally {
    x['FPDFBitmap_Destroy']!(bitmap);
  }
}
