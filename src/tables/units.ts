import { leastConfidence } from '../extract/document.js';
import type { Token } from './tokens.js';

/**
 * A run of value cells with the label pieces that came before it: what one table row looks like
 * in every shape (a tab row, a PDF grid row, a `-layout` line, values one per line under their
 * label, a run of glued digits).
 */
export interface Unit {
  /** Value and empty cells, in order. */
  values: Token[];
  /** Label pieces since the previous unit, in order; consecutive pieces of one line are joined. */
  before: Token[];
  /** From a line with cells (each line its own unit). */
  cell: boolean;
  /** Some value may hold several cells. */
  glued: boolean;
  /** Lines (by region position) the values are on. */
  seqs: Set<number>;
  line: number;
  lastLine: number;
}

/**
 * Tokens → units. The values of a line with cells are one unit; values of plain lines run on
 * across lines until a label comes (values printed one per line belong together). Blank cells
 * that pad a cell line before its label cell are dropped.
 */
export function tokensToUnits(tokens: readonly Token[]): Unit[] {
  const units: Unit[] = [];
  let labels: Token[] = [];
  let open: Unit | null = null;
  const close = () => {
    open = null;
  };
  for (const token of tokens) {
    if (token.kind === 'label') {
      const current = open as Unit | null;
      if (current && current.cell && current.values.every((v) => v.kind === 'empty') && current.seqs.has(token.seq)) {
        // Leading blank cells of a row: not values.
        units.pop();
        labels = current.before;
      }
      close();
      const prev = labels[labels.length - 1];
      if (prev && !prev.cell && !token.cell && prev.seq === token.seq) labels[labels.length - 1] = { ...prev, text: prev.text + token.text };
      else labels.push(token);
      continue;
    }
    const current = open as Unit | null;
    const joins = current !== null && (token.cell ? current.cell && current.seqs.has(token.seq) : !current.cell);
    if (current && joins) {
      current.values.push(token);
      current.glued ||= token.glued;
      current.seqs.add(token.seq);
      current.lastLine = token.line;
      continue;
    }
    const unit: Unit = {
      values: [token],
      before: labels,
      cell: token.cell,
      glued: token.glued,
      seqs: new Set([token.seq]),
      line: token.line,
      lastLine: token.line,
    };
    units.push(unit);
    open = unit;
    labels = [];
  }
  const last = units[units.length - 1];
  if (last && last.cell && last.values.every((v) => v.kind === 'empty') && labels.length > 0 && last.seqs.has(labels[0]!.seq)) units.pop();
  return units;
}

/** Value cells of a unit, with the blank cells that pad it on either side dropped to fit `n`. */
export function unitCells(unit: Unit, n: number): Token[] | null {
  const v = [...unit.values];
  while (v.length > n && v[v.length - 1]!.text === '') v.pop();
  while (v.length > n && v[0]!.text === '') v.shift();
  return v.length === n ? v : null;
}

/** The least OCR confidence of a glued unit's values (undefined: not read by OCR). */
export function unitConfidence(unit: Unit): number | undefined {
  return leastConfidence(unit.values.map((t) => t.confidence));
}

/** Why a unit cannot fill `n` columns, in the words the old row reader used. */
export function misfit(unit: Unit, n: number): string {
  const found = unit.values.filter(isValueToken).length;
  return found > n || unit.values.length > n
    ? `found ${found} values for ${n} columns`
    : `found ${found} value${found === 1 ? '' : 's'} for ${n} columns; cannot tell which column is missing`;
}

/** A glued unit's chunks: values separated by white space never share a cell. */
export function unitChunks(unit: Unit): string[] {
  return unit.values.filter(isValueToken).map(tokenText);
}

/**
 * In run-together text (some value of the table ran into its label) a row short of cells had
 * its digits run together too, whatever white space the page left between some of them.
 */
export function gluedShort(units: readonly Unit[]): (unit: Unit, n: number) => boolean {
  const runTogether = units.some((u) => u.glued && !u.cell);
  return runTogether ? gluedOrShort : isGlued;
}

const isGlued = (unit: Unit) => unit.glued;
/** In run-together text a row of fewer values than cells had digits run together. */
function gluedOrShort(unit: Unit, n: number): boolean {
  if (unit.glued) return true;
  if (unit.cell || unit.values.length >= n) return false;
  for (const v of unit.values) if (v.kind !== 'value') return false;
  return true;
}

/** Module-level callbacks: V8 drops the optimised code of callbacks made per call at each full GC. */
export const isValueToken = (t: Token) => t.kind === 'value';
export const hasValue = (u: Unit) => u.values.some(isValueToken);
const tokenText = (t: Token) => t.text;
