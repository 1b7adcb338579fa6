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
  let texts = chunks.map(toAscii);
  const readings: string[][] = [];
  let truncated = false;
  const cells: string[] = [];
  const values: number[] = [];
  // sums[k]: the cells before cell k added up, left to right (what the parts of a 总计 make so far).
  const sums: number[] = [0];
  const usable = totals.filter((t) => [t.total, ...t.parts].every((i) => kinds[i] === 'count') && t.parts.every((p) => p < t.total));
  const lastCell = kinds.length - 1;
  // A row's 总计 is the tail of its digits and bounds every part: cut it first (see below).
  const tail = usable.find((t) => t.total === lastCell && t.parts.length === lastCell);
  const others = usable.filter((t) => t !== tail);
  // Per cell, the totals that constrain its length: as a part still to be summed, as the total, as a part of the last cell.
  const asPart = kinds.map((_, k) =>
    others.filter((t) => t.parts.includes(k) && t.total > k).map((t) => ({ t, partsLeft: t.parts.filter((p) => p > k).length, cellsAfter: lastCell - t.total })),
  );
  const asTotal = kinds.map((_, k) => others.filter((t) => t.total === k));
  const asLastPart = kinds.map((_, k) => others.filter((t) => t.total !== k && t.total === lastCell && t.parts.includes(k)));
  const partsSum = (t: RunTotal, below: number) => {
    let sum = 0;
    for (const p of t.parts) if (p < below) sum += values[p]!;
    return sum;
  };
  function fitsTotals(k: number, chunk: number, offset: number, n: number, value: number, after: number): boolean {
    const text = texts[chunk]!;
    const restLength = text.length - offset;
    for (const { t, partsLeft, cellsAfter } of asPart[k]!) {
      // What is left must hold the parts still to come, a total at least as long as their
      // sum so far, and one digit for each cell after that total.
      if (after + later[chunk]! < partsLeft + digitCount(partsSum(t, k) + value) + cellsAfter) return false;
    }
    for (const t of asTotal[k]!) {
      // A total is forced once its parts are cut.
      const forced = String(partsSum(t, Infinity));
      if (n !== forced.length || !text.startsWith(forced, offset)) return false;
    }
    if (chunk === texts.length - 1) {
      for (const t of asLastPart[k]!) {
        // The last cell is what remains of the text: no part can exceed the largest it can be.
        if (n > restLength - (lastCell - k)) return false;
        const largest = Number(text.slice(offset + n + (lastCell - k - 1)));
        if (!(partsSum(t, k) + value <= largest)) return false;
      }
    }
    return true;
  }
  // A state the cutting reached before without finding any reading finds none again: what can
  // follow a cell depends only on where it ends, the sum so far under a bound, and the sums of
  // totals still open. Remembering such dead ends turns the search from exponential in the
  // cells into a walk over states (a 表四 row of 21 digits in 15 cells: 4,551 steps → 805).
  const openAt = kinds.map((_, k) => others.filter((t) => t.total >= k && t.parts.some((p) => p < k)));
  let dead = new Set<number | string>();
  // A number where it fits (most states: no sum, or one small one), a string otherwise.
  const stateOf = (chunk: number, offset: number, k: number): number | string => {
    const open = openAt[k]!;
    const bounded = bound !== Infinity;
    const extras = open.length + (bounded ? 1 : 0);
    if (chunk < 1024 && offset < 4096 && k < 64) {
      const base = (chunk * 4096 + offset) * 64 + k;
      if (extras === 0) return base;
      const e = bounded ? sums[k]! : partsSum(open[0]!, k);
      if (extras === 1 && Number.isInteger(e) && e >= 0 && e < 2 ** 20) return base * 2 ** 20 + e;
    }
    const extra = open.map((t) => partsSum(t, k));
    if (bounded) extra.unshift(sums[k]!);
    return `${chunk}:${offset}:${k}:${extra.join(':')}`;
  };
  let bound = Infinity;
  // later[c]: how many digits the chunks after chunk c hold.
  let later: number[] = [];
  const setTexts = (next: string[]) => {
    texts = next;
    later = new Array<number>(texts.length).fill(0);
    for (let c = texts.length - 2; c >= 0; c--) later[c] = later[c + 1]! + texts[c + 1]!.length;
  };
  setTexts(texts);
  /** 1: cut a cell of length n here; 0: not this length; −1: no longer one either (a count only grows). */
  const admit = (chunk: number, offset: number, k: number, n: number, value: number): number => {
    const after = texts[chunk]!.length - offset - n;
    if (bound !== Infinity && k < lastCell) {
      // Parts sum to the total: none may pass it, and those left must still be able to reach it.
      const need = bound - sums[k]! - value;
      if (need < 0) return -1;
      if (chunk === texts.length - 2) {
        const left = lastCell - 1 - k;
        if (left === 0) {
          if (need !== 0 || after !== 0) return 0;
        } else {
          if (after < left) return -1;
          if (!sumCanBe(need, after, left)) return 0;
        }
      }
    }
    return fitsTotals(k, chunk, offset, n, value, after) ? 1 : 0;
  };
  const descend = (chunk: number, offset: number, n: number, value: number) => {
    cells.push(texts[chunk]!.slice(offset, offset + n));
    values.push(value);
    sums.push(sums[sums.length - 1]! + value);
    walk(chunk, offset + n);
    cells.pop();
    values.pop();
    sums.pop();
  };
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
    const kind = kinds[k]!;
    const state = stateOf(chunk, offset, k);
    if (dead.has(state)) return;
    const found = readings.length;
    if (kind === 'count') {
      // Each longer cell adds a digit: its value is built as it grows, exact to 15 digits.
      const first = text.charCodeAt(offset);
      const longest = first === 48 ? 1 : first > 48 && first <= 57 ? digitsFrom(text, offset) : 0;
      let value = 0;
      for (let n = 1; n <= longest; n++) {
        value = n <= 15 ? value * 10 + (text.charCodeAt(offset + n - 1) - 48) : Number(text.slice(offset, offset + n));
        const verdict = admit(chunk, offset, k, n, value);
        if (verdict < 0) break;
        if (verdict > 0) descend(chunk, offset, n, value);
      }
    } else {
      for (const n of cellLengths(text, offset, kind)) if (admit(chunk, offset, k, n, Number.NaN) > 0) descend(chunk, offset, n, Number.NaN);
    }
    if (!truncated && readings.length === found) dead.add(state);
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
    if (!WHOLE_COUNT.test(total)) continue;
    const head = n === last.length ? all.slice(0, -1) : [...all.slice(0, -1), last.slice(0, last.length - n)];
    if (head.length === 0 && lastCell > 0) continue;
    bound = Number(total);
    // The parts' digits bound the total both ways (the same limits the cutting applies cell by cell).
    if (lastCell > 0 && !sumCanBe(bound, head.reduce((d, h) => d + h.length, 0), lastCell)) continue;
    setTexts([...head, total]);
    dead = new Set();
    const before = readings.length;
    walk(0, 0);
    // Keep the cuttings whose last cell is this total and whose parts make it.
    const found = readings.splice(before).filter((r) => r[lastCell] === total && r.slice(0, -1).reduce((a, c) => a + Number(c), 0) === bound);
    readings.push(...found);
  }
  return { readings, truncated };
}

