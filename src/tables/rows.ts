import type { Line } from '../extract/document.js';
import { compact, isValueText } from '../normalize/index.js';

/** A table row as the parsers see it: label text on the left, value cells after it. */
export interface Row {
  line: Line;
  /** Label text, white space removed (labels arrive as `三、本 年 度 办 理 结 果`). */
  label: string;
  /** The cells after the last label cell, as written (empty cells included when the shape has cells). */
  values: string[];
}

/**
 * Lines with cells keep their cell boundaries; plain lines (pdftotext -layout, or text that
 * lost its tabs) are split on white space, which never occurs inside a number.
 */
export function lineToRow(line: Line): Row {
  const cells = line.cells ?? line.text.trim().split(/[\s\u3000]+/).filter((t) => t !== '');
  let lastLabel = -1;
  cells.forEach((cell, i) => {
    if (!isValueText(cell)) lastLabel = i;
  });
  const label = compact(cells.slice(0, lastLabel + 1).join(''));
  return { line, label, values: cells.slice(lastLabel + 1) };
}

export function hasValues(row: Row): boolean {
  return row.values.some((v) => v.trim() !== '');
}

export type Fit = { ok: true; cells: string[] } | { ok: false; reason: string };

/**
 * Place a row's value cells into `n` columns. Exports pad rows with empty cells on either
 * side (a spare label column, a trailing tab); those are dropped first. A row with fewer
 * values than columns cannot be placed: nothing says which column lost its value.
 */
export function fitValues(values: readonly string[], n: number): Fit {
  const v = [...values];
  while (v.length > n && v[v.length - 1]!.trim() === '') v.pop();
  while (v.length > n && v[0]!.trim() === '') v.shift();
  if (v.length === n) return { ok: true, cells: v.map((c) => c.trim()) };
  const found = v.filter((c) => c.trim() !== '').length;
  return {
    ok: false,
    reason:
      v.length > n
        ? `found ${found} values for ${n} columns`
        : `found ${found} value${found === 1 ? '' : 's'} for ${n} columns; cannot tell which column is missing`,
  };
}
