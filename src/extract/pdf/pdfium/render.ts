import type { GreyBitmap } from '../engine.js';
import type { Pdfium } from './module.js';

/** Pages larger than this many pixels are not drawn (a page of 14,400 pt square is no report). */
const MAX_PIXELS = 60_000_000;

/**
 * Draw a page through PDFium itself (no canvas package): into a white BGRx bitmap in wasm
 * memory, then out as grey, with the red pixels marked (a seal's ink, which OCR leaves out).
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
    const src = m.heap().u8;
    const data = new Uint8Array(width * height);
    const red = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      let p = at + y * stride;
      let q = y * width;
      for (let i = 0; i < width; i++, p += 4, q++) {
        const b = src[p]!;
        const g = src[p + 1]!;
        const r = src[p + 2]!;
        data[q] = (r * 77 + g * 150 + b * 29) >> 8;
        if (r > 120 && r - Math.max(g, b) > 60) red[q] = 1;
      }
    }
    return { width, height, data, red };
  } finally {
    x['FPDFBitmap_Destroy']!(bitmap);
  }
}
