import { matchHeading, mayBeHeading } from '../schema/headings.js';
import { compact } from '../text/index.js';
import type { Line, PageMeta } from './document.js';
import { readHeader } from './header.js';

const HEADING = /^\s*[一二三四五六][、.．]/;
const NUMERIC = /^[\s\d.,+\-%]*$/;

/**
 * Split report text into lines, recognising the shapes text exports produce:
 * - tab-separated rows (`规章\t0\t0\t0`) become one line with cells;
 * - Word's one-cell-per-line export (`\t规章` / `\t0` …, rows separated by blank lines) is
 *   folded back into one line per row; a line without the leading tab continues the cell
 *   above it (`\t商业` / `企业`);
 * - one cell per line with runs of blank lines between them (pages saved as text: two blank
 *   lines between cells, four between rows, an empty cell one more line) is folded the same way;
 * - a crawler's header block (`标题:`, `发布时间:` …) is taken out as the page's metadata;
 * - anything else (prose, `pdftotext -layout` columns, run-together text) stays plain lines.
 */
export function textToLines(text: string): { lines: Line[]; meta?: PageMeta } {
  const raw = text.split(/\r\n|\r|\n/);
  const header = readHeader(raw);
  const from = header?.length ?? 0;
  // The blank-line cell shape needs runs of blank lines; most texts have none.
  const gaps = /(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)/.test(text) ? blankRunShape(raw, from) : null;
  const lines = gaps ? foldBlankRuns(raw, from, gaps) : foldTabCells(raw, from);
  return header ? { lines, meta: header.meta } : { lines };
}

function foldTabCells(raw: readonly string[], from: number): Line[] {
  const lines: Line[] = [];
  let i = from;
  while (i < raw.length) {
    const current = raw[i]!;
    // A block may start with cell lines a copy joined (`\t50\t0`), the next line a cell of its own.
    if (isCellLine(current) || (current.startsWith('\t') && isCellLine(raw[i + 1] ?? ''))) {
      const start = i;
      const cells: string[] = [];
      while (i < raw.length && (isCellLine(raw[i]!) || raw[i]!.trim() !== '')) {
        const l = raw[i]!;
        if (isCellLine(l)) cells.push(l.slice(1));
        // Cell lines a copy joined into one (`\t196\t284`): its cells, not a row with an empty label.
        else if (l.startsWith('\t')) cells.push(...l.slice(1).split('\t'));
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

interface Gaps {
  /** Blank lines between the cells of a row. */
  cell: number;
  /** Blank lines between rows. */
  row: number;
}

/**
 * The one-cell-per-line shape with blank-line separators: most gaps between lines are one
 * length (the cell gap, two or more blank lines), a longer one recurs (the row gap), and the
 * lines are single short cells, never `-layout` columns.
 */
function blankRunShape(raw: readonly string[], from: number): Gaps | null {
  const counts = new Map<number, number>();
  let run = 0;
  let seen = 0;
  let cells = 0;
  let lines = 0;
  for (let i = from; i < raw.length; i++) {
    const t = raw[i]!.trim();
    if (t === '') {
      run++;
      continue;
    }
    lines++;
    if (!/\S\s{2,}\S|\t/.test(t) && t.length <= 60) cells++;
    if (seen > 0) counts.set(run, (counts.get(run) ?? 0) + 1);
    seen++;
    run = 0;
  }
  const gaps = [...counts].filter(([n]) => n >= 2).sort((a, b) => b[1] - a[1]);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const cell = gaps[0];
  const row = gaps.find(([n, c]) => n > (cell?.[0] ?? 0) && c >= 0.05 * total);
  if (!cell || !row || cell[1] < 0.4 * total || cells < 0.7 * lines) return null;
  return { cell: cell[0], row: row[0] };
}

function foldBlankRuns(raw: readonly string[], from: number, gaps: Gaps): Line[] {
  const lines: Line[] = [];
  let row: Line | null = null;
  let run = 0;
  let afterGap = false;
  const isHeading = (t: string) => mayBeHeading(t) && matchHeading(compact(t)) !== null;
  const startRow = (no: number, text: string) => {
    row = { no, text, cells: [text] };
    lines.push(row);
  };
  for (let i = from; i < raw.length; i++) {
    const t = raw[i]!.trim();
    if (t === '') {
      run++;
      continue;
    }
    const gap = run;
    run = 0;
    const current = row as Line | null;
    if (isHeading(t) || !current || isHeading(current.text)) {
      lines.push({ no: i + 1, text: t });
      row = isHeading(t) ? null : lines[lines.length - 1]!;
      if (row) row.cells = [t];
      afterGap = false;
      continue;
    }
    const cells = current.cells!;
    const step = gaps.cell + 1;
    if (gap === 0) {
      // A wrapped cell continues (`商业` / `企业`) only inside a table row; prose lines stand alone.
      if (afterGap && isContinuation(t, cells[cells.length - 1]!)) cells[cells.length - 1] += t;
      else {
        startRow(i + 1, t);
        afterGap = false;
      }
    } else if (gap >= gaps.cell && (gap - gaps.cell) % step === 0 && gap !== gaps.row) {
      for (let e = 0; e < (gap - gaps.cell) / step; e++) cells.push('');
      cells.push(t);
      afterGap = true;
    } else if (gap >= gaps.row && (gap - gaps.row) % step === 0) {
      for (let e = 0; e < (gap - gaps.row) / step; e++) cells.push('');
      startRow(i + 1, t);
      afterGap = true;
    } else {
      startRow(i + 1, t);
      afterGap = true;
    }
  }
  for (const l of lines) if (l.cells) l.text = l.cells.join('\t');
  // A line of one cell is a plain line, as everywhere else.
  for (const l of lines) if (l.cells?.length === 1) delete l.cells;
  return lines;
}
