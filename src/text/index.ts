// Text primitives every stage shares (readers included): characters, spacing, cell values.
export { CJK_CHAR, compact, joinWrapped, normalizeChars, tidyCjkSpacing } from './chars.js';
export { isValueText, readCell, UNREAD, type CellReading } from './values.js';
