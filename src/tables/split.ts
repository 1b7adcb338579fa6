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

const WHOLE: Record<CellKind, RegExp> = {
  count: /^(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)$/,
  signed: /^(?:[+\-增减])?(?:0|[1-9]\d*)$/,
  money: /^(?:0|[1-9]\d*)(?:\.\d+)?(?:万元|元|（万元）|\(万元\))?$/,
};

/**
 * Is the text exactly one cell as its kind writes it (what OCR must have seen to be believed)?
 * White space inside is not: `21 9` is two values in one cell (a row border the scan lost).
 */
export function isCleanCell(text: string, kind: CellKind): boolean {
  return WHOLE[kind].test(toAscii(text).trim());
}

/** Beyond this many readings a run is reported ambiguous without listing them all. */
export const MAX_SPLITS = 50_000;

export interface Splits {
  /** Each reading: one cell text per kind. */
  readings: string[][];
  /** True when enumeration stopped at MAX_SPLITS. */
  truncated: boolean;
}

/**
 * A total the run must satisfy, by cell index: cell `total` = the sum of cells `parts` (all
 * before it). Used to prune while cutting, so that only the readings it allows are produced.
 */
export interface RunTotal {
  parts: readonly number[];
  total: number;
}

/**
 * Every way to cut `chunks` (digit runs, white space between them already a cell boundary)
 * into exactly `kinds.length` cells, in order, that satisfies `totals`. A cell never spans two
 * chunks.
 */
export function chunksToSplits(chunks: readonly string[], kinds: readonly CellKind[], totals: readonly RunTotal[] = [], limit = MAX_SPLITS): Splits {
  const texts = chunks.map(toAscii);
  const readings: string[][] = [];
  let truncated = false;
  const cells: string[] = [];
  const values: number[] = [];
  const usable = totals.filter((t) => [t.total, ...t.parts].every((i) => kinds[i] === 'count') && t.parts.every((p) => p < t.total));
  const lastCell = kinds.length - 1;
  // A row's 总计 is the tail of its digits and bounds every part: cut it first (see below).
  const tail = usable.find((t) => t.total === lastCell && t.parts.length === lastCell);
  let bound = Infinity;
  const walk = (chunk: number, offset: number): void => {
    if (truncated) return;
    const k = cells.length;
    if (chunk === texts.length) {
      if (k === kinds.length) {
        if (readings.length >= limit) truncated = true;
        else readings.push([...cells]);
      }
      return;
    }
    const text = texts[chunk]!;
    if (offset === text.length) return walk(chunk + 1, 0);
    if (k >= kinds.length || kinds.length - k < texts.length - chunk) return;
    const rest = text.slice(offset);
    let lengths = prefixLengths(rest, kinds[k]!);
    if (bound !== Infinity && k < lastCell) {
      // Parts sum to the total: none may pass it, and those left must still be able to reach it.
      const sum = values.reduce((a, b) => a + b, 0);
      const left = lastCell - 1 - k;
      const single = chunk === texts.length - 2;
      lengths = lengths.filter((n) => {
        const need = bound - sum - Number(rest.slice(0, n));
        if (need < 0) return false;
        if (!single) return true;
        const after = rest.slice(n);
        if (left === 0) return need === 0 && after === '';
        if (after.length < left) return false;
        // The most `left` cells of these digits can sum to: one as long as it can be, the others one digit.
        return need <= 10 ** (after.length - left + 1) - 1 + 9 * (left - 1);
      });
    }
    const later = texts.slice(chunk + 1).reduce((n, t) => n + t.length, 0);
    for (const t of usable) {
      if (t === tail) continue;
      if (t.parts.includes(k) && t.total > k) {
        // What is left must hold the parts still to come, a total at least as long as their
        // sum so far, and one digit for each cell after that total.
        const before = t.parts.filter((p) => p < k).reduce((sum, p) => sum + values[p]!, 0);
        const partsLeft = t.parts.filter((p) => p > k).length;
        const after = lastCell - t.total;
        lengths = lengths.filter((n) => rest.length - n + later >= partsLeft + String(before + Number(rest.slice(0, n))).length + after);
      }
      if (t.total === k) {
        // A total is forced once its parts are cut.
        const forced = String(t.parts.reduce((sum, p) => sum + values[p]!, 0));
        lengths = lengths.filter((n) => n === forced.length && rest.startsWith(forced));
      } else if (t.total === lastCell && t.parts.includes(k) && chunk === texts.length - 1) {
        // The last cell is what remains of the text: no part can exceed the largest it can be.
        const sum = t.parts.filter((p) => p < k).reduce((s, p) => s + values[p]!, 0);
        const room = rest.length - (lastCell - k);
        lengths = lengths.filter((n) => {
          const largest = Number(rest.slice(n + (lastCell - k - 1)));
          return n <= room && sum + Number(rest.slice(0, n)) <= largest;
        });
      }
    }
    for (const length of lengths) {
      const cell = rest.slice(0, length);
      cells.push(cell);
      values.push(kinds[k] === 'count' ? Number(cell) : Number.NaN);
      walk(chunk, offset + length);
      cells.pop();
      values.pop();
    }
  };
  if (!tail) {
    walk(0, 0);
    return { readings, truncated };
  }
  // Each way the last cell can end the text, then the parts before it, none summing past it.
  const all = [...texts];
  const last = all[all.length - 1]!;
  for (let n = 1; n <= last.length && !truncated; n++) {
    const total = last.slice(last.length - n);
    if (!prefixLengths(total, 'count').includes(total.length)) continue;
    const head = n === last.length ? all.slice(0, -1) : [...all.slice(0, -1), last.slice(0, last.length - n)];
    if (head.length === 0 && lastCell > 0) continue;
    bound = Number(total);
    texts.splice(0, texts.length, ...head, total);
    const before = readings.length;
    walk(0, 0);
    // Keep the cuttings whose last cell is this total and whose parts make it.
    const found = readings.splice(before).filter((r) => r[lastCell] === total && r.slice(0, -1).reduce((a, c) => a + Number(c), 0) === bound);
    readings.push(...found);
  }
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
