import { ReadError } from './document.js';

/** Limits on what a Word file may unpack to; real reports are a few MB. */
export const ZIP_LIMITS = { entries: 2000, totalBytes: 256 * 1024 * 1024, ratio: 200 };

/**
 * Check a ZIP (DOCX) from its central directory before anything unpacks it: too many entries,
 * a declared size or compression ratio of a zip bomb, or an entry name that climbs out of the
 * archive (`../`, absolute paths) make it a ReadError. The declared sizes can lie; the worker's
 * memory limit is the backstop.
 */
export function checkZip(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new ReadError('E_DOCX', 'not a ZIP archive (no central directory): not a readable Word document');
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count > ZIP_LIMITS.entries) throw new ReadError('E_DOCX', `ZIP holds ${count} entries; a Word document holds far fewer`);
  let total = 0;
  let compressed = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) {
      throw new ReadError('E_DOCX', 'ZIP central directory is damaged');
    }
    const packed = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extra = view.getUint16(offset + 30, true);
    const comment = view.getUint16(offset + 32, true);
    const name = Buffer.from(bytes.subarray(offset + 46, offset + 46 + nameLength)).toString('utf8');
    if (/(^|[\\/])\.\.([\\/]|$)/.test(name) || /^([\\/]|[a-zA-Z]:)/.test(name)) {
      throw new ReadError('E_DOCX', `ZIP entry "${name}" points outside the archive (path traversal)`);
    }
    total += size;
    compressed += packed;
    offset += 46 + nameLength + extra + comment;
  }
  if (total > ZIP_LIMITS.totalBytes) {
    throw new ReadError('E_DOCX', `unpacks to ${total} bytes (over ${ZIP_LIMITS.totalBytes}): a ZIP bomb, not a report`);
  }
  if (compressed > 0 && total / compressed > ZIP_LIMITS.ratio && total > 16 * 1024 * 1024) {
    throw new ReadError('E_DOCX', `compressed ${Math.round(total / compressed)}:1 to ${total} bytes: a ZIP bomb, not a report`);
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}
