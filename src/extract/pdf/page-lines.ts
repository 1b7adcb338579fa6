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

/** Page content → grids with their text, and the prose lines outside them. */
export function contentToLayout(content: PageContent): PageLayout {
  const grids = segmentsToGrids(content.segments, content.number);
  const inGrid = (x: number, y: number) =>
    grids.find((g) => x >= g.xs[0]! - MARGIN && x <= g.xs[g.xs.length - 1]! + MARGIN && y >= g.ys[0]! - MARGIN && y <= g.ys[g.ys.length - 1]! + MARGIN);
  const prose: TextItem[] = [];
  const cellItems = new Map<Grid, Map<number, TextItem[]>>();
  for (const item of content.items.flatMap(splitItem)) {
    const cx = item.x + item.width / 2;
    const cy = item.baseline - item.fontSize / 3;
    const grid = inGrid(cx, cy);
    if (!grid) {
      prose.push(item);
      continue;
    }
    const index = grid.cells.findIndex((c) => cx >= c.x0 && cx <= c.x1 && cy >= c.y0 && cy <= c.y1);
    if (index < 0) continue;
    const byCell = cellItems.get(grid) ?? new Map<number, TextItem[]>();
    cellItems.set(grid, byCell);
    byCell.set(index, [...(byCell.get(index) ?? []), item]);
  }
  for (const [grid, byCell] of cellItems) {
    for (const [i, items] of byCell) {
      const cell = grid.cells[i]!;
      cell.text = joinCell(items);
      const confidence = leastConfidence(items.map((it) => it.confidence));
      if (confidence !== undefined) cell.confidence = confidence;
    }
  }
  const blocks: PageLayout['blocks'] = [
    ...itemsToTextLines(prose).map((line) => ({
      top: Math.min(...line.map((i) => i.top)),
      bottom: Math.max(...line.map((i) => i.baseline)),
      prose: joinLine(line),
      ...(line.some((i) => i.confidence !== undefined) ? { confidence: lineConfidence(line) } : {}),
    })),
    ...grids.map((grid) => ({ top: grid.ys[0]!, bottom: grid.ys[grid.ys.length - 1]!, grid })),
  ].sort((a, b) => a.top - b.top);
  return { page: content.number, height: content.height, blocks };
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
