import type { Segment } from '../pdf/types.js';
import type { Grey } from './image.js';

interface Run {
  /** Position across the run (y for a horizontal run). */
  at: number;
  from: number;
  to: number;
}

interface Line extends Run {
  /** First and last row (column) the merged runs lay on: the line's thickness. */
  first: number;
  last: number;
}

/**
 * Ruling lines of a scanned page: runs of ink far longer than any stroke of a character (a third
 * of an inch along a row, a sixth down a column), small gaps allowed (noise and JPEG break
 * hairlines), merged with the runs beside them across the line's thickness, pieces in line
 * rejoined across a seal. A run is kept only where it is thin along most of its length (strokes
 * of neighbouring characters that line up are crossed by other strokes every few pixels, a
 * ruling only where another ruling meets it), and only where it ends on rulings across it (a
 * cell's sides end on its top and bottom; text stands inside cells, clear of the borders).
 * Returned in page points, so the grids are built by the same code as for vector PDFs.
 */
export function bitmapToSegments(image: Grey, dpi: number): Segment[] {
  const scale = 72 / dpi;
  const { width, height } = image;
  const { dark, paper } = darkMask(image);
  const gap = Math.max(2, Math.round(dpi / 60));
  const thin = Math.max(3, Math.round(dpi / 40));
  const candidates = (along: 'row' | 'column', minLength: number) =>
    joinBroken(
      merge(runs(bandMask(image, paper, along), width, height, along, minLength, gap), gap).filter(
        (line) => line.last - line.first + 1 <= 2 * thin && thinAlong(dark, width, height, line, along, thin),
      ),
      thin,
      3 * thin,
    );
  const rows = candidates('row', Math.round(dpi / 3));
  const columns = candidates('column', Math.round(dpi / 6));
  const reach = thin + gap;
  const meets = (across: readonly Line[], along: number, at: number) => across.some((l) => Math.abs(l.at - at) <= reach && along >= l.from - reach && along <= l.to + reach);
  const endsOn = (across: readonly Line[]) => (l: Line) => meets(across, l.at, l.from) && meets(across, l.at, l.to);
  const horizontal = rows.filter(endsOn(columns));
  const vertical = columns.filter(endsOn(horizontal));
  return [
    ...horizontal.map((r) => ({ x0: r.from * scale, x1: r.to * scale, y0: r.at * scale, y1: r.at * scale })),
    ...vertical.map((r) => ({ x0: r.at * scale, x1: r.at * scale, y0: r.from * scale, y1: r.to * scale })),
  ];
}

/**
 * Ink, against the page's own paper: scans differ in brightness, and a hairline drawn at 150 dpi
 * and compressed is a light grey that a fixed threshold loses.
 */
function darkMask(image: Grey): { dark: Uint8Array; paper: number } {
  const { data } = image;
  const histogram = new Uint32Array(256);
  for (let i = 0; i < data.length; i += 7) histogram[data[i]!]!++;
  // The paper: the level below which all but the brightest tenth of the page lies.
  let seen = 0;
  const total = histogram.reduce((a, b) => a + b, 0);
  let paper = 255;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen >= total * 0.9) {
      paper = v;
      break;
    }
  }
  const threshold = Math.min(215, paper - 40);
  const mask = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) mask[i] = data[i]! < threshold ? 1 : 0;
  return { dark: mask, paper };
}

/** Ink (grey levels below paper) three pixels across a line must hold between them: a hairline's. */
const BAND_INK = 75;

/**
 * Where a line may run: the ink in three pixels across the line (above and below, for a
 * horizontal one) is enough. Straightening spreads a 2-pixel hairline over three rows, each too
 * light to count alone; their sum is the line's ink.
 */
