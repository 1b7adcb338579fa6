import { leastConfidence, type Line } from '../document.js';
import { segmentsToGrids } from './grid.js';
import { itemsToTextLines, joinCell, joinLine, splitItem } from './text-lines.js';
import type { Grid, PageContent, TextItem } from './types.js';

/** What one page holds, in reading order: prose lines and table grids, each with its top y. */
export interface PageLayout {
  page: number;
  height: number;
  blocks: Array<{ top: number; bottom: number; prose?: string; grid?: Grid; confidence?: number }>;
}

const MARGIN = 1;

type Block = PageLayout['blocks'][number];

/**
 * Page content → grids with their text, and the prose lines outside them. Loops, not spreads
 * and array callbacks: this runs on every page, and V8 compiled the callback form again for each
 * new shape of coordinates (integer or fractional) its first pages met, at ~60 ms a compile.
 */
export function contentToLayout(content: PageContent): PageLayout {
  const grids = segmentsToGrids(content.segments, content.number);
  const prose: TextItem[] = [];
  const cellItems = new Map<Grid, Map<number, TextItem[]>>();
  for (const whole of content.items) {
    for (const item of splitItem(whole)) {
      const cx = item.x + item.width / 2;
      const cy = item.baseline - item.fontSize / 3;
      const grid = gridAt(grids, cx, cy);
      if (!grid) {
        prose.push(item);
        continue;
      }
      const index = cellAt(grid, cx, cy);
      if (index < 0) continue;
      let byCell = cellItems.get(grid);
      if (!byCell) cellItems.set(grid, (byCell = new Map()));
      const items = byCell.get(index);
      if (items) items.push(item);
      else byCell.set(index, [item]);
    }
  }
  for (const [grid, byCell] of cellItems) {
    for (const [i, items] of byCell) {
      const cell = grid.cells[i]!;
      cell.text = joinCell(items);
      const confidence = leastConfidence(items.map((it) => it.confidence));
      if (confidence !== undefined) cell.confidence = confidence;
    }
  }
  const blocks: Block[] = [];
  for (const line of itemsToTextLines(prose)) blocks.push(proseBlock(line));
  for (const grid of grids) blocks.push({ top: grid.ys[0]!, bottom: grid.ys[grid.ys.length - 1]!, grid });
  // Stable: at the same top, prose comes before a grid.
  blocks.sort((a, b) => a.top - b.top);
  return { page: content.number, height: content.height, blocks };
}

/** The first grid whose frame holds the point. */
function gridAt(grids: readonly Grid[], x: number, y: number): Grid | undefined {
  for (const g of grids) {
    if (x >= g.xs[0]! - MARGIN && x <= g.xs[g.xs.length - 1]! + MARGIN && y >= g.ys[0]! - MARGIN && y <= g.ys[g.ys.length - 1]! + MARGIN) return g;
  }
  return undefined;
}

/** The index of the first cell of the grid holding the point, or -1. */
function cellAt(grid: Grid, x: number, y: number): number {
  const cells = grid.cells;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (x >= c.x0 && x <= c.x1 && y >= c.y0 && y <= c.y1) return i;
  }
  return -1;
}

function proseBlock(line: readonly TextItem[]): Block {
  let top = Infinity;
  let bottom = -Infinity;
  let ocr = false;
  for (const item of line) {
    top = Math.min(top, item.top);
    bottom = Math.max(bottom, item.baseline);
    if (item.confidence !== undefined) ocr = true;
  }
  const block: Block = { top, bottom, prose: joinLine(line) };
  if (ocr) block.confidence = lineConfidence(line);
  return block;
}

/** A grid's rows as lines with cells; a merged cell appears in the first row it spans. */
export function gridToLines(grid: Grid, firstNo: number): Line[] {
  const rows = grid.ys.length - 1;
  const lines: Line[] = [];
  for (let r = 0; r < rows; r++) {
    const row = grid.cells.filter((c) => c.row === r);
    if (row.length === 0) continue;
    const cells = row.map((c) => c.text);
    const line: Line = { no: firstNo + lines.length, text: cells.join('\t'), cells, page: grid.page };
    const confidence = leastConfidence(row.map((c) => c.confidence));
    if (confidence !== undefined) line.ocr = { confidence, cells: row.map((c) => c.confidence) };
    lines.push(line);
  }
  return lines;
}

/**
 * OCR's confidence in a line of text: in the pieces holding numbers, when there are any (the
 * table parsers take values from them; a doubtful label character beside them does not make the
 * values doubtful, and labels are matched, never trusted), else in all of it.
 */
function lineConfidence(line: readonly TextItem[]): number {
  const numbers = line.filter((i) => /[0-9]/.test(i.str));
  return Math.min(...(numbers.length > 0 ? numbers : line).map((i) => i.confidence ?? 1));
}
