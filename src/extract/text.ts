import type { Line } from './document.js';

const HEADING = /^\s*[一二三四五六][、.．]/;
const NUMERIC = /^[\s\d.,+\-%]*$/;

/**
 * Split report text into lines, recognising the table shapes text exports produce:
 * - tab-separated rows (`规章\t0\t0\t0`) become one line with cells;
 * - Word's one-cell-per-line export (`\t规章` / `\t0` …, rows separated by blank lines) is
 *   folded back into one line per row; a line without the leading tab continues the cell
 *   above it (`\t商业` / `企业`);
 * - anything else (prose, `pdftotext -layout` columns) stays a plain line: the table
 *   parsers split those on white space.
 */
export function textToLines(text: string): Line[] {
  const raw = text.split(/\r\n|\r|\n/);
  const lines: Line[] = [];
  let i = 0;
  while (i < raw.length) {
    const current = raw[i]!;
    if (isCellLine(current)) {
      const start = i;
      const cells: string[] = [];
      while (i < raw.length && (isCellLine(raw[i]!) || raw[i]!.trim() !== '')) {
        const l = raw[i]!;
        if (isCellLine(l)) cells.push(l.slice(1));
        else if (cells.length > 0 && isContinuation(l, cells[cells.length - 1]!)) cells[cells.length - 1] += l.trim();
        else break;
        i++;
      }
      lines.push({ no: start + 1, text: cells.join('\t'), cells });
      continue;
    }
    lines.push(current.includes('\t') ? { no: i + 1, text: current, cells: current.split('\t') } : { no: i + 1, text: current });
    i++;
  }
  return lines;
}

/** `\t<one cell>`: Word's one-cell-per-line table export. */
function isCellLine(line: string): boolean {
  return line.startsWith('\t') && line.indexOf('\t', 1) === -1;
}

/** A wrapped cell: a short text fragment under a text cell, never a heading or a number. */
function isContinuation(line: string, previous: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 20 && !HEADING.test(t) && !NUMERIC.test(t) && !NUMERIC.test(previous);
}
