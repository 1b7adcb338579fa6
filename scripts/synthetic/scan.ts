/**
 * What a scanner (or a phone) does to a printed page, done to a page image of ours: a red seal
 * stamped over it, a lean, blur, noise and JPEG's losses. Deterministic: the noise comes from a
 * seeded generator, so the recipe makes the same bytes every time.
 */
import jpeg from 'jpeg-js';

/** An RGB image, 3 bytes a pixel, rows top to bottom. */
export interface Rgb {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface ScanOptions {
  /** Lean in degrees, clockwise positive. */
  skew: number;
  /** Gaussian blur of this radius in pixels (0: none). */
  blur: number;
  /** Standard deviation of the sensor noise, in grey levels. */
  noise: number;
  seed: number;
  /** A seal: centre as fractions of the page, radius in inches. */
  seal?: { x: number; y: number; radius: number };
}

/** pdftoppm's PGM (P5, 8 bits) → RGB. */
export function pgmToRgb(bytes: Uint8Array): Rgb {
  const header = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!m) throw new Error('not an 8-bit PGM');
  const [width, height] = [Number(m[1]), Number(m[2])];
  const grey = bytes.subarray(m[0].length, m[0].length + width * height);
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < grey.length; i++) data[i * 3] = data[i * 3 + 1] = data[i * 3 + 2] = grey[i]!;
  return { width, height, data };
}

export function scan(page: Rgb, dpi: number, options: ScanOptions): Rgb {
  let image = page;
  if (options.seal) image = stampSeal(image, dpi, options.seal);
  if (options.skew !== 0) image = rotate(image, options.skew);
  if (options.blur > 0) image = blur(image, options.blur);
  if (options.noise > 0) image = addNoise(image, options.noise, options.seed);
  return image;
}

export function toJpeg(image: Rgb, quality: number): Uint8Array {
  const rgba = new Uint8Array(image.width * image.height * 4);
  for (let i = 0, p = 0; i < image.width * image.height; i++, p += 4) {
    rgba[p] = image.data[i * 3]!;
    rgba[p + 1] = image.data[i * 3 + 1]!;
    rgba[p + 2] = image.data[i * 3 + 2]!;
    rgba[p + 3] = 255;
  }
  return jpeg.encode({ width: image.width, height: image.height, data: rgba }, quality).data;
}

/**
 * A round red seal: a ring, a star, a bar and an arc of character-like strokes, multiplied into
 * the page as ink is (text under it stays dark).
 */
function stampSeal(image: Rgb, dpi: number, seal: NonNullable<ScanOptions['seal']>): Rgb {
  const out = { ...image, data: Uint8Array.from(image.data) };
  const cx = seal.x * image.width;
  const cy = seal.y * image.height;
  const r = seal.radius * dpi;
  const ring = 0.07 * r;
  const ink = [214, 38, 48];
  const star = starPolygon(cx, cy - 0.05 * r, 0.28 * r);
  const strokes: Array<[number, number, number, number]> = [];
  // Characters along the upper arc: short radial and tangential bars.
  for (let k = 0; k < 12; k++) {
    const a = Math.PI * (1.15 + (0.7 * k) / 11);
    const [x, y] = [cx + 0.72 * r * Math.cos(a), cy + 0.72 * r * Math.sin(a)];
    strokes.push([x, y, 0.1 * r, 0.035 * r], [x + 0.03 * r, y + 0.04 * r, 0.035 * r, 0.1 * r]);
  }
  const bar: [number, number, number, number] = [cx, cy + 0.42 * r, 0.4 * r, 0.04 * r];
  for (let y = Math.max(0, Math.floor(cy - r - ring)); y < Math.min(image.height, cy + r + ring); y++) {
    for (let x = Math.max(0, Math.floor(cx - r - ring)); x < Math.min(image.width, cx + r + ring); x++) {
      const d = Math.hypot(x - cx, y - cy);
      const inked =
        Math.abs(d - r) <= ring ||
        inPolygon(x, y, star) ||
        [bar, ...strokes].some(([sx, sy, hw, hh]) => Math.abs(x - sx) <= hw && Math.abs(y - sy) <= hh);
      if (!inked) continue;
      const p = (y * image.width + x) * 3;
      for (let c = 0; c < 3; c++) out.data[p + c] = Math.round((out.data[p + c]! * ink[c]!) / 255);
    }
  }
  return out;
}

