import type { Line } from '../extract/document.js';
import { normalizeChars } from '../text/index.js';

export { CJK_CHAR, compact, joinWrapped, normalizeChars, tidyCjkSpacing, isValueText, readCell, type CellReading } from '../text/index.js';

/** Page numbers as printed in page footers: `-3-`, `— 3 —`, `第 3 页`, `3/5`. */
const PAGE_NUMBER = /^\s*(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

/**
 * Normalise characters of every line and cell, and drop page-number lines, which land inside
 * tables and prose when a PDF is flattened. Line numbers are kept, so diagnostics still point
 * at the source.
 */
export function normalizeLines(lines: readonly Line[]): Line[] {
  return lines.filter((line) => line.cells || !PAGE_NUMBER.test(line.text)).map((line) => {
    const out: Line = { ...line, text: normalizeChars(line.text) };
    if (line.cells) out.cells = line.cells.map(normalizeChars);
    return out;
  });
}
