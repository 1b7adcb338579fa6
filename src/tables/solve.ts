import type { Relation } from '../schema/relations.js';
import { readCell } from '../text/index.js';
import { chunksToSplits, MAX_SPLITS, type CellKind, type RunTotal } from './split.js';

/** Cells whose digits ran together, and the chunks they were written as. */
export interface Run {
  cells: ReadonlyArray<{ row: string; column: string; kind: CellKind }>;
  chunks: readonly string[];
}

export interface RunReading {
  /** Each cell's text, or null where the consistent readings disagree (or there is none). */
  texts: Array<string | null>;
  /**
   * certain: one split by the digits alone; split: one split left by the relations;
   * ambiguous: several left (cells on which they all agree are kept); unreadable: none left.
   */
  outcome: 'certain' | 'split' | 'ambiguous' | 'unreadable';
  /** The readings left, as cell texts (ambiguous and split runs). */
  readings: string[][];
  /** Relations that decided between readings; checks built on them are not assessable. */
  used: Relation[];
  truncated: boolean;
}

/** Value of a cell read whole: a number, null (blank, placeholder, unreadable, missing) or not in the table. */
export type Known = (row: string, column: string) => number | null | undefined;

/** Backtracking stops after this many steps; what is left is ambiguous. */
const MAX_STEPS = 200_000;
const MAX_SOLUTIONS = 1_000;

interface State {
  run: Run;
  texts: string[][];
  values: number[][];
  keep: boolean[];
  used: Set<Relation>;
  truncated: boolean;
  /** The digits alone allow one reading. */
  certain: boolean;
}

/**
 * A run's readings. The totals inside the run prune the cutting (a row of 3-digit counts has
 * ~27,000 cuttings, a few satisfy its 总计); whether the digits alone decide, and which totals
 * decided, is found by cutting again without them, stopping as soon as there is more.
 */
function splitRun(run: Run, relations: readonly Relation[]) {
  const kinds = run.cells.map((c) => c.kind);
  const alone = chunksToSplits(run.chunks, kinds, [], 2);
  if (alone.readings.length <= 1) return { ...alone, truncated: false, used: [] as Relation[], certain: alone.readings.length === 1 };
  const local = localTotals(run, relations);
  const pruned = chunksToSplits(run.chunks, kinds, local.map((l) => l.total));
  const used = local
    .filter((l, i) => {
      if (local.length === 1) return true;
      const others = local.filter((_, j) => j !== i).map((o) => o.total);
      return chunksToSplits(run.chunks, kinds, others, pruned.readings.length + 1).readings.length > pruned.readings.length;
    })
    .map((l) => l.relation);
  return { ...pruned, used, certain: false };
}

/**
 * Split every run of one table at once. A run with one way to split is certain. Otherwise the
 * template's relations choose: first those that leave a single run undecided (propagated until
 * nothing changes), then a joint search over runs tied together by relations. A relation that
 * the template only suggests (`stated: false`) is used only where some reading satisfies it.
 */
export function solveRuns(runs: readonly Run[], known: Known, relations: readonly Relation[]): RunReading[] {
  const states: State[] = runs.map((run) => {
    const { readings, truncated, used, certain } = splitRun(run, relations);
    const values = readings.map((r) => r.map((t) => readCell(t).value ?? Number.NaN));
    return { run, texts: readings, values, keep: readings.map(() => true), used: new Set(used), truncated, certain };
  });
  const where = new Map<string, { state: State; index: number }>();
  states.forEach((state) => state.run.cells.forEach((c, index) => where.set(`${c.row}\u0000${c.column}`, { state, index })));
  const open = (s: State) => !s.truncated && s.keep.filter(Boolean).length > 1;

  /** A term's value when fixed (known, or its run decided); `undefined` when its run is open; null when unusable. */
  const fixed = (row: string, column: string): number | null | undefined => {
    const at = where.get(`${row}\u0000${column}`);
    if (!at) return known(row, column) ?? null;
    const s = at.state;
    if (s.truncated) return null;
    // The one reading left, without listing them: this runs for every term of every relation.
    let only = -1;
    for (let i = 0; i < s.keep.length; i++) {
      if (!s.keep[i]) continue;
      if (only >= 0) return undefined;
      only = i;
    }
    return only < 0 ? null : s.values[only]![at.index]!;
  };
  const termsOf = (r: Relation) => [...r.left.map((c) => ({ c, sign: 1 })), ...r.right.map((c) => ({ c, sign: -1 }))];
  // A relation the template does not state (2019 表二's 处理决定数量 = 上一年项目数量 + 本年增/减) is
  // used only where the report shows it: a row read without it satisfies it with numbers not all 0.
  const shown = new Set(
    relations
      .filter((r) => {
        const left = r.left.map((c) => fixed(c.row, c.column));
        const right = r.right.map((c) => fixed(c.row, c.column));
        if (![...left, ...right].every((v) => typeof v === 'number')) return false;
        const sum = (xs: Array<number | null | undefined>) => xs.reduce<number>((a, b) => a + (b as number), 0);
        return sum(left) === sum(right) && [...left, ...right].some((v) => v !== 0) && !r.stated;
      })
      .map((r) => r.rule),
  );
  const usableRelations = relations.filter((r) => r.stated || shown.has(r.rule));

  // Propagate: a relation with exactly one open run filters that run's readings.
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of usableRelations) {
      let constant = 0;
      let usable = true;
      const open: Array<{ state: State; index: number; sign: number }> = [];
      for (const { c, sign } of termsOf(r)) {
        const v = fixed(c.row, c.column);
        if (v === null) usable = false;
        else if (v === undefined) open.push({ ...where.get(`${c.row}\u0000${c.column}`)!, sign });
        else constant += sign * v;
      }
      if (!usable || open.length === 0 || new Set(open.map((o) => o.state)).size !== 1) continue;
      const state = open[0]!.state;
      const holds = (values: number[]) => constant + open.reduce((s, o) => s + o.sign * values[o.index]!, 0) === 0;
      const before = state.keep.filter(Boolean).length;
      const after = state.values.map((v, i) => state.keep[i]! && holds(v));
      const left = after.filter(Boolean).length;
      if (left === before || (!r.stated && left === 0)) continue;
      state.keep = after;
      state.used.add(r);
      changed = true;
    }
  }

  // Joint search over runs still open, tied by stated relations.
  const pending = states.filter(open);
  if (pending.length > 1) searchTogether(pending, relations.filter((r) => r.stated), fixed, where);

  return states.map((s) => toReading(s));
}

