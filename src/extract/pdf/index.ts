import { diagnostic } from '../../diagnostics.js';
import type { Diagnostic } from '../../schema/index.js';
import { ReadError, type Line, type SourceDocument } from '../document.js';
import { EngineOpenError, type PdfEngine, type PdfEngineName } from './engine.js';
import { contentToLayout, gridToLines, type PageLayout } from './page-lines.js';
import { stitchRows } from './stitch.js';
import { unusableTextLayer, type TextLayerVerdict } from './text-layer.js';
import type { PageContent } from './types.js';

export type { PageLayout } from './page-lines.js';

/** Reports run to a few dozen pages; a PDF of thousands is a bomb, refused before reading a page. */
export const MAX_PAGES = 1000;

/** Fewer visible characters than this on a page mostly covered by images: a scan. */
const SCANNED_CHARS = 20;
const SCANNED_COVERAGE = 0.3;
/** Running headers and footers live in these top and bottom bands of the page. */
const FURNITURE_BAND = 0.08;

export interface PdfRead {
  pages: number;
  layouts: PageLayout[];
  /** Image-only pages left unread (OCR off). */
  scanned: number[];
  /** Pages whose text layer has no usable Unicode (read by OCR, or left unread with OCR off). */
  unusable: Array<TextLayerVerdict & { page: number; ocr: boolean }>;
  /** Pages read by OCR. */
  ocr: number[];
}

/** OCR of pages without a text layer: on unless asked off; the resolution pages are drawn at. */
export interface OcrOptions {
  ocr?: boolean;
  dpi?: number;
  onOcr?: (pages: number) => void;
}

/** Drawn at this resolution, 10-point table digits stand ~28 px tall: clear to the recogniser. */
export const OCR_DPI = 200;
/**
 * A scanned page is drawn at its scan's own resolution, within these bounds: drawn smaller, a
 * light hairline is averaged into the paper and the table's grid is lost (measured on a 300 dpi
 * scan drawn at 200); drawn larger, nothing is gained. Beyond 300 dpi the work grows for nothing.
 */
const OCR_DPI_RANGE = [150, 300] as const;
// A page of fonts drawn crisp is read best at the range's low end: our re-distilled reports read
// 189 and 198 cells right at 150 dpi, 177 and 183 at 200 (0 wrong either way).

/**
 * Which pages to read ruling lines for: all of them, or the pages a first reading by text
 * alignment shows to need them (the caller decides; see pagesNeedingRulings in the pipeline).
 */
export type RulingPolicy = 'always' | ((textOnly: SourceDocument) => readonly number[]);
/** The pages to add rulings to, from the pages as read by text only, and the engine that read them. */
type ContentPolicy = 'always' | ((textOnly: PageContent[], engine: PdfEngineName) => readonly number[]);

/** The engines, loaded when first used: a batch of text reports loads neither. */
async function engineNamed(name: PdfEngineName): Promise<PdfEngine> {
  return name === 'pdfium' ? (await import('./pdfium/index.js')).pdfiumEngine : (await import('./pdfjs/index.js')).pdfjsEngine;
}

/**
 * Read every page's text (and, where the engine has them for nothing, rulings), then rulings
 * where the policy asks for them, in one open document. A PDF PDFium cannot open is tried with
 * pdf.js before it is failed; `engine` says which one read it.
 */
async function bytesToContents(bytes: Uint8Array, policy: ContentPolicy, name: PdfEngineName): Promise<{ contents: PageContent[]; engine: PdfEngineName }> {
  const read = async (engine: PdfEngine) =>
    engine.withDocument(bytes, async (doc) => {
      if (doc.pageCount > MAX_PAGES) throw new ReadError('E_PDF', `PDF has ${doc.pageCount} pages; a report has a few dozen (limit ${MAX_PAGES})`);
      const contents: PageContent[] = [];
      for (let n = 1; n <= doc.pageCount; n++) contents.push(await doc.page(n, policy === 'always'));
      if (policy === 'always' || contents.every((c) => c.rulings)) return contents;
      for (const n of policy([...contents], engine.name)) {
        const content = contents[n - 1];
        if (content && !content.rulings) contents[n - 1] = await doc.addRulings(n, content);
      }
      return contents;
    });
  try {
    return { contents: await read(await engineNamed(name)), engine: name };
  } catch (error) {
    if (!(error instanceof EngineOpenError)) throw error;
    if (name === 'pdfjs') throw new ReadError('E_PDF', `not a readable PDF (pdf.js: ${error.message})`);
    try {
      return { contents: await read(await engineNamed('pdfjs')), engine: 'pdfjs' };
    } catch (second) {
      if (!(second instanceof EngineOpenError)) throw second;
      throw new ReadError('E_PDF', `not a readable PDF (PDFium: ${error.message}; pdf.js: ${second.message})`);
    }
  }
}

