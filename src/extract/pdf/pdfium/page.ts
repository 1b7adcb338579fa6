import { apply, multiply, type Matrix } from '../matrix.js';
import { subpathToSegments, type Point } from '../segments.js';
import type { PageContent, Segment, TextItem } from '../types.js';
import type { Pdfium } from './module.js';

const OBJ_PATH = 2;
const OBJ_IMAGE = 3;
const OBJ_FORM = 5;
const SEG_BEZIER = 1;
const SEG_MOVE = 2;
/** Forms nest; a file that nests them without end is cut off here. */
const MAX_FORM_DEPTH = 16;

/**
 * One page as PDFium has it → the engine-independent page content: characters grouped into runs
 * (PDFium gives characters, not runs), path objects' axis-aligned edges as rulings, and the
 * share of the page under images. Coordinates go from PDF space (bottom-left origin) to viewport
 * space as pdf.js's viewport puts them, so both engines place text and rulings alike.
 */
export function pageToContent(m: Pdfium, page: number, number: number): PageContent {
  const x = m.exports;
  const view = viewBox(m, page);
  const rotation = ((x['FPDFPage_GetRotation']!(page) % 4) + 4) % 4;
  const toView = viewTransform(view, rotation);
  const width = rotation % 2 ? view[3] - view[1] : view[2] - view[0];
  const height = rotation % 2 ? view[2] - view[0] : view[3] - view[1];
  const text = x['FPDFText_LoadPage']!(page);
  let items: TextItem[];
  try {
    items = text ? charsToRuns(m, text, toView) : [];
  } finally {
    if (text) x['FPDFText_ClosePage']!(text);
  }
  const segments: Segment[] = [];
  const images = { area: 0, dpi: 0, widest: 0 };
  const count = x['FPDFPage_CountObjects']!(page);
  for (let i = 0; i < count; i++) walkObject(m, x['FPDFPage_GetObject']!(page, i), toView, segments, images, 0);
  const content: PageContent = { number, width, height, items, segments, imageCoverage: Math.min(1, images.area / (width * height || 1)), rulings: true };
  if (images.dpi > 0) content.imageDpi = images.dpi;
  return content;
}

/** The crop box (else the media box) as [x0, y0, x1, y1]. */
function viewBox(m: Pdfium, page: number): [number, number, number, number] {
  const s = m.scratch;
  for (const fn of ['FPDFPage_GetCropBox', 'FPDFPage_GetMediaBox']) {
    if (m.exports[fn]!(page, s, s + 4, s + 8, s + 12)) {
      const f = m.heap().f32;
      const [l, b, r, t] = [f[s / 4]!, f[s / 4 + 1]!, f[s / 4 + 2]!, f[s / 4 + 3]!];
      if (r > l && t > b) return [l, b, r, t];
    }
  }
  return [0, 0, m.exports['FPDF_GetPageWidthF']!(page), m.exports['FPDF_GetPageHeightF']!(page)];
}

/** PDF space → viewport space (top-left origin, y down), for each /Rotate. */
function viewTransform([x0, y0, x1, y1]: readonly number[], rotation: number): Matrix {
  switch (rotation) {
    case 1:
      return [0, 1, 1, 0, -y0!, -x0!];
    case 2:
      return [-1, 0, 0, 1, x1!, -y0!];
    case 3:
      return [0, -1, -1, 0, y1!, x1!];
    default:
      return [1, 0, 0, -1, -x0!, y1!];
  }
}

interface Run {
  str: string;
  left: number;
  right: number;
  baseline: number;
  fontSize: number;
}

/**
 * Characters → runs: one run while characters follow on the same baseline, in the same size,
 * without a gap wider than a third of an em. Spaces and line ends (PDFium generates both) end a
 * run; the line joiner measures the gaps between runs as it does for pdf.js. A character below
 * the one before (vertical text, a label written down a merged cell) starts a run of its own.
 */
function charsToRuns(m: Pdfium, text: number, toView: Matrix): TextItem[] {
  const x = m.exports;
  const s = m.scratch;
  const n = x['FPDFText_CountChars']!(text);
  const items: TextItem[] = [];
  let run: Run | null = null;
  const end = () => {
    if (run && run.str.trim() !== '') {
      items.push({ str: run.str, x: run.left, top: run.baseline - run.fontSize, baseline: run.baseline, width: run.right - run.left, fontSize: run.fontSize });
    }
    run = null;
  };
  for (let i = 0; i < n; i++) {
    const code = x['FPDFText_GetUnicode']!(text, i);
    if (code <= 0x20 || code === 0x3000 || code === 0xfffe || code === 0xffff || code === 0xa0) {
      end();
      continue;
    }
    if (!x['FPDFText_GetLooseCharBox']!(text, i, s) || !x['FPDFText_GetCharOrigin']!(text, i, s + 16, s + 24)) continue;
    const h = m.heap();
    const [l, t, r, b] = [h.f32[s / 4]!, h.f32[s / 4 + 1]!, h.f32[s / 4 + 2]!, h.f32[s / 4 + 3]!];
    const origin = apply(toView, h.f64[(s + 16) / 8]!, h.f64[(s + 24) / 8]!);
    let corners = [apply(toView, l, t), apply(toView, r, b)];
    const fontSize = effectiveSize(m, text, i) || Math.abs(corners[1]![1] - corners[0]![1]) || 1;
    // Vertical fonts (a label written down a merged cell) get loose boxes far wider than the
    // glyph: there the ink box places the character.
    if (Math.abs(corners[1]![0] - corners[0]![0]) > 1.5 * fontSize && x['FPDFText_GetCharBox']!(text, i, s + 32, s + 40, s + 48, s + 56)) {
      const d = m.heap().f64;
      corners = [apply(toView, d[(s + 32) / 8]!, d[(s + 56) / 8]!), apply(toView, d[(s + 40) / 8]!, d[(s + 48) / 8]!)];
    }
    const left = Math.min(corners[0]![0], corners[1]![0]);
    const right = Math.max(corners[0]![0], corners[1]![0]);
    const ch = String.fromCodePoint(code);
    const current = run as Run | null;
    if (
      current &&
      Math.abs(origin[1] - current.baseline) <= 0.25 * fontSize &&
      Math.abs(fontSize - current.fontSize) <= 0.2 * fontSize &&
      left >= current.right - 0.3 * fontSize &&
      left - current.right <= 0.33 * fontSize
    ) {
      current.str += ch;
      current.right = Math.max(current.right, right);
      continue;
    }
    end();
    run = { str: ch, left, right, baseline: origin[1], fontSize };
  }
  end();
  return items;
}

