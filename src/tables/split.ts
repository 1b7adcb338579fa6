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

/** A total's place among the cells: as a part still to be summed (how many parts follow, how many cells after its total). */
interface PartOf {
  /** The total's place in `running`. */
  i: number;
  partsLeft: number;
  cellsAfter: number;
}

/**
 * Every way to cut `chunks` (digit runs, white space between them already a cell boundary)
 * into exactly `kinds.length` cells, in order, that satisfies `totals`. A cell never spans two
 * chunks.
 */
export function chunksToSplits(chunks: readonly string[], kinds: readonly CellKind[], totals: readonly RunTotal[] = [], limit = MAX_SPLITS): Splits {
  return new Cutter(chunks.map(toAscii), kinds, totals, limit).cut();
}

/**
 * The cutting's state and steps. Methods, not closures made per call: V8 drops the optimised
 * code of closures no longer alive at each full GC, and a batch recompiled these ~35 times per
 * worker (10,000 text reports: 11 s of TurboFan compiling of which most was such recompiles).
 */
class Cutter {
  private texts: string[];
  private readonly readings: string[][] = [];
  private truncated = false;
  private readonly cells: string[] = [];
  /** sums[k]: the cells before cell k added up, left to right (what the parts of a 总计 make so far). */
  private readonly sums: number[] = [0];
  private readonly lastCell: number;
  /** A row's 总计 is the tail of its digits and bounds every part: cut it first (see `cut`). */
  private readonly tail: RunTotal | undefined;
  /** Per cell, the totals that constrain its length: as a part still to be summed, as the total, as a part of the last cell. */
  private readonly asPart: PartOf[][] = [];
  private readonly asTotal: number[][] = [];
  private readonly asLastPart: number[][] = [];
  /** Per cell, the totals whose sums are still open there (part of a dead-end state). */
  private readonly openAt: number[][] = [];
  /** Per cell, the totals it is a part of; and each total's parts cut so far, added up as they are cut. */
  private readonly partIn: number[][] = [];
  private readonly running: number[];
  /** The sums `descend` changed, to put back. */
  private readonly saved: number[] = [];
  /**
   * A state the cutting reached before without finding any reading finds none again: what can
   * follow a cell depends only on where it ends, the sum so far under a bound, and the sums of
   * totals still open. Remembering such dead ends turns the search from exponential in the
   * cells into a walk over states (a 表四 row of 21 digits in 15 cells: 4,551 steps → 805).
   */
  private dead = new Set<number | string>();
  private bound = Infinity;
  /** later[c]: how many digits the chunks after chunk c hold. */
  private later: number[] = [];
  /** How stateOf packs a state: offsets within a chunk, cells, states without a sum, and sums below this fit. */
  private offsets = 1;
  private readonly cellSlots: number;
  private stateSlots = 1;
  private sumSlots = 0;

  constructor(
    texts: string[],
    private readonly kinds: readonly CellKind[],
    totals: readonly RunTotal[],
    private readonly limit: number,
  ) {
    this.texts = texts;
    const lastCell = kinds.length - 1;
    this.lastCell = lastCell;
    this.cellSlots = kinds.length + 1;
    const usable = totals.filter((t) => kinds[t.total] === 'count' && t.parts.every((p) => kinds[p] === 'count' && p < t.total));
    this.tail = usable.find((t) => t.total === lastCell && t.parts.length === lastCell);
    const others = usable.filter((t) => t !== this.tail);
    this.running = others.map(() => 0);
    for (let k = 0; k < kinds.length; k++) {
      const asPart: PartOf[] = [];
      const asTotal: number[] = [];
      const asLastPart: number[] = [];
      const openAt: number[] = [];
      const partIn: number[] = [];
      others.forEach((t, i) => {
        const isPart = t.parts.includes(k);
        if (isPart) partIn.push(i);
        if (isPart && t.total > k) asPart.push({ i, partsLeft: t.parts.filter((p) => p > k).length, cellsAfter: lastCell - t.total });
        if (t.total === k) asTotal.push(i);
        if (t.total !== k && t.total === lastCell && isPart) asLastPart.push(i);
        if (t.total >= k && t.parts.some((p) => p < k)) openAt.push(i);
      });
      this.asPart.push(asPart);
      this.asTotal.push(asTotal);
      this.asLastPart.push(asLastPart);
      this.openAt.push(openAt);
      this.partIn.push(partIn);
    }
    this.setTexts(texts);
  }

