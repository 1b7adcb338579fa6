import { ReadError, type SourceDocument } from './document.js';
import { colourToInk } from './ink.js';
import type { GreyBitmap } from './pdf/engine.js';
import { contentsToRead, OCR_DPI, readToDocument } from './pdf/index.js';

/** A page image larger than this is not a scan of a report page (A4 at 600 dpi is 35 MP). */
const MAX_MEGAPIXELS = 60;
/** Nor is one narrower than this (A4 at 60 dpi): logos, icons, a web page's decorations. */
const MIN_SIDE = 500;

export function isImage(bytes: Uint8Array): 'jpeg' | 'png' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'png';
  return null;
}

/**
 * A report page as an image file (a photograph or scan of the paper copy): decoded by pure-JS
 * decoders (jpeg-js, pngjs; nothing native, nothing run from the file), then read by OCR as one
 * page, as a scanned page of a PDF is.
 */
export async function imageToDocument(path: string, bytes: Uint8Array, sha256: string, options: { ocr?: boolean; onOcr?: (pages: number) => void }): Promise<SourceDocument> {
  if (options.ocr === false) throw new ReadError('E_SCANNED', 'an image of a page; OCR was turned off (--no-ocr), so nothing of it is read');
  const { bitmap, dpi } = await decode(bytes);
  const { bitmapToContent } = await import('./ocr/page.js');
  options.onOcr?.(1);
  const content = { ...(await bitmapToContent(bitmap, dpi, 1)), ocr: true };
  return readToDocument(path, sha256, contentsToRead([content]), undefined, true, 'image');
}

async function decode(bytes: Uint8Array): Promise<{ bitmap: GreyBitmap; dpi: number }> {
  let rgba: { width: number; height: number; data: Uint8Array };
  try {
    if (isImage(bytes) === 'jpeg') {
      const jpeg = (await import('jpeg-js')).default;
      rgba = jpeg.decode(Buffer.from(bytes), { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 1024 });
    } else {
      // pngjs has no size limit of its own: the header says the size before anything is inflated.
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (bytes.length < 24) throw new Error('truncated header');
      const [w, h] = [view.getUint32(16), view.getUint32(20)];
      if (w * h > MAX_MEGAPIXELS * 1e6) throw new ReadError('E_TOO_LARGE', `image of ${w}×${h} pixels; a page scan has fewer`);
      const { PNG } = await import('pngjs');
      rgba = PNG.sync.read(Buffer.from(bytes));
    }
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError('E_UNREADABLE', `not a readable image (${(error as Error).message})`);
  }
  const { width, height, data } = rgba;
  if (width * height > MAX_MEGAPIXELS * 1e6) throw new ReadError('E_TOO_LARGE', `image of ${width}×${height} pixels; a page scan has fewer`);
  if (Math.min(width, height) < MIN_SIDE) throw new ReadError('E_NOT_A_PAGE', `image of ${width}×${height} pixels: too small to be a page of a report; not read`);
  const grey = colourToInk(data, width, height, { order: 'rgba', stride: width * 4 });
  // A page photographed or scanned: its width is an A4 page's, unless that makes no sense.
  const dpi = Math.max(72, Math.min(600, Math.round(width / 8.27))) || OCR_DPI;
  return { bitmap: { width, height, data: grey }, dpi };
}
