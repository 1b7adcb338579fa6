/** What a column holds: counts, signed deltas (2019 本年增/减) or 万元 amounts. */
export type CellKind = 'count' | 'signed' | 'money';

const FULLWIDTH = /[\uFF01-\uFF5E]/g;
const toAscii = (s: string) => s.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[−]/g, '-');

/**
 * One cell at the start of the text, as each kind writes it: no leading zeros (a lone 0 is a
 * cell), a sign only for deltas, a decimal part and a unit only for amounts.
 */
const CELL: Record<CellKind, RegExp> = {
  count: /^(?:0|[1-9]\d*)/,
  signed: /^(?:[+\-增减])?(?:0|[1-9]\d*)/,
  money: /^(?:0|[1-9]\d*)(?:\.\d+)?(?:万元|元|（万元）|\(万元\))?/,
};

/** Beyond this many readings a run is reported ambiguous without listing them all. */
export const MAX_SPLITS = 50_000;

export interface Splits {
  /** Each reading: one cell text per kind. */
  readings: string[][];
  /** True when enumeration stopped at MAX_SPLITS. */
  truncated: boolean;
}

/**
 * Every way to cut `chunks` (digit runs, white space between them already a cell boundary)
 * into exactly `kinds.length` cells, in order. A cell never spans two chunks.
 */
export function chunksToSplits(chunks: readonly string[], kinds: readonly CellKind[]): Splits {
  const texts = chunks.map(toAscii);
  const readings: string[][] = [];
  let truncated = false;
  const cells: string[] = [];
  // Cells still needed after chunk i: at least one per remaining chunk.
  const walk = (chunk: number, offset: number): void => {
    if (truncated) return;
    const k = cells.length;
    if (chunk === texts.length) {
      if (k === kinds.length) {
        if (readings.length >= MAX_SPLITS) truncated = true;
        else readings.push([...cells]);
      }
      return;
    }
    const text = texts[chunk]!;
    if (offset === text.length) return walk(chunk + 1, 0);
    if (k >= kinds.length || kinds.length - k < texts.length - chunk) return;
    const rest = text.slice(offset);
    for (const length of prefixLengths(rest, kinds[k]!)) {
      cells.push(rest.slice(0, length));
      walk(chunk, offset + length);
      cells.pop();
    }
  };
  walk(0, 0);
  return { readings, truncated };
}

/** Lengths of every prefix of `text` that is one whole cell of this kind. */
function prefixLengths(text: string, kind: CellKind): number[] {
  const m = CELL[kind].exec(text);
  if (!m) return [];
  const longest = m[0];
  const out: number[] = [];
  // Every shorter prefix that is itself a cell (12345 → 1, 12, 123 …; never 0 followed by more).
  for (let n = 1; n <= longest.length; n++) {
    const prefix = longest.slice(0, n);
    if (CELL[kind].exec(prefix)?.[0] === prefix && !/[.+\-增减]$/.test(prefix)) out.push(n);
  }
  return out;
}
