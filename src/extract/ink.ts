/**
 * Colour pixels → the grey OCR reads. Seals are stamped in red over the signature and date,
 * sometimes over a table: red ink lets red light through, so in the red channel a seal all but
 * vanishes while the black ink under it stays dark. On a page with a seal, seal-red pixels (red
 * well above green and blue, whatever is under them) are read by their red channel, scaled so
 * that the seal's own ink on bare paper is white (its red level is measured on the page: seals
 * and scanners differ); all others, and every pixel of a page without a seal, by their luminance
 * (JPEG tints the edges of black strokes, a tint no seal has: measured g/r 0.6–0.8 against 0.2).
 */
export function colourToInk(pixels: Uint8Array, width: number, height: number, layout: { order: 'rgba' | 'bgra'; stride: number; at?: number }): Uint8Array {
  const [ri, bi] = layout.order === 'rgba' ? [0, 2] : [2, 0];
  const at = layout.at ?? 0;
  const histogram = new Uint32Array(256);
  let strong = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0, p = at + y * layout.stride; x < width; x++, p += 4) {
      const r = pixels[p + ri]!;
      if (isSealRed(r, Math.max(pixels[p + 1]!, pixels[p + bi]!)) && r > 120) {
        histogram[r]!++;
        strong++;
      }
    }
  }
  const seal = strong >= MIN_SEAL_PIXELS ? median(histogram, strong) : 0;
  const grey = new Uint8Array(width * height);
  for (let y = 0, q = 0; y < height; y++) {
    for (let x = 0, p = at + y * layout.stride; x < width; x++, p += 4, q++) {
      const r = pixels[p + ri]!;
      const g = pixels[p + 1]!;
      const b = pixels[p + bi]!;
      if (layout.order === 'rgba' && pixels[p + 3]! < 128) grey[q] = 255; // transparent: paper
      else if (seal > 0 && isSealRed(r, Math.max(g, b))) grey[q] = Math.min(255, Math.round((r * 255) / seal));
      else grey[q] = (r * 77 + g * 150 + b * 29) >> 8;
    }
  }
  return grey;
}

/** Fewer seal-red pixels than this are no seal (a red heading, a hyperlink): the page is read by luminance. */
const MIN_SEAL_PIXELS = 2000;

/** Seal ink, alone or over black: red well above the other channels, in proportion. */
function isSealRed(r: number, gb: number): boolean {
  return r - gb > 40 && gb < 0.5 * r;
}

function median(histogram: Uint32Array, count: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen * 2 >= count) return Math.max(v, 1);
  }
  return 255;
}