  cut(): Splits {
    const { readings, tail, lastCell } = this;
    if (!tail) {
      this.walk(0, 0);
      return { readings, truncated: this.truncated };
    }
    // Each way the last cell can end the text, then the parts before it, none summing past it.
    const all = [...this.texts];
    const last = all[all.length - 1]!;
    for (let n = 1; n <= last.length && !this.truncated; n++) {
      const total = last.slice(last.length - n);
      if (!WHOLE_COUNT.test(total)) continue;
      const head = n === last.length ? all.slice(0, -1) : [...all.slice(0, -1), last.slice(0, last.length - n)];
      if (head.length === 0 && lastCell > 0) continue;
      const bound = Number(total);
      // The parts' digits bound the total both ways (the same limits the cutting applies cell by cell).
      if (lastCell > 0 && !sumCanBe(bound, head.reduce((d, h) => d + h.length, 0), lastCell)) continue;
      this.bound = bound;
      this.setTexts([...head, total]);
      this.dead = new Set();
      const before = readings.length;
      this.walk(0, 0);
      // Keep the cuttings whose last cell is this total and whose parts make it.
      const found = readings.splice(before).filter((r) => r[lastCell] === total && r.slice(0, -1).reduce((a, c) => a + Number(c), 0) === bound);
      readings.push(...found);
    }
    return { readings, truncated: this.truncated };
  }

  private setTexts(next: string[]): void {
    this.texts = next;
    const later = new Array<number>(next.length).fill(0);
    for (let c = next.length - 2; c >= 0; c--) later[c] = later[c + 1]! + next[c + 1]!.length;
    this.later = later;
    let longest = 0;
    for (const t of next) longest = Math.max(longest, t.length);
    this.offsets = longest + 1;
    this.stateSlots = (next.length + 1) * this.offsets * this.cellSlots;
    this.sumSlots = Math.floor(SMALL_INTEGERS / this.stateSlots);
  }

  private fitsTotals(k: number, chunk: number, offset: number, n: number, value: number, after: number): boolean {
    const text = this.texts[chunk]!;
    const restLength = text.length - offset;
    const lastCell = this.lastCell;
    const running = this.running;
    for (const { i, partsLeft, cellsAfter } of this.asPart[k]!) {
      // What is left must hold the parts still to come, a total at least as long as their
      // sum so far, and one digit for each cell after that total.
      if (after + this.later[chunk]! < partsLeft + digitCount(running[i]! + value) + cellsAfter) return false;
    }
    for (const i of this.asTotal[k]!) {
      // A total is forced once its parts are cut (all of them come before it).
      const forced = String(running[i]!);
      if (n !== forced.length || !text.startsWith(forced, offset)) return false;
    }
    if (chunk === this.texts.length - 1) {
      for (const i of this.asLastPart[k]!) {
        // The last cell is what remains of the text: no part can exceed the largest it can be.
        if (n > restLength - (lastCell - k)) return false;
        const largest = Number(text.slice(offset + n + (lastCell - k - 1)));
        if (!(running[i]! + value <= largest)) return false;
      }
    }
    return true;
  }

  /**
   * A small integer where it fits (most states: no sum, or one small one), a string otherwise.
   * Packed into as many bits as this text needs, so that a state with its sum stays within V8's
   * small integers: a larger number is a heap object to allocate and hash at every step.
   */
  private stateOf(chunk: number, offset: number, k: number): number | string {
    const open = this.openAt[k]!;
    const bounded = this.bound !== Infinity;
    const extras = open.length + (bounded ? 1 : 0);
    const base = (chunk * this.offsets + offset) * this.cellSlots + k;
    if (extras === 0) return base;
    if (extras === 1) {
      const e = bounded ? this.sums[k]! : this.running[open[0]!]!;
      if (Number.isInteger(e) && e >= 0 && e < this.sumSlots) return e * this.stateSlots + base;
    }
    const extra = open.map((i) => this.running[i]!);
    if (bounded) extra.unshift(this.sums[k]!);
    return `${chunk}:${offset}:${k}:${extra.join(':')}`;
  }

