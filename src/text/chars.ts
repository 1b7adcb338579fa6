import { RADICAL_IDEOGRAPHS } from './radicals.js';

/**
 * Character clean-up for text from PDF fonts and Word exports. Radicals (CJK Radicals
 * Supplement U+2E80–2EFF, Kangxi Radicals U+2F00–2FDF) become the ideographs Unicode names as
 * their equivalents (radicals.ts, generated from its data); NFKC is applied only to the CJK
 * compatibility ideographs (U+F900–FAFF, U+2F800–2FA1F): a blanket NFKC would also turn
 * （２０２３年） into (2023年) and ① into 1.
 */
const COMPATIBILITY = /[\uF900-\uFAFF]|[\u{2F800}-\u{2FA1F}]/gu;
const RADICALS = /[\u2E80-\u2FDF]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F]/g;
/** Debris of Word → text converters, e.g. `[bookmark: _GoBack]`. */
const CONVERTER_DEBRIS = /\[bookmark: [^\]]*\]/g;

/** Anything normalizeChars would change; most lines have none of it. */
const ANY = /[\u00A0\u00AD\u2000-\u200D\u202F\u205F\u2060\u2E80-\u2FDF\uF900-\uFAFF\uFEFF[]|[\u{2F800}-\u{2FA1F}]/u;

export function normalizeChars(s: string): string {
  if (!ANY.test(s)) return s;
  return s
    .replace(CONVERTER_DEBRIS, '')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ')
    .replace(COMPATIBILITY, (c) => c.normalize('NFKC'))
    .replace(RADICALS, (c) => RADICAL_IDEOGRAPHS.get(c) ?? c);
}

/** Remove all white space (incl. U+3000): extraction puts spaces inside labels (`本 年 度`). */
export function compact(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

const CJK = '\\u3000-\\u303F\\u3400-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF';
/** One CJK character (with the look-alike ranges PDF fonts emit, which normalisation maps later). */
export const CJK_CHAR = new RegExp(`[${CJK}\\u2E80-\\u2FDF]`);
const SPACE_NEXT_TO_CJK = new RegExp(`(?<=[${CJK}])[ \\t]+|[ \\t]+(?=[${CJK}])`, 'g');

/** Join the pieces of wrapped text (lines of a cell): no space where CJK meets, one elsewhere. */
export function joinWrapped(parts: readonly string[]): string {
  return parts.reduce((acc, p) => (acc === '' ? p : CJK_CHAR.test(acc.slice(-1)) || CJK_CHAR.test(p[0] ?? '') ? acc + p : `${acc} ${p}`), '');
}

/** Tidy a heading or title: drop the spaces extraction puts between CJK characters and digits. */
export function tidyCjkSpacing(s: string): string {
  return s.replace(SPACE_NEXT_TO_CJK, '').replace(/\s+/g, ' ').trim();
}
