import type { GreyBitmap } from '../pdf/engine.js';
import { segmentsToGrids } from '../pdf/grid.js';
import type { GridCell, PageContent, TextItem } from '../pdf/types.js';
import { detect } from './detect.js';
import { estimateSkew, inkIn, straighten, type Grey } from './image.js';
import { recognizeAll, type Box } from './recognize.js';
import { bitmapToSegments } from './rulings.js';
import { UNREAD } from '../../text/index.js';

/** Pixels kept clear of a cell's borders when its text is cut out. */
const INSET = 3;
/** Ink for the extent of a cell's text: lighter than DARK, so that a faint thin stroke is inside the crop. */
const FAINT = 200;
/** A cell with fewer dark pixels than this is empty (scan noise). */
const EMPTY_INK = 12;

/**
 * A page without a usable text layer, read from its image: seal ink whitened, the lean taken
 * out, ruling lines found in the bitmap, text boxes detected; a box inside a table cell is cut
 * to that cell (a border never becomes a digit), a cell with ink but no box is read whole. The
 * result is the page content every engine gives — rulings and text items in points — so the
 * grids, the stitching over page breaks and the table parsers work unchanged. Each item keeps
 * the recogniser's confidence.
 */
export async function bitmapToContent(bitmap: GreyBitmap, dpi: number, number: number): Promise<PageContent & { skew: number }> {
  const skew = estimateSkew(bitmap);
  const image = straighten(bitmap, skew);
  const pt = 72 / dpi;
  const segments = bitmapToSegments(image, dpi);
  const cells = segmentsToGrids(segments, number).flatMap((g) => g.cells);
  const cellOf = (x: number, y: number) => cells.find((c) => x >= c.x0 / pt && x <= c.x1 / pt && y >= c.y0 / pt && y <= c.y1 / pt);
  const boxes: Array<Box & { inCell: boolean; stray?: boolean }> = [];
  const inCells = new Map<GridCell, Box[]>();
  for (const box of await detect(image)) {
    const cell = cellOf((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2);
    const clipped = cell ? clip(box, cell, pt) : box;
    if (!clipped) continue;
    if (cell) inCells.set(cell, [...(inCells.get(cell) ?? []), clipped]);
    else boxes.push({ ...clipped, inCell: false });
  }
  for (const cell of cells) {
    const found = inCells.get(cell) ?? [];
    // A cell of several lines (a wrapped label) is read line by line, as detected.
    if (found.length > 1) {
      for (const box of found) boxes.push({ ...box, inCell: true });
      continue;
    }
    const interior = clip({ x0: cell.x0 / pt, y0: cell.y0 / pt, x1: cell.x1 / pt, y1: cell.y1 / pt }, cell, pt);
    if (!interior) continue;
    // Detection misses a lone small "0": a cell with ink but no box is read from all its ink.
    // It can also cut a faint thin "1" off the number it boxes: such a cell is marked doubtful.
    if (found.length === 1) boxes.push({ ...found[0]!, inCell: true, stray: strayInk(image, found[0]!, interior, dpi) });
    else if (inkIn(image, interior.x0, interior.y0, interior.x1, interior.y1) >= EMPTY_INK) boxes.push({ ...tighten(image, interior), inCell: true });
  }
  const readings = await recognizeAll(image, boxes);
  const items: TextItem[] = [];
  boxes.forEach((box, i) => {
    const { text, confidence } = readings[i]!;
    // Ink in a cell that reads as nothing is not a blank cell: it stays as an unread mark.
    if (text === '' && !box.inCell) return;
    const h = (box.y1 - box.y0) * pt;
    const str = text === '' ? UNREAD : text;
    items.push({ str, x: box.x0 * pt, top: box.y0 * pt, baseline: box.y1 * pt - h * 0.2, width: (box.x1 - box.x0) * pt, fontSize: h * 0.8, confidence: text === '' || box.stray ? 0 : confidence });
  });
  return { number, width: image.width * pt, height: image.height * pt, items, segments, imageCoverage: 0, rulings: true, skew };
}

/** A box cut to a cell's interior, or null when nothing of it is left. */
function clip(box: Box, cell: GridCell, pt: number): Box | null {
  const b = {
    x0: Math.max(box.x0, cell.x0 / pt + INSET),
    y0: Math.max(box.y0, cell.y0 / pt + INSET),
    x1: Math.min(box.x1, cell.x1 / pt - INSET),
    y1: Math.min(box.y1, cell.y1 / pt - INSET),
  };
  return b.x1 - b.x0 >= 3 && b.y1 - b.y0 >= 3 ? b : null;
}

/**
 * Ink in a cell outside its one text box (away from the cell's border, whose grey bleeds in):
 * what detection left out — a faint "1" beside the "5" it boxed. A value read from the box
 * alone would be wrong, so such a cell is not believed.
 */
function strayInk(image: Grey, box: Box, interior: Box, dpi: number): boolean {
  const bleed = Math.max(3, Math.round(dpi / 50));
  const margin = Math.max(2, (box.y1 - box.y0) * 0.1);
  let n = 0;
  for (let y = Math.ceil(interior.y0) + bleed; y < interior.y1 - bleed; y++) {
    for (let x = Math.ceil(interior.x0) + bleed; x < interior.x1 - bleed; x++) {
      if (x >= box.x0 - margin && x <= box.x1 + margin && y >= box.y0 - margin && y <= box.y1 + margin) continue;
      if (image.data[y * image.width + x]! < FAINT) n++;
    }
  }
  return n >= EMPTY_INK;
}

/** Shrink a box to the ink in it, with a margin: the recogniser wants the text, not the empty cell. */
function tighten(image: Grey, box: Box): Box {
  let [x0, y0, x1, y1] = [box.x1, box.y1, box.x0, box.y0];
  for (let y = Math.floor(box.y0); y < box.y1; y++) {
    for (let x = Math.floor(box.x0); x < box.x1; x++) {
      if (image.data[y * image.width + x]! >= FAINT) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < x0) return box;
  const m = Math.max(2, (y1 - y0) * 0.25);
  return { x0: Math.max(box.x0, x0 - m), y0: Math.max(box.y0, y0 - m), x1: Math.min(box.x1, x1 + m), y1: Math.min(box.y1, y1 + m) };
}