  /** 1: cut a cell of length n here; 0: not this length; −1: no longer one either (a count only grows). */
  private admit(chunk: number, offset: number, k: number, n: number, value: number): number {
    const texts = this.texts;
    const after = texts[chunk]!.length - offset - n;
    const lastCell = this.lastCell;
    if (this.bound !== Infinity && k < lastCell) {
      // Parts sum to the total: none may pass it, and those left must still be able to reach it.
      const need = this.bound - this.sums[k]! - value;
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
    return this.fitsTotals(k, chunk, offset, n, value, after) ? 1 : 0;
  }

  private descend(chunk: number, offset: number, n: number, value: number): void {
    const { cells, sums, running, saved } = this;
    // Put back as they were, not by subtracting: counts past 2^53 do not subtract back exactly.
    const partIn = this.partIn[cells.length]!;
    for (const i of partIn) {
      saved.push(running[i]!);
      running[i] = running[i]! + value;
    }
    cells.push(this.texts[chunk]!.slice(offset, offset + n));
    sums.push(sums[sums.length - 1]! + value);
    this.walk(chunk, offset + n);
    cells.pop();
    sums.pop();
    for (let j = partIn.length - 1; j >= 0; j--) running[partIn[j]!] = saved.pop()!;
  }

  private walk(chunk: number, offset: number): void {
    if (this.truncated) return;
    const { texts, kinds, readings } = this;
    const k = this.cells.length;
    if (chunk === texts.length) {
      if (k === kinds.length) {
        if (readings.length >= this.limit) this.truncated = true;
        else readings.push([...this.cells]);
      }
      return;
    }
    const text = texts[chunk]!;
    if (offset === text.length) return this.walk(chunk + 1, 0);
    if (k >= kinds.length || kinds.length - k < texts.length - chunk) return;
    const kind = kinds[k]!;
    const state = this.stateOf(chunk, offset, k);
    if (this.dead.has(state)) return;
    const found = readings.length;
    if (kind === 'count') {
      // Each longer cell adds a digit: its value is built as it grows, exact to 15 digits.
      const first = text.charCodeAt(offset);
      const longest = first === 48 ? 1 : first > 48 && first <= 57 ? digitsFrom(text, offset) : 0;
      let value = 0;
      for (let n = 1; n <= longest; n++) {
        value = n <= 15 ? value * 10 + (text.charCodeAt(offset + n - 1) - 48) : Number(text.slice(offset, offset + n));
        const verdict = this.admit(chunk, offset, k, n, value);
        if (verdict < 0) break;
        if (verdict > 0) this.descend(chunk, offset, n, value);
      }
    } else {
      for (const n of cellLengths(text, offset, kind)) if (this.admit(chunk, offset, k, n, Number.NaN) > 0) this.descend(chunk, offset, n, Number.NaN);
    }
    if (!this.truncated && readings.length === found) this.dead.add(state);
  }
}

const WHOLE_COUNT = /^(?:0|[1-9]\d*)$/;
/** Below this an integer is one of V8's unboxed small integers, 31 bits where pointers are compressed and 32 where not (Node's builds). */
const SMALL_INTEGERS = 2 ** 30;

/** Whether `cells` counts cut from `digits` digits (at least one each) can add up to `sum`. */
function sumCanBe(sum: number, digits: number, cells: number): boolean {
  // The most: one cell as long as it can be, the others one digit.
  if (sum > pow10(digits - cells + 1) - 1 + 9 * (cells - 1)) return false;
  // The least: one cell holds at least its share of the digits, and a cell of d > 1 digits is at least 10^(d−1).
  const longest = Math.ceil(digits / cells);
  return longest <= 1 || sum >= pow10(longest - 1);
}

/** 10^n from a table: sumCanBe runs at nearly every step, and `**` is a call into the runtime there. */
const POW10 = Array.from({ length: 309 }, (_, n) => 10 ** n);
const pow10 = (n: number) => (n >= 0 && n < POW10.length ? POW10[n]! : 10 ** n);

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
