import { ReadError, type SourceDocument } from './document.js';
import { checkOle2 } from './ole2.js';
import { textToLines } from './text.js';

/**
 * Word 97–2003 (.doc, and WPS Office's .wps, which is the same format) through word-extractor:
 * the body text, table cells ended by tabs. The compound file is checked first (ole2.ts), so a
 * damaged one is a clear failure rather than a parser walking a looping chain.
 */
export async function docToDocument(path: string, bytes: Uint8Array, sha256: string): Promise<SourceDocument> {
  const ole = checkOle2(bytes);
  if (!ole.names.includes('WordDocument')) {
    throw new ReadError('E_UNSUPPORTED', 'an Office 97–2003 file that is not a Word document (an .xls or .ppt, or a Works .wps); save the report as .docx or PDF');
  }
  // The FIB (File Information Block) opens the WordDocument stream: its magic, and fEncrypted.
  const fib = ole.head('WordDocument', 12);
  if (fib && fib.length >= 12) {
    const flags = fib[10]! | (fib[11]! << 8);
    if (flags & 0x0100) throw new ReadError('E_ENCRYPTED', 'password-protected Word document; open it and save it without a password');
  }
  let body: string;
  try {
    const { default: WordExtractor } = await import('word-extractor');
    body = (await new WordExtractor().extract(Buffer.from(bytes))).getBody();
  } catch (error) {
    throw new ReadError('E_DOC', `not a readable Word 97–2003 document (${(error as Error).message})`);
  }
  return { path, format: 'doc', sha256, encoding: null, pages: null, lines: textToLines(wordTextToText(body)).lines };
}

/**
 * Word marks the end of a cell and of a table row alike (both come out as a tab), and the
 * paragraph after a table follows the last row's mark with no line break: that paragraph (no
 * tab after it) goes on a line of its own, or a heading after a table is lost in the table.
 */
export function wordTextToText(body: string): string {
  return body.replace(/^(.*\t)\t([^\t\n]+)$/gm, '$1\n$2');
}
