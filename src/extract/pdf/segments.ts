import type { Segment } from './types.js';

/** Filled rectangles thinner than this are rulings (Word and WPS draw borders so); wider ones are shading. */
const THIN = 2.5;
const AXIS = 0.5;

export type Point = [number, number];

/**
 * Ruling lines from one subpath, already in page (viewport) space: the axis-aligned edges of a
 * stroked path; of a filled one, only a rectangle thin enough to be a line. Both engines draw
 * their paths through this, so the grids do not depend on which one read the page.
 */
export function subpathToSegments(points: readonly Point[], mode: 'stroke' | 'fill', out: Segment[]): void {
  if (points.length < 2) return;
  if (mode === 'stroke') {
    for (let k = 1; k < points.length; k++) {
      const s = axisSegment(points[k - 1]!, points[k]!);
      if (s) out.push(s);
    }
    return;
  }
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  if (!points.every((p, k) => k === 0 || axisSegment(points[k - 1]!, p) || samePoint(points[k - 1]!, p))) return;
  if (y1 - y0 <= THIN && x1 - x0 > THIN) out.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
  else if (x1 - x0 <= THIN && y1 - y0 > THIN) out.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
}

function axisSegment(a: Point, b: Point): Segment | null {
  if (Math.abs(a[1] - b[1]) < AXIS && Math.abs(a[0] - b[0]) >= AXIS) {
    return { x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y0: a[1], y1: a[1] };
  }
  if (Math.abs(a[0] - b[0]) < AXIS && Math.abs(a[1] - b[1]) >= AXIS) {
    return { x0: a[0], x1: a[0], y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) };
  }
  return null;
}

function samePoint(a: Point, b: Point): boolean {
  return Math.abs(a[0] - b[0]) < AXIS && Math.abs(a[1] - b[1]) < AXIS;
}
