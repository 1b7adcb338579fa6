import type { TextLayerVerdict } from './text-layer.js';

/** Page geometry in viewport space: origin top-left, y down, 1 unit = 1 pt at scale 1. */

export interface TextItem {
  str: string;
  x: number;
  /** Top of the glyph box. */
  top: number;
  baseline: number;
  width: number;
  fontSize: number;
  /** Read by OCR: the recogniser's confidence (0–1) in this text. */
  confidence?: number;
}

/** An axis-aligned ruling line. Horizontal when y0 === y1, vertical when x0 === x1. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageContent {
  number: number;
  width: number;
  height: number;
  items: TextItem[];
  segments: Segment[];
  /** Share of the page covered by images, 0–1 (measured only when `rulings` is true). */
  imageCoverage: number;
  /** Whether the operator list was read: segments and image coverage are known. */
  rulings: boolean;
  /** Read by OCR from the page's image. */
  ocr?: boolean;
  /** Read by OCR because the text layer it replaced had no usable Unicode: how that was judged. */
  unusable?: TextLayerVerdict;
  /** The resolution (pixels per inch) of the page's widest image, when the engine tells. */
  imageDpi?: number;
}

export interface GridCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
  /** Read by OCR: the least confidence of the text in it. */
  confidence?: number;
}

/** A ruled table: column and row boundaries, and its (merged) cells in row-major order. */
export interface Grid {
  page: number;
  xs: number[];
  ys: number[];
  cells: GridCell[];
}