/**
 * The size a character is drawn at: its font size times the vertical scale of its matrix. WPS
 * sets text in fonts of a few hundred points under a matrix that shrinks them to 13 pt; the
 * nominal size alone would make every gap look small.
 */
function effectiveSize(m: Pdfium, text: number, i: number): number {
  const size = m.exports['FPDFText_GetFontSize']!(text, i);
  const s = m.scratch + 32;
  // (scratch + 32 … 56 is free here: the ink box is read after this.)
  if (!m.exports['FPDFText_GetMatrix']!(text, i, s)) return size;
  const f = m.heap().f32;
  const scale = Math.hypot(f[s / 4 + 2]!, f[s / 4 + 3]!);
  return scale > 0 ? size * scale : size;
}

/** One page object: a path's edges, an image's area, a form's objects under its matrix. */
interface Images {
  area: number;
  /** Resolution of the widest image (pixels per inch of the page). */
  dpi: number;
  widest: number;
}

function walkObject(m: Pdfium, obj: number, parent: Matrix, segments: Segment[], images: Images, depth: number): void {
  const x = m.exports;
  const type = x['FPDFPageObj_GetType']!(obj);
  if (type === OBJ_FORM) {
    if (depth >= MAX_FORM_DEPTH) return;
    const ctm = multiply(parent, objectMatrix(m, obj));
    const n = x['FPDFFormObj_CountObjects']!(obj);
    for (let i = 0; i < n; i++) walkObject(m, x['FPDFFormObj_GetObject']!(obj, i), ctm, segments, images, depth + 1);
    return;
  }
  if (type === OBJ_IMAGE) {
    const s = m.scratch;
    if (!x['FPDFPageObj_GetBounds']!(obj, s, s + 4, s + 8, s + 12)) return;
    const f = m.heap().f32;
    const [l, b, r, t] = [f[s / 4]!, f[s / 4 + 1]!, f[s / 4 + 2]!, f[s / 4 + 3]!];
    const p = [apply(parent, l, b), apply(parent, r, t)];
    const shown = Math.abs(p[1]![0] - p[0]![0]);
    images.area += shown * Math.abs(p[1]![1] - p[0]![1]);
    if (shown > images.widest && x['FPDFImageObj_GetImagePixelSize']!(obj, s, s + 4)) {
      images.widest = shown;
      images.dpi = (m.heap().i32[s / 4]! * 72) / shown;
    }
    return;
  }
  if (type === OBJ_PATH) pathToSegments(m, obj, multiply(parent, objectMatrix(m, obj)), segments);
}

function objectMatrix(m: Pdfium, obj: number): Matrix {
  const s = m.scratch;
  if (!m.exports['FPDFPageObj_GetMatrix']!(obj, s)) return [1, 0, 0, 1, 0, 0];
  const f = m.heap().f32;
  return [f[s / 4]!, f[s / 4 + 1]!, f[s / 4 + 2]!, f[s / 4 + 3]!, f[s / 4 + 4]!, f[s / 4 + 5]!];
}

/** A path's subpaths, in viewport space, through the ruling geometry both engines share. */
function pathToSegments(m: Pdfium, path: number, ctm: Matrix, out: Segment[]): void {
  const x = m.exports;
  const s = m.scratch;
  if (!x['FPDFPath_GetDrawMode']!(path, s, s + 4)) return;
  const h = m.heap();
  const fill = h.i32[s / 4]! !== 0;
  const stroke = h.i32[s / 4 + 1]! !== 0;
  if (!fill && !stroke) return;
  const mode = stroke ? 'stroke' : 'fill';
  const n = x['FPDFPath_CountSegments']!(path);
  let points: Point[] = [];
  let bezier = 0;
  const flush = () => {
    subpathToSegments(points, mode, out);
    points = [];
  };
  for (let i = 0; i < n; i++) {
    const seg = x['FPDFPath_GetPathSegment']!(path, i);
    if (!seg || !x['FPDFPathSegment_GetPoint']!(seg, s, s + 4)) continue;
    const f = m.heap().f32;
    const p = apply(ctm, f[s / 4]!, f[s / 4 + 1]!);
    const type = x['FPDFPathSegment_GetType']!(seg);
    if (type === SEG_BEZIER) {
      // A Bézier curve is three points; only where it ends can bound a cell.
      if (++bezier % 3 !== 0) continue;
      points.push(p);
    } else if (type === SEG_MOVE) {
      flush();
      points.push(p);
    } else points.push(p);
    bezier = 0;
    if (x['FPDFPathSegment_GetClose']!(seg) && points.length > 0) {
      points.push(points[0]!);
      flush();
    }
  }
  flush();
}