const WHOLE_COUNT = /^(?:0|[1-9]\d*)$/;

/** Whether `cells` counts cut from `digits` digits (at least one each) can add up to `sum`. */
function sumCanBe(sum: number, digits: number, cells: number): boolean {
  // The most: one cell as long as it can be, the others one digit.
  if (sum > 10 ** (digits - cells + 1) - 1 + 9 * (cells - 1)) return false;
  // The least: one cell holds at least its share of the digits, and a cell of d > 1 digits is at least 10^(d−1).
  const longest = Math.ceil(digits / cells);
  return longest <= 1 || sum >= 10 ** (longest - 1);
}

/** How long a sum of counts is written: String(x).length without making the string. */
function digitCount(x: number): number {
  if (!(x >= 0 && x < 1e15) || !Number.isInteger(x)) return String(x).length;
  let n = 1;
  for (let bound = 10; x >= bound; bound *= 10) n++;
  return n;
}
const SIGNS = new Set(['+', '-', '增', '减']);

/** Digits in a row from `at`. */
function digitsFrom(text: string, at: number): number {
  let n = 0;
  for (let c = text.charCodeAt(at); c >= 48 && c <= 57; c = text.charCodeAt(at + ++n));
  return n;
}

/**
 * The lengths of every cell of this kind that `text` can start with at `offset`, shortest
 * first: a count is a lone 0 or digits without a leading 0, a delta may lead with its sign.
 */
function cellLengths(text: string, offset: number, kind: CellKind): number[] {
  if (kind === 'money') return prefixLengths(text.slice(offset), kind);
  const sign = kind === 'signed' && SIGNS.has(text[offset]!) ? 1 : 0;
  const first = text.charCodeAt(offset + sign);
  if (first === 48) return [sign + 1];
  if (first < 49 || first > 57) return [];
  const digits = digitsFrom(text, offset + sign);
  const out = new Array<number>(digits);
  for (let n = 1; n <= digits; n++) out[n - 1] = sign + n;
  return out;
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
