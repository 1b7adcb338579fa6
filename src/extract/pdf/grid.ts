import type { Grid, GridCell, Segment } from './types.js';

/** Tolerances in pt, as pdfplumber's defaults: rulings closer than this are one line. */
const SNAP = 2;
const JOIN = 3;
const MIN_LENGTH = 3;
/** An edge counts as drawn when rulings cover this share of it; less means the cells merge. */
const COVERED = 0.6;
/** Rows or columns thinner than this are double borders, not cells. */
const MIN_TRACK = 4;

interface H { y: number; x0: number; x1: number }
interface V { x: number; y0: number; y1: number }

/**
 * Ruling segments → tables. Rulings are snapped and joined, grouped into connected tables, and
 * each table's grid is the set of distinct x and y positions; two neighbouring grid cells merge
 * (colspan / rowspan) where no ruling separates them.
 */
export function segmentsToGrids(segments: readonly Segment[], page: number): Grid[] {
  const hs = joinH(segments.filter((s) => s.y0 === s.y1 && s.x1 - s.x0 >= MIN_LENGTH).map((s) => ({ y: s.y0, x0: s.x0, x1: s.x1 })));
  const vs = joinV(segments.filter((s) => s.x0 === s.x1 && s.y1 - s.y0 >= MIN_LENGTH).map((s) => ({ x: s.x0, y0: s.y0, y1: s.y1 })));
  return components(hs, vs)
    .map(({ h, v }) => rulingsToGrid(h, v, page))
    .filter((g): g is Grid => g !== null)
    .sort((a, b) => a.ys[0]! - b.ys[0]!);
}

function joinH(hs: H[]): H[] {
  return joinCollinear(hs, (s) => s.y, (s) => [s.x0, s.x1], (pos, a, b) => ({ y: pos, x0: a, x1: b }));
}

function joinV(vs: V[]): V[] {
  return joinCollinear(vs, (s) => s.x, (s) => [s.y0, s.y1], (pos, a, b) => ({ x: pos, y0: a, y1: b }));
}

/** Snap segments on (nearly) the same line together and join those that touch or overlap. */
function joinCollinear<S>(items: S[], pos: (s: S) => number, span: (s: S) => [number, number], make: (pos: number, a: number, b: number) => S): S[] {
  const out: S[] = [];
  for (const line of cluster(items, pos, SNAP)) {
    const p = line.reduce((a, s) => a + pos(s), 0) / line.length;
    const spans = line.map(span).sort((a, b) => a[0] - b[0]);
    let [a, b] = spans[0]!;
    for (const [c, d] of spans.slice(1)) {
      if (c <= b + JOIN) b = Math.max(b, d);
      else {
        out.push(make(p, a, b));
        [a, b] = [c, d];
      }
    }
    out.push(make(p, a, b));
  }
  return out;
}

/** Group values whose neighbours are within `tolerance` (pdfplumber's cluster_list). */
export function cluster<S>(items: readonly S[], key: (s: S) => number, tolerance: number): S[][] {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  const groups: S[][] = [];
  for (const s of sorted) {
    const last = groups[groups.length - 1];
    if (last && key(s) - key(last[last.length - 1]!) <= tolerance) last.push(s);
    else groups.push([s]);
  }
  return groups;
}

function crosses(h: H, v: V): boolean {
  return v.x >= h.x0 - JOIN && v.x <= h.x1 + JOIN && h.y >= v.y0 - JOIN && h.y <= v.y1 + JOIN;
}

/** Connected sets of crossing rulings: one per table. */
function components(hs: H[], vs: V[]): Array<{ h: H[]; v: V[] }> {
  const sets = new DisjointSets(hs.length + vs.length);
  hs.forEach((h, i) =>
    vs.forEach((v, j) => {
      if (crosses(h, v)) sets.union(i, hs.length + j);
    }),
  );
  const groups = new Map<number, { h: H[]; v: V[] }>();
  hs.forEach((h, i) => groupOf(groups, sets.find(i)).h.push(h));
  vs.forEach((v, j) => groupOf(groups, sets.find(hs.length + j)).v.push(v));
  return [...groups.values()].filter((g) => g.h.length >= 2 && g.v.length >= 2);
}