/** Every page with its grids, for `gov-report debug tables`. */
export async function bytesToLayouts(bytes: Uint8Array, engine: PdfEngineName = 'pdfium'): Promise<PdfRead> {
  return contentsToRead((await bytesToContents(bytes, 'always', engine)).contents);
}

export function contentsToRead(contents: readonly PageContent[]): PdfRead {
  const unusable = contents.flatMap((c) => {
    const verdict = c.ocr ? c.unusable : unusableTextLayer(c);
    return verdict ? [{ page: c.number, ...verdict, ocr: c.ocr === true }] : [];
  });
  const garbage = new Set(unusable.filter((u) => !u.ocr).map((u) => u.page));
  return {
    pages: contents.length,
    // Never a report built from garbage: an unusable page's text is left out.
    layouts: contents.map((c) => contentToLayout(garbage.has(c.number) ? { ...c, items: [] } : c)),
    scanned: contents.filter((c) => !c.ocr && isScanned(c)).map((c) => c.number),
    unusable,
    ocr: contents.filter((c) => c.ocr).map((c) => c.number),
  };
}

/**
 * Read the image-only pages by OCR: PDFium draws them (whichever engine read the text), the
 * OCR reader turns the bitmap into page content like any other. Loaded only when a page needs it.
 */
async function ocrScans(bytes: Uint8Array, contents: PageContent[], options: OcrOptions): Promise<PageContent[]> {
  const scans = contents.filter((c) => isScanned(c) || unusableTextLayer(c));
  if (options.ocr === false || scans.length === 0) return contents;
  const [{ pdfiumEngine }, { bitmapToContent }] = await Promise.all([import('./pdfium/index.js'), import('../ocr/page.js')]);
  options.onOcr?.(scans.length);
  const out = [...contents];
  await pdfiumEngine.withDocument(bytes, async (doc) => {
    for (const scan of scans) {
      // Text drawn with fonts whose characters are lost has no scan resolution.
      const unusable = isScanned(scan) ? null : unusableTextLayer(scan);
      const native = unusable ? OCR_DPI_RANGE[0] : scan.imageDpi ? Math.round(Math.min(OCR_DPI_RANGE[1], Math.max(OCR_DPI_RANGE[0], scan.imageDpi))) : OCR_DPI;
      const dpi = options.dpi ?? native;
      const bitmap = await doc.render!(scan.number, dpi);
      out[scan.number - 1] = { ...(await bitmapToContent(bitmap, dpi, scan.number)), ocr: true, ...(unusable ? { unusable } : {}) };
    }
  });
  return out;
}

function isScanned(content: PageContent): boolean {
  const chars = content.items.reduce((n, i) => n + i.str.replace(/\s/g, '').length, 0);
  return chars < SCANNED_CHARS && content.imageCoverage > SCANNED_COVERAGE;
}

/** The document model for the pipeline: lines in reading order, table rows with cells. */
export async function pdfToDocument(
  path: string,
  bytes: Uint8Array,
  sha256: string,
  policy: RulingPolicy = 'always',
  engineName: PdfEngineName = 'pdfium',
  ocr: OcrOptions = {},
): Promise<SourceDocument> {
  let textOnly: { contents: PageContent[]; doc: SourceDocument } | undefined;
  const { contents: read, engine } = await bytesToContents(
    bytes,
    policy === 'always'
      ? 'always'
      : (pages, reader) => {
          // Scanned pages are read by OCR afterwards; for this text-only look they are left out.
          textOnly = { contents: pages, doc: readToDocument(path, sha256, contentsToRead(pages), reader, false) };
          return policy(textOnly.doc);
        },
    engineName,
  );
  const contents = await ocrScans(bytes, read, ocr);
  // No page needed rulings or OCR: the text-only document is the document, the same object, so
  // that the pipeline reuses its reading; unless pages went unread, which only the strict
  // reading below may fail on. (The last engine to call the policy is the one that read it.)
  const unread = read.some((c) => isScanned(c) || unusableTextLayer(c));
  if (textOnly && !unread && contents.every((c, i) => c === textOnly!.contents[i])) return textOnly.doc;
  return readToDocument(path, sha256, contentsToRead(contents), engine);
}

