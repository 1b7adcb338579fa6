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
  const parent = [...hs, ...vs].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  hs.forEach((h, i) =>
    vs.forEach((v, j) => {
      if (crosses(h, v)) parent[find(i)] = find(hs.length + j);
    }),
  );
  const groups = new Map<number, { h: H[]; v: V[] }>();
  hs.forEach((h, i) => groupOf(groups, find(i)).h.push(h));
  vs.forEach((v, j) => groupOf(groups, find(hs.length + j)).v.push(v));
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

function coverage(intervals: Array<[number, number]>, a: number, b: number): number {
  const clipped = intervals
    .map(([x, y]) => [Math.max(x, a), Math.min(y, b)] as [number, number])
    .filter(([x, y]) => y > x)
    .sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let end = a;
  for (const [x, y] of clipped) {
    if (y <= end) continue;
    covered += y - Math.max(x, end);
    end = y;
  }
  return b > a ? covered / (b - a) : 1;
}

function rulingsToGrid(hs: H[], vs: V[], page: number): Grid | null {
  const xs = positions(vs.map((v) => v.x));
  // A table cut by a page break often lacks its closing border: the verticals run on past the
  // last horizontal ruling (or start above the first), and that end is the table's edge.
  const top = Math.min(...vs.map((v) => v.y0));
  const bottom = Math.max(...vs.map((v) => v.y1));
  const ys = positions([...hs.map((h) => h.y), top, bottom]);
  if (xs.length < 2 || ys.length < 2) return null;
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const vAt = (x: number) => vs.filter((v) => Math.abs(v.x - x) <= MIN_TRACK).map((v) => [v.y0, v.y1] as [number, number]);
  const hAt = (y: number) => hs.filter((h) => Math.abs(h.y - y) <= MIN_TRACK).map((h) => [h.x0, h.x1] as [number, number]);
  const vCover = xs.map(vAt);
  const hCover = ys.map(hAt);

  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (c + 1 < nc && coverage(vCover[c + 1]!, ys[r]!, ys[r + 1]!) < COVERED) union(r * nc + c, r * nc + c + 1);
      if (r + 1 < nr && coverage(hCover[r + 1]!, xs[c]!, xs[c + 1]!) < COVERED) union(r * nc + c, (r + 1) * nc + c);
    }
  }
  const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const root = find(r * nc + c);
      const s = spans.get(root);
      if (!s) spans.set(root, { r0: r, r1: r, c0: c, c1: c });
      else Object.assign(s, { r0: Math.min(s.r0, r), r1: Math.max(s.r1, r), c0: Math.min(s.c0, c), c1: Math.max(s.c1, c) });
    }
  }
  const cells: GridCell[] = [...spans.values()]
    .map(({ r0, r1, c0, c1 }) => ({
      row: r0,
      col: c0,
      rowspan: r1 - r0 + 1,
      colspan: c1 - c0 + 1,
      x0: xs[c0]!,
      x1: xs[c1 + 1]!,
      y0: ys[r0]!,
      y1: ys[r1 + 1]!,
      text: '',
    }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  return { page, xs, ys, cells };
}