function starPolygon(cx: number, cy: number, r: number): Array<[number, number]> {
  return Array.from({ length: 10 }, (_, i) => {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.4;
    return [cx + rr * Math.cos(a), cy + rr * Math.sin(a)] as [number, number];
  });
}

function inPolygon(x: number, y: number, poly: ReadonlyArray<[number, number]>): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Rotation about the centre, bilinear, paper-white outside. */
function rotate(image: Rgb, degrees: number): Rgb {
  const { width, height, data } = image;
  const out = new Uint8Array(data.length).fill(255);
  const [cos, sin] = [Math.cos((degrees * Math.PI) / 180), Math.sin((degrees * Math.PI) / 180)];
  const [cx, cy] = [width / 2, height / 2];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // The source pixel that lands here.
      const sx = cos * (x - cx) + sin * (y - cy) + cx;
      const sy = -sin * (x - cx) + cos * (y - cy) + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) continue;
      const [fx, fy] = [sx - x0, sy - y0];
      for (let c = 0; c < 3; c++) {
        const at = (xx: number, yy: number) => data[(yy * width + xx) * 3 + c]!;
        const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
        const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
        out[(y * width + x) * 3 + c] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return { width, height, data: out };
}

/** Separable Gaussian blur. */
function blur(image: Rgb, radius: number): Rgb {
  const sigma = radius / 2;
  const half = Math.ceil(radius);
  const kernel = Array.from({ length: 2 * half + 1 }, (_, i) => Math.exp(-((i - half) ** 2) / (2 * sigma * sigma)));
  const sum = kernel.reduce((a, b) => a + b, 0);
  const k = kernel.map((v) => v / sum);
  const pass = (src: Uint8Array, dx: number, dy: number) => {
    const out = new Uint8Array(src.length);
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        for (let c = 0; c < 3; c++) {
          let v = 0;
          for (let i = -half; i <= half; i++) {
            const xx = Math.min(image.width - 1, Math.max(0, x + i * dx));
            const yy = Math.min(image.height - 1, Math.max(0, y + i * dy));
            v += src[(yy * image.width + xx) * 3 + c]! * k[i + half]!;
          }
          out[(y * image.width + x) * 3 + c] = Math.round(v);
        }
      }
    }
    return out;
  };
  return { ...image, data: pass(pass(image.data, 1, 0), 0, 1) };
}

/** Gaussian noise from a seeded generator (mulberry32, Box–Muller). */
function addNoise(image: Rgb, sigma: number, seed: number): Rgb {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Uint8Array(image.data.length);
  for (let i = 0; i < out.length; i++) {
    const g = Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
    out[i] = Math.max(0, Math.min(255, Math.round(image.data[i]! + g * sigma)));
  }
  return { ...image, data: out };
}

/** An image-only PDF: one JPEG per page (DCTDecode), each page the size of its image at `dpi`. */
export function jpegsToPdf(pages: ReadonlyArray<{ jpeg: Uint8Array; width: number; height: number }>, dpi: number): Uint8Array {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const write = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    chunks.push(buf);
    length += buf.length;
  };
  const object = (n: number, body: Array<Buffer | string>) => {
    offsets[n] = length;
    write(`${n} 0 obj\n`);
    for (const b of body) write(b);
    write('\nendobj\n');
  };
  write('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const kids = pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  object(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  object(2, [`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`]);
  pages.forEach((p, i) => {
    const [page, image, content] = [3 + i * 3, 4 + i * 3, 5 + i * 3];
    const [w, h] = [(p.width * 72) / dpi, (p.height * 72) / dpi].map((v) => v.toFixed(2));
    object(page, [`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`]);
    object(image, [`<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>\nstream\n`, Buffer.from(p.jpeg), '\nendstream']);
    const ops = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    object(content, [`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`]);
  });
  const xref = length;
  const count = 3 + pages.length * 3;
  write(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) write(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  write(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(chunks));
}
