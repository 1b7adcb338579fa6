import { bytesToText } from '../decode.js';

const META = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;
/** Labels government sites declare, mapped to what TextDecoder reads (GB18030 covers GB2312 and GBK). */
const ALIASES: Record<string, string> = { gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', gb18030: 'gb18030', 'utf-8': 'utf-8', utf8: 'utf-8', big5: 'big5' };

/**
 * Decode a web page: a byte-order mark wins, then the `<meta charset>` it declares (checked:
 * pages declare UTF-8 and are GBK often enough), then detection as for text.
 */
export function htmlBytesToText(bytes: Uint8Array): { text: string; encoding: string } {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const declared = ALIASES[META.exec(head)?.[1]?.toLowerCase() ?? ''];
  const bom = bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe;
  if (declared && !bom) {
    try {
      return { text: new TextDecoder(declared, { fatal: true }).decode(bytes), encoding: declared };
    } catch {
      // The declaration is wrong; detect instead.
    }
  }
  return bytesToText(bytes);
}
