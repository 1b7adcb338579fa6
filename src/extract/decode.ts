import { isUtf8 } from 'node:buffer';
import { ReadError } from './document.js';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

const decoders = new Map<string, TextDecoder>();
/** Strict decoders, made once: constructing one costs more than decoding a report (measured). */
function decoder(label: string): TextDecoder {
  let d = decoders.get(label);
  if (!d) decoders.set(label, (d = new TextDecoder(label, { fatal: true, ignoreBOM: true })));
  return d;
}

/**
 * Decode report text without trusting the file to say what it is: BOMs first, then strict
 * UTF-8, then GB18030 (a superset of GBK and GB2312). Random bytes almost never pass strict
 * UTF-8, so a GBK file is not misread as UTF-8.
 */
export function bytesToText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeOrThrow('utf-8', bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeOrThrow('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeOrThrow('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  }
  if (looksBinary(bytes)) {
    throw new ReadError('E_BINARY', 'file is binary (NUL bytes), not a text report');
  }
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), encoding: 'utf-8' };
  try {
    return { text: decoder('gb18030').decode(bytes), encoding: 'gb18030' };
  } catch {
    throw new ReadError('E_ENCODING', 'text is neither UTF-8 nor GB18030/GBK; re-save it as UTF-8');
  }
}

function decodeOrThrow(label: string, bytes: Uint8Array): string {
  try {
    return decoder(label).decode(bytes);
  } catch {
    throw new ReadError('E_ENCODING', `text starts with a ${label} byte-order mark but is not valid ${label}`);
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