/** Pages (read by an engine, or by OCR) → the document. `strict`: a document of scans only is an error. */
export function readToDocument(path: string, sha256: string, read: PdfRead, engine: PdfEngineName | undefined, strict = true, format: 'pdf' | 'image' = 'pdf'): SourceDocument {
  const notes: Diagnostic[] = [];
  const unread = read.unusable.filter((u) => !u.ocr);
  if (strict && read.scanned.length === read.pages) {
    throw new ReadError('E_SCANNED', `no text layer: ${scannedPhrase(read.scanned)}; OCR was turned off (--no-ocr), so nothing of it is read`);
  }
  if (strict && unread.length > 0 && read.scanned.length + unread.length >= read.pages) {
    throw new ReadError('E_TEXT_LAYER', `the text layer has no usable Unicode (${unusablePhrase(unread)}), and OCR was turned off (--no-ocr), so nothing of it is read`);
  }
  if (read.unusable.length > 0) {
    const ocrd = read.unusable.filter((u) => u.ocr);
    if (ocrd.length > 0) notes.push(diagnostic('info', 'text-layer-unusable', `the text layer has no usable Unicode (${unusablePhrase(ocrd)}): read by OCR instead`, { where: { page: ocrd[0]!.page } }));
    if (unread.length > 0) notes.push(diagnostic('error', 'text-layer-unusable', `the text layer has no usable Unicode (${unusablePhrase(unread)}): left out, OCR being off`, { where: { page: unread[0]!.page } }));
  }
  if (read.scanned.length > 0) {
    notes.push(
      diagnostic('error', 'scanned-page', `${scannedPhrase(read.scanned)} without a text layer; what they hold is missing from this report`, {
        where: { page: read.scanned[0]! },
      }),
    );
  }
  const doc: SourceDocument = { path, format, sha256, encoding: null, pages: read.pages, lines: layoutsToLines(read.layouts), notes, ocr: read.ocr };
  if (engine) doc.engine = engine;
  return doc;
}

function unusablePhrase(pages: PdfRead['unusable']): string {
  return (['ascii', 'words'] as const)
    .map((why) => pages.filter((u) => u.why === why))
    .filter((group) => group.length > 0)
    .map((group) => {
      const chars = group.reduce((n, u) => n + u.chars, 0);
      const cjk = group.reduce((n, u) => n + u.cjk, 0);
      const which = group.length === 1 ? `page ${group[0]!.page}` : `pages ${group.map((u) => u.page).join(', ')}`;
      return group[0]!.why === 'ascii'
        ? `${which}: ${cjk} CJK characters of ${chars}; its fonts map no glyph to a character`
        : `${which}: ${cjk} CJK characters and not one word of a report among them (公开, 信息, 政府 …); its fonts map glyphs to the wrong characters`;
    })
    .join('; ');
}

function scannedPhrase(pages: readonly number[]): string {
  return pages.length === 1 ? `page ${pages[0]} is a scanned image` : `pages ${pages.join(', ')} are scanned images`;
}

/**
 * Pages → one stream of lines. Running headers and footers (the same text in the top or bottom
 * band of several pages) are dropped; a table that ends one page and starts the next is
 * stitched back together.
 */
export function layoutsToLines(layouts: readonly PageLayout[]): Line[] {
  const furniture = repeatedFurniture(layouts);
  const lines: Line[] = [];
  let open: { rows: Line[]; xs: number[] } | null = null;
  const flush = () => {
    if (open) lines.push(...open.rows);
    open = null;
  };
  for (const layout of layouts) {
    const blocks = layout.blocks.filter((b) => !(b.prose !== undefined && furniture.has(furnitureKey(b.prose, b.top, layout.height))));
    blocks.forEach((block, i) => {
      if (block.prose !== undefined) {
        flush();
        lines.push({ no: 0, text: block.prose, page: layout.page, ...(block.confidence !== undefined ? { ocr: { confidence: block.confidence } } : {}) });
        return;
      }
      const grid = block.grid!;
      const rows = gridToLines(grid, 0);
      if (i === 0 && open && sameColumns(open.xs, grid.xs)) open = { rows: stitchRows(open.rows, rows).rows, xs: grid.xs };
      else {
        flush();
        open = { rows, xs: grid.xs };
      }
      // Only a table that ends its page can continue on the next one.
      if (i < blocks.length - 1) flush();
    });
  }
  flush();
  return lines.map((l, i) => ({ ...l, no: i + 1 }));
}

/** A continuation has the same outer edges and at least as many columns as it needs (±2 pt). */
function sameColumns(a: readonly number[], b: readonly number[]): boolean {
  const near = (x: number, y: number) => Math.abs(x - y) <= 2;
  return near(a[0]!, b[0]!) && near(a[a.length - 1]!, b[b.length - 1]!);
}

function furnitureKey(text: string, top: number, height: number): string {
  const band = top < height * FURNITURE_BAND ? 'top' : top > height * (1 - FURNITURE_BAND) ? 'bottom' : null;
  return band ? `${band}:${text.replace(/\d+/g, '#').replace(/\s+/g, '')}` : '';
}

function repeatedFurniture(layouts: readonly PageLayout[]): Set<string> {
  const seen = new Map<string, number>();
  for (const layout of layouts) {
    const keys = new Set(layout.blocks.filter((b) => b.prose !== undefined).map((b) => furnitureKey(b.prose!, b.top, layout.height)));
    for (const key of keys) if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n >= 2).map(([k]) => k));
}
