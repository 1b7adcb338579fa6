import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { tidyCjkSpacing } from '../../../text/index.js';
import { apply, multiply, type Matrix } from '../matrix.js';
import { subpathToSegments, type Point } from '../segments.js';
import type { PageContent, Segment, TextItem } from '../types.js';
import { loadPdfJs } from './load.js';

/** pdf.js ≥ 5.1 path opcodes inside constructPath (its DrawOPS, not exported). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Pages with fewer visible characters than this may be scans: their images are measured. */
export const SPARSE_CHARS = 20;

/**
 * Text of one page, in viewport space (top-left origin), and its ruling lines when asked for.
 * Rulings come from the operator list, which costs 40–85 % of the text pass (pdf.js prepares
 * every glyph for rendering), so they are read only for pages that need them, and for sparse
 * pages, whose image coverage tells a scan from an empty page.
 */
export async function pageToContent(page: PDFPageProxy, withRulings: boolean): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const text = await page.getTextContent();
  const items: TextItem[] = [];
  for (const item of text.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const m = multiply(viewport.transform, item.transform);
    const fontSize = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]);
    items.push({ str: tidyCjkSpacing(item.str), x: m[4], baseline: m[5], top: m[5] - fontSize, width: item.width, fontSize });
  }
  const content: PageContent = { number: page.pageNumber, width: viewport.width, height: viewport.height, items, segments: [], imageCoverage: 0, rulings: false };
  const sparse = items.reduce((n, i) => n + i.str.replace(/\s/g, '').length, 0) < SPARSE_CHARS;
  return withRulings || sparse ? addRulings(page, content) : content;
}

/** Read the page's rulings and image coverage into its content. */
export async function addRulings(page: PDFPageProxy, content: PageContent): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const ops = await operatorsToSegments(page, viewport.transform as Matrix, viewport.width * viewport.height);
  return { ...content, ...ops, rulings: true };
}

/**
 * Walk the operator list with a CTM stack (save/restore/transform/form XObjects) and keep the
 * axis-aligned edges of stroked paths and of thin filled rectangles. Image ops add their area
 * (an image fills the unit square of its CTM) to the page's image coverage.
 */
async function operatorsToSegments(page: PDFPageProxy, start: Matrix, pageArea: number) {
  const { OPS, AnnotationMode } = await loadPdfJs();
  // Annotations are links, form fields and stamps (often a seal's image): never rulings, and a
  // stamp on a page is not a scan of it.
  const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
  const segments: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm = start;
  let imageArea = 0;
  const strokeOps = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fillOps = new Set<number>([OPS.fill, OPS.eoFill]);
  const imageOps = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args?.[0])) ctm = multiply(ctm, args[0]);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (imageOps.has(fn)) imageArea += Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]);
    else if (fn === OPS.constructPath) {
      const [paint, [path]] = args as [number, [Float32Array | number[] | null]];
      if (!path) continue;
      if (strokeOps.has(paint)) segments.push(...pathToSegments(path, ctm, 'stroke'));
      else if (fillOps.has(paint)) segments.push(...pathToSegments(path, ctm, 'fill'));
    }
  }
  return { segments, imageCoverage: Math.min(1, imageArea / pageArea) };
}

/** Axis-aligned edges of a path (pdf.js ≥ 5.1 DrawOPS); for fills, only rectangles thin enough to be a line. */
export function pathToSegments(path: ArrayLike<number>, ctm: Matrix, mode: 'stroke' | 'fill'): Segment[] {
  const out: Segment[] = [];
  let points: Point[] = [];
  const flush = () => {
    subpathToSegments(points, mode, out);
    points = [];
  };
  for (let i = 0; i < path.length; ) {
    const op = path[i++]!;
    if (op === MOVE) {
      flush();
      points.push(apply(ctm, path[i]!, path[i + 1]!));
      i += 2;
    } else if (op === LINE) {
      points.push(apply(ctm, path[i]!, path[i + 1]!));
      i += 2;
    } else if (op === CURVE) {
      points.push(apply(ctm, path[i + 4]!, path[i + 5]!));
      i += 6;
    } else if (op === QUAD) {
      points.push(apply(ctm, path[i + 2]!, path[i + 3]!));
      i += 4;
    } else if (op === CLOSE) {
      if (points.length > 0) points.push(points[0]!);
      flush();
    } else break;
  }
  flush();
  return out;
}
