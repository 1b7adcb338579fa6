/**
 * Reading a table cell as a number. Cells come as `34`, `增34`, `减3`, `+43`, `-1`, `1,234`,
 * `１２３`, `1001.115万元`, `84933.6787（万元）`, `251000元`, or as placeholders (`-`, `/`, `—`,
 * `无`, empty) that stand for "not given". Money is returned in 万元.
 */
export type CellReading =
  | { kind: 'number'; value: number }
  | { kind: 'empty'; value: null }
  | { kind: 'placeholder'; value: null }
  | { kind: 'unreadable'; value: null };

const PLACEHOLDERS = new Set(['-', '--', '---', '/', '／', '\\', '—', '——', '–', '－', '─', '无', '空', 'x', 'X', '×', '*']);

const FULLWIDTH = /[\uFF01-\uFF5E]/g;
const NUMBER = /^(增|减|[+\-])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万元|元)?$/;

const PLAIN = /^\d{1,15}$/;
/** A character no value, unit or placeholder uses: the cell is text (a label), whatever else it holds. */
const OUTSIDE = /[^\x00-\x7F\uFF01-\uFF5E\u3000\u00A0增减万元无空—–─×]/;

export function readCell(raw: string): CellReading {
  if (PLAIN.test(raw)) return { kind: 'number', value: Number(raw) };
  if (OUTSIDE.test(raw)) return { kind: 'unreadable', value: null };
  const text = toAscii(raw).replace(/\s+/g, '');
  if (text === '') return { kind: 'empty', value: null };
  if (PLACEHOLDERS.has(text)) return { kind: 'placeholder', value: null };
  const m = NUMBER.exec(text.replace(/[(（]万元[)）]$/, '万元').replace(/[−]/g, '-'));
  if (!m) return { kind: 'unreadable', value: null };
  const [, sign, int, frac = '', unit] = m;
  let value = Number(int!.replace(/,/g, '') + frac);
  if (unit === '元') value = shiftDecimal(int!.replace(/,/g, '') + frac, -4);
  if (sign === '减' || sign === '-') value = -value;
  return { kind: 'number', value: value === 0 ? 0 : value };
}

/** True when the text can stand in a value cell (a number, a placeholder or nothing). */
export function isValueText(raw: string): boolean {
  return readCell(raw).kind !== 'unreadable';
}

function toAscii(s: string): string {
  return s
    .replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** `251000元` → 25.1 (万元) without binary floating-point noise. */
function shiftDecimal(digits: string, places: number): number {
  return Number(`${digits}e${places}`);
}

/** What OCR puts for ink in a table cell that it could not read at all: never a value, never a blank. */
export const UNREAD = '?';
