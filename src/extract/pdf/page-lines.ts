import type { Line } from '../document.js';
import { segmentsToGrids } from './grid.js';
import { itemsToTextLines, joinCell, joinLine, splitItem } from './text-lines.js';
import type { Grid, PageContent, TextItem } from './types.js';

/** What one page holds, in reading order: prose lines and table grids, each with its top y. */
export interface PageLayout {
  page: number;
  height: number;
  blocks: Array<{ top: number; bottom: number; prose?: string; grid?: Grid }>;
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
  for (const [grid, byCell] of cellItems) for (const [i, items] of byCell) grid.cells[i]!.text = joinCell(items);
  const blocks: PageLayout['blocks'] = [
    ...itemsToTextLines(prose).map((line) => ({
      top: Math.min(...line.map((i) => i.top)),
      bottom: Math.max(...line.map((i) => i.baseline)),
      prose: joinLine(line),
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
    const cells = grid.cells.filter((c) => c.row === r).map((c) => c.text);
    if (cells.length === 0) continue;
    lines.push({ no: firstNo + lines.length, text: cells.join('\t'), cells, page: grid.page });
  }
  return lines;
}
