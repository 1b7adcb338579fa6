import { isUtf8 } from 'node:buffer';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { ReadError, type SourceDocument } from './document.js';
import { htmlToLines } from './html/index.js';
import { thinWordProperties } from './word-properties.js';
import { checkZip } from './zip-guard.js';

/** Parts smaller than this are read as they are: thinning them saves less than repacking costs. */
const THIN_OVER_BYTES = 32 * 1024;

/**
 * Word documents through mammoth's HTML (paragraphs, tables with merged cells as colspan and
 * rowspan), then the HTML reader: one table model for every format.
 */
export async function docxToDocument(path: string, bytes: Uint8Array, sha256: string): Promise<SourceDocument> {
  checkZip(bytes);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: await thinDocx(bytes) })).value;
  } catch (error) {
    throw new ReadError('E_DOCX', `not a readable Word document (${(error as Error).message})`);
  }
  return { path, format: 'docx', sha256, encoding: null, pages: null, lines: htmlToLines(`<html><body>${html}</body></html>`) };
}

/**
 * The same document with the cell, paragraph and run properties of each large XML part cut to
 * what mammoth reads of them (thinWordProperties): the same HTML in less time. A part that is not UTF-8, as mammoth decodes
 * it, or that the cut leaves whole, stays as it was; so does a file JSZip cannot open, for
 * mammoth to fail on with its own message.
 */
export async function thinDocx(bytes: Uint8Array): Promise<Buffer> {
  const original = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const zip = await JSZip.loadAsync(original);
    let changed = false;
    for (const entry of Object.values(zip.files)) {
      if (entry.dir || !entry.name.endsWith('.xml')) continue;
      const data = await entry.async('uint8array');
      if (data.length < THIN_OVER_BYTES || !isUtf8(data)) continue;
      const xml = new TextDecoder().decode(data);
      const thin = thinWordProperties(xml);
      if (thin === xml) continue;
      zip.file(entry.name, thin);
      changed = true;
    }
    // Repacked without compression: inflating each part once here costs about what deflating the
    // thinned ones would, and whatever the parts are (a stored image is not deflated for nothing),
    // mammoth then reads them without inflating them again.
    return changed ? await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }) : original;
  } catch {
    return original;
  }
}