function bandMask(image: Grey, paper: number, along: 'row' | 'column'): Uint8Array {
  const { width, height, data } = image;
  const step = along === 'row' ? width : 1;
  const mask = new Uint8Array(data.length);
  const ink = (i: number) => Math.max(0, paper - data[i]!);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const edge = along === 'row' ? y === 0 || y === height - 1 : x === 0 || x === width - 1;
      const sum = edge ? 3 * ink(i) : ink(i - step) + ink(i) + ink(i + step);
      if (sum >= BAND_INK) mask[i] = 1;
    }
  }
  return mask;
}

function runs(dark: Uint8Array, width: number, height: number, along: 'row' | 'column', minLength: number, gap: number): Run[] {
  const [lines, length] = along === 'row' ? [height, width] : [width, height];
  const out: Run[] = [];
  for (let l = 0; l < lines; l++) {
    let start = -1;
    let lastDark = -1;
    for (let i = 0; i <= length; i++) {
      const isDark = i < length && dark[along === 'row' ? l * width + i : i * width + l] === 1;
      if (isDark) {
        if (start < 0) start = i;
        lastDark = i;
      } else if (start >= 0 && i - lastDark > gap) {
        if (lastDark - start + 1 >= minLength) out.push({ at: l, from: start, to: lastDark });
        start = -1;
      }
    }
  }
  return out;
}

/** Runs in neighbouring rows (or columns) that overlap are one line, drawn a few pixels thick. */
function merge(all: Run[], reach: number): Line[] {
  all.sort((a, b) => a.at - b.at || a.from - b.from);
  const open: Array<Line & { sum: number; n: number }> = [];
  const done: Line[] = [];
  for (const r of all) {
    for (let i = open.length - 1; i >= 0; i--) {
      if (r.at - open[i]!.last > reach) done.push(finish(open.splice(i, 1)[0]!));
    }
    const join = open.find((o) => r.from <= o.to && r.to >= o.from);
    if (join) {
      join.from = Math.min(join.from, r.from);
      join.to = Math.max(join.to, r.to);
      join.sum += r.at;
      join.n++;
      join.last = r.at;
    } else open.push({ ...r, first: r.at, last: r.at, sum: r.at, n: 1 });
  }
  for (const o of open) done.push(finish(o));
  return done;
}

/**
 * Pieces of one line broken by a seal or a scanner's dropout (in line with each other, a short
 * gap between) are one line again.
 */
function joinBroken(lines: Line[], thin: number, bridge: number): Line[] {
  const sorted = [...lines].sort((a, b) => a.from - b.from);
  const out: Line[] = [];
  for (const line of sorted) {
    const before = out.find((o) => Math.abs(o.at - line.at) <= thin && line.from - o.to <= bridge && line.from >= o.from);
    if (before) {
      before.to = Math.max(before.to, line.to);
      before.first = Math.min(before.first, line.first);
      before.last = Math.max(before.last, line.last);
    } else out.push({ ...line });
  }
  return out;
}

function finish(o: Line & { sum: number; n: number }): Line {
  return { at: o.sum / o.n, from: o.from, to: o.to, first: o.first, last: o.last };
}

/**
 * Is the line thin along most of its length? At points along it, the ink across it (up and down
 * from its middle, for a horizontal line) is measured; a ruling's is its thickness except where
 * a ruling crosses, a row of characters' is a glyph's height at every stroke.
 */
function thinAlong(dark: Uint8Array, width: number, height: number, line: Line, along: 'row' | 'column', thin: number): boolean {
  const at = Math.round(line.at);
  const limit = 3 * thin;
  let thick = 0;
  let samples = 0;
  for (let i = line.from; i <= line.to; i += 2) {
    const cross = (k: number) => (along === 'row' ? k >= 0 && k < height && dark[k * width + i] === 1 : k >= 0 && k < width && dark[i * width + k] === 1);
    let extent = 0;
    for (let k = at; extent < limit && cross(k); k--) extent++;
    for (let k = at + 1; extent < limit && cross(k); k++) extent++;
    samples++;
    if (extent > line.last - line.first + 1 + thin) thick++;
  }
  return samples > 0 && thick / samples < 0.15;
}
