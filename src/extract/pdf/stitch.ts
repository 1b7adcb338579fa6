import { leastConfidence, type Line } from '../document.js';
import { isValueText } from '../../text/index.js';

const hasNumber = (l: Line) => (l.cells ?? []).some((c) => c.trim() !== '' && isValueText(c));
const sameRow = (a: Line, b: Line) => a.text.replace(/\s+/g, '') === b.text.replace(/\s+/g, '');

/**
 * Join the rows of a table that continues on the next page to the rows before the break:
 * drop header rows the continuation repeats, and rejoin a row the break cut in two (one half
 * holds the values, the other only label text, in the same columns).
 */
export function stitchRows(before: Line[], after: Line[]): { rows: Line[]; repeatedHeader: number; rejoined: boolean } {
  let k = 0;
  while (k < after.length && k < before.length && !hasNumber(after[k]!) && sameRow(before[k]!, after[k]!)) k++;
  const rest = after.slice(k);
  const last = before[before.length - 1];
  const first = rest[0];
  if (last && first && last.cells && first.cells && last.cells.length === first.cells.length && hasNumber(last) !== hasNumber(first)) {
    const cells = last.cells.map((c, i) => c + (first.cells![i] ?? ''));
    const merged: Line = { ...last, cells, text: cells.join('\t') };
    // A rejoined cell is as sure as the less sure of its halves.
    if (last.ocr || first.ocr) {
      const conf = cells.map((_, i) => leastConfidence([last.ocr?.cells?.[i], first.ocr?.cells?.[i]]));
      merged.ocr = { confidence: leastConfidence([last.ocr?.confidence, first.ocr?.confidence])!, cells: conf };
    }
    return { rows: [...before.slice(0, -1), merged, ...rest.slice(1)], repeatedHeader: k, rejoined: true };
  }
  return { rows: [...before, ...rest], repeatedHeader: k, rejoined: false };
}
