import type { GreyBitmap } from '../pdf/engine.js';

/** A grey image, 0 black … 255 white, rows top to bottom. */
export type Grey = Pick<GreyBitmap, 'width' | 'height' | 'data'>;

/** Ink darker than this is text or a ruling (after seal ink is whitened). */
export const DARK = 140;

/**
 * The skew of a scan, in degrees (scans lean by a degree or so): the angle at which the rows'
 * dark-pixel counts vary most, text lines and rulings then lying along rows. Searched on a
 * reduced image from −3° to +3°.
 */
export function estimateSkew(image: Grey): number {
  const step = Math.max(1, Math.round(image.width / 600));
  const points: Array<[number, number]> = [];
  for (let y = 0; y < image.height; y += step) {
    for (let x = 0; x < image.width; x += step) if (image.data[y * image.width + x]! < DARK) points.push([x, y]);
  }
  if (points.length < 50) return 0;
  const score = (deg: number) => {
    const t = Math.tan((deg * Math.PI) / 180);
    const bins = new Map<number, number>();
    for (const [x, y] of points) {
      const b = Math.round((y - x * t) / step);
      bins.set(b, (bins.get(b) ?? 0) + 1);
    }
    let s = 0;
    for (const v of bins.values()) s += v * v;
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (let deg = -3; deg <= 3.0001; deg += 0.25) {
    const s = score(deg);
    if (s > bestScore) [best, bestScore] = [deg, s];
  }
  for (let deg = best - 0.2; deg <= best + 0.2001; deg += 0.05) {
    const s = score(deg);
    if (s > bestScore) [best, bestScore] = [deg, s];
  }
  return Math.abs(best) < 0.05 ? 0 : best;
}

/** Rotate by −`deg` about the centre (bilinear), so that a scan leaning by `deg` stands straight. */
export function straighten(image: Grey, deg: number): Grey {
  if (deg === 0) return image;
  const { width: w, height: h, data } = image;
  const out = new Uint8Array(w * h).fill(255);
  const a = (deg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Where this output pixel came from in the leaning scan.
      const sx = cos * (x - cx) - sin * (y - cy) + cx;
      const sy = sin * (x - cx) + cos * (y - cy) + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = data[i]! * (1 - fx) + data[i + 1]! * fx;
      const bottom = data[i + w]! * (1 - fx) + data[i + w + 1]! * fx;
      out[y * w + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { width: w, height: h, data: out };
}

/** Dark pixels in a rectangle: how much ink a cell holds. */
export function inkIn(image: Grey, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(image.width, x1); x++) if (image.data[y * image.width + x]! < DARK) n++;
  }
  return n;
}