/**
 * The stated relations that lie within one run and have a single total cell, by cell index:
 * the splitter prunes with them. They are applied to the readings again below, so that their
 * use is recorded the same way.
 */
function localTotals(run: Run, relations: readonly Relation[]): Array<{ total: RunTotal; relation: Relation }> {
  const index = (c: { row: string; column: string }) => run.cells.findIndex((x) => x.row === c.row && x.column === c.column);
  const out: Array<{ total: RunTotal; relation: Relation }> = [];
  for (const r of relations) {
    if (!r.stated || r.right.length !== 1) continue;
    const total = index(r.right[0]!);
    const parts = r.left.map(index);
    if (total >= 0 && parts.every((p) => p >= 0)) out.push({ total: { parts, total }, relation: r });
  }
  return out;
}

function searchTogether(
  pending: State[],
  relations: readonly Relation[],
  fixed: (row: string, column: string) => number | null | undefined,
  where: Map<string, { state: State; index: number }>,
): void {
  const ties = relations
    .map((r) => {
      const terms = [...r.left.map((c) => ({ c, sign: 1 })), ...r.right.map((c) => ({ c, sign: -1 }))];
      let constant = 0;
      const open: Array<{ state: State; index: number; sign: number }> = [];
      for (const { c, sign } of terms) {
        const v = fixed(c.row, c.column);
        if (v === null) return null;
        if (v === undefined) open.push({ ...where.get(`${c.row}\u0000${c.column}`)!, sign });
        else constant += sign * v;
      }
      return new Set(open.map((o) => o.state)).size >= 2 ? { r, constant, open } : null;
    })
    .filter((t) => t !== null);
  // Connected components of runs tied by relations; each is searched alone.
  const seen = new Set<State>();
  for (const start of pending) {
    if (seen.has(start)) continue;
    const component: State[] = [];
    const queue = [start];
    while (queue.length > 0) {
      const s = queue.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      component.push(s);
      for (const t of ties) if (t.open.some((o) => o.state === s)) for (const o of t.open) if (!seen.has(o.state)) queue.push(o.state);
    }
    const mine = ties.filter((t) => t.open.some((o) => component.includes(o.state)));
    if (mine.length === 0) continue;
    component.sort((a, b) => a.keep.filter(Boolean).length - b.keep.filter(Boolean).length);
    const choice = new Map<State, number>();
    const found = component.map(() => new Set<number>());
    let solutions = 0;
    let steps = 0;
    let exhausted = true;
    const consistent = () =>
      mine.every((t) => {
        if (!t.open.every((o) => choice.has(o.state))) return true;
        return t.constant + t.open.reduce((s, o) => s + o.sign * o.state.values[choice.get(o.state)!]![o.index]!, 0) === 0;
      });
    const walk = (k: number): void => {
      if (solutions >= MAX_SOLUTIONS || ++steps > MAX_STEPS) {
        exhausted = false;
        return;
      }
      if (k === component.length) {
        solutions++;
        component.forEach((s, i) => found[i]!.add(choice.get(s)!));
        return;
      }
      const s = component[k]!;
      for (let i = 0; i < s.values.length; i++) {
        if (!s.keep[i]) continue;
        choice.set(s, i);
        if (consistent()) walk(k + 1);
        choice.delete(s);
      }
    };
    walk(0);
    if (!exhausted) {
      for (const s of component) s.truncated = s.truncated || solutions === 0;
      continue;
    }
    component.forEach((s, i) => {
      s.keep = s.keep.map((_, j) => found[i]!.has(j));
      for (const t of mine) if (t.open.some((o) => o.state === s)) s.used.add(t.r);
    });
  }
}

function toReading(s: State): RunReading {
  const left = s.texts.filter((_, i) => s.keep[i]);
  const width = s.run.cells.length;
  if (s.truncated) {
    return { texts: Array(width).fill(null), outcome: 'ambiguous', readings: [], used: [], truncated: true };
  }
  if (left.length === 0) return { texts: Array(width).fill(null), outcome: 'unreadable', readings: [], used: [...s.used], truncated: false };
  if (left.length === 1) {
    return { texts: left[0]!, outcome: s.certain ? 'certain' : 'split', readings: left, used: [...s.used], truncated: false };
  }
  // A cell on which every reading left agrees is read, whichever reading is the true one.
  const texts = Array.from({ length: width }, (_, i) => (left.every((r) => r[i] === left[0]![i]) ? left[0]![i]! : null));
  return { texts, outcome: 'ambiguous', readings: left, used: [...s.used], truncated: false };
}

export { MAX_SPLITS };
