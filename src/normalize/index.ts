import type { Line } from '../extract/document.js';
import { normalizeChars } from './chars.js';

export { compact, normalizeChars, tidyCjkSpacing } from './chars.js';
export { isValueText, readCell, type CellReading } from './values.js';

/** Normalise characters of every line and cell; line numbers and structure are kept. */
export function normalizeLines(lines: readonly Line[]): Line[] {
  return lines.map((line) => {
    const out: Line = { ...line, text: normalizeChars(line.text) };
    if (line.cells) out.cells = line.cells.map(normalizeChars);
    return out;
  });
}