function groupOf(groups: Map<number, { h: H[]; v: V[] }>, root: number) {
  let g = groups.get(root);
  if (!g) groups.set(root, (g = { h: [], v: [] }));
  return g;
}

function positions(values: number[]): number[] {
  const merged = cluster(values, (v) => v, MIN_TRACK).map((g) => g.reduce((a, b) => a + b, 0) / g.length);
  return merged;
}

/** The spans of the rulings within MIN_TRACK of a grid line, in the rulings' order. */
function spansNear<S>(rulings: readonly S[], at: number, pos: (s: S) => number, span: (s: S) => [number, number]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const r of rulings) if (Math.abs(pos(r) - at) <= MIN_TRACK) out.push(span(r));
  return out;
}

/** The share of [a, b] the intervals cover. */
function coverage(intervals: ReadonlyArray<readonly [number, number]>, a: number, b: number): number {
  const clipped: Array<[number, number]> = [];
  for (const [x, y] of intervals) {
    const from = Math.max(x, a);
    const to = Math.min(y, b);
    if (to > from) clipped.push([from, to]);
  }
  clipped.sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let end = a;
  for (const [x, y] of clipped) {
    if (y <= end) continue;
    covered += y - Math.max(x, end);
    end = y;
  }
  return b > a ? covered / (b - a) : 1;
}

/**
 * One table's rulings → its grid. Loops, not spreads and array callbacks: V8 compiled the
 * callback form again for each new shape of coordinates (integer or fractional) the first pages
 * met, at ~60 ms a compile.
 */
function rulingsToGrid(hs: H[], vs: V[], page: number): Grid | null {
  const vx: number[] = [];
  // A table cut by a page break often lacks its closing border: the verticals run on past the
  // last horizontal ruling (or start above the first), and that end is the table's edge.
  let top = Infinity;
  let bottom = -Infinity;
  for (const v of vs) {
    vx.push(v.x);
    top = Math.min(top, v.y0);
    bottom = Math.max(bottom, v.y1);
  }
  const hy: number[] = [];
  for (const h of hs) hy.push(h.y);
  hy.push(top, bottom);
  const xs = positions(vx);
  const ys = positions(hy);
  if (xs.length < 2 || ys.length < 2) return null;
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const vCover = xs.map((x) => spansNear(vs, x, vPos, vSpan));
  const hCover = ys.map((y) => spansNear(hs, y, hPos, hSpan));
  const sets = new DisjointSets(nr * nc);
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (c + 1 < nc && coverage(vCover[c + 1]!, ys[r]!, ys[r + 1]!) < COVERED) sets.union(r * nc + c, r * nc + c + 1);
      if (r + 1 < nr && coverage(hCover[r + 1]!, xs[c]!, xs[c + 1]!) < COVERED) sets.union(r * nc + c, (r + 1) * nc + c);
    }
  }
  const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const root = sets.find(r * nc + c);
      const s = spans.get(root);
      if (!s) {
        spans.set(root, { r0: r, r1: r, c0: c, c1: c });
        continue;
      }
      s.r0 = Math.min(s.r0, r);
      s.r1 = Math.max(s.r1, r);
      s.c0 = Math.min(s.c0, c);
      s.c1 = Math.max(s.c1, c);
    }
  }
  const cells: GridCell[] = [];
  for (const { r0, r1, c0, c1 } of spans.values()) {
    cells.push({ row: r0, col: c0, rowspan: r1 - r0 + 1, colspan: c1 - c0 + 1, x0: xs[c0]!, x1: xs[c1 + 1]!, y0: ys[r0]!, y1: ys[r1 + 1]!, text: '' });
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { page, xs, ys, cells };
}

const vPos = (v: V) => v.x;
const vSpan = (v: V): [number, number] => [v.y0, v.y1];
const hPos = (h: H) => h.y;
const hSpan = (h: H): [number, number] => [h.x0, h.x1];

/** Union–find over indices (rulings of one table, cells of one merged cell). */
class DisjointSets {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      p[i] = p[p[i]!]!;
      i = p[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}
