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
 * A term of a relation: a cell, added (left side) or subtracted (right side), looked up once
 * per table: in a run (`at`), or read whole (`known`: its value, null when unusable).
 */
interface Term {
  sign: number;
  at: { state: State; index: number } | undefined;
  known: number | null;
}

/** A term in an open run: which run, which of its cells. */
interface OpenTerm {
  state: State;
  index: number;
  sign: number;
}

// Module-level functions rather than closures made per table: V8 drops the optimised code of
// closures no longer alive at each full GC, and a text batch recompiled these ~35 times a worker.

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
  const used: Relation[] = [];
  for (let i = 0; i < local.length; i++) {
    if (local.length === 1) {
      used.push(local[i]!.relation);
      continue;
    }
    const others = local.filter((_, j) => j !== i).map((o) => o.total);
    if (chunksToSplits(run.chunks, kinds, others, pruned.readings.length + 1).readings.length > pruned.readings.length) used.push(local[i]!.relation);
  }
  return { ...pruned, used, certain: false };
}

function runToState(run: Run, relations: readonly Relation[]): State {
  const { readings, truncated, used, certain } = splitRun(run, relations);
  const values = readings.map((r) => r.map(cellValue));
  return { run, texts: readings, values, keep: readings.map(() => true), used: new Set(used), truncated, certain };
}

const cellValue = (text: string) => readCell(text).value ?? Number.NaN;
const cellId = (row: string, column: string) => `${row}\u0000${column}`;

/**
 * The ids of a relation's cells, made once: relations are the template's own objects, and every
 * run of every table was matched against all of them, building and hashing these strings anew
 * (localTotals and termOf: 9 % of a run-together report's time, by a profile).
 */
const RELATION_IDS = new WeakMap<Relation, { left: string[]; right: string[] }>();
function idsOf(r: Relation): { left: string[]; right: string[] } {
  let ids = RELATION_IDS.get(r);
  if (!ids) RELATION_IDS.set(r, (ids = { left: r.left.map((c) => cellId(c.row, c.column)), right: r.right.map((c) => cellId(c.row, c.column)) }));
  return ids;
}

const isStated = ({ r }: { r: Relation }) => r.stated;

function termsOf(r: Relation, where: Map<string, { state: State; index: number }>, known: Known): Term[] {
  const terms: Term[] = [];
  const ids = idsOf(r);
  for (let i = 0; i < r.left.length; i++) terms.push(termOf(r.left[i]!, ids.left[i]!, 1, where, known));
  for (let i = 0; i < r.right.length; i++) terms.push(termOf(r.right[i]!, ids.right[i]!, -1, where, known));
  return terms;
}

function termOf(c: { row: string; column: string }, id: string, sign: number, where: Map<string, { state: State; index: number }>, known: Known): Term {
  const at = where.get(id);
  return { sign, at, known: at ? null : (known(c.row, c.column) ?? null) };
}

/** A term's value when fixed (known, or its run decided); `undefined` when its run is open; null when unusable. */
function fixedValue(term: Term): number | null | undefined {
  const at = term.at;
  if (!at) return term.known;
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
}

function readingsLeft(s: State): number {
  let n = 0;
  for (const k of s.keep) if (k) n++;
  return n;
}

const isOpen = (s: State) => !s.truncated && readingsLeft(s) > 1;

/**
 * A relation the template does not state (2019 表二's 处理决定数量 = 上一年项目数量 + 本年增/减) is
 * used only where the report shows it: a row read without it satisfies it with numbers not all 0.
 */
function isShown(terms: readonly Term[]): boolean {
  let left = 0;
  let right = 0;
  let nonZero = false;
  for (const t of terms) {
    const v = fixedValue(t);
    if (typeof v !== 'number') return false;
    if (t.sign > 0) left += v;
    else right += v;
    nonZero ||= v !== 0;
  }
  return left === right && nonZero;
}

/**
 * A relation's terms against the runs: the sum of the fixed ones, and the open ones; null when
 * a term is unusable.
 */
function bindTerms(terms: readonly Term[]): { constant: number; open: OpenTerm[] } | null {
  let constant = 0;
  const open: OpenTerm[] = [];
  for (const term of terms) {
    const v = fixedValue(term);
    if (v === null) return null;
    if (v === undefined) open.push({ state: term.at!.state, index: term.at!.index, sign: term.sign });
    else constant += term.sign * v;
  }
  return { constant, open };
}

function oneState(open: readonly OpenTerm[]): State | null {
  const first = open[0]?.state;
  if (!first) return null;
  for (const o of open) if (o.state !== first) return null;
  return first;
}

function holds(constant: number, open: readonly OpenTerm[], values: readonly number[]): boolean {
  let sum = constant;
  for (const o of open) sum += o.sign * values[o.index]!;
  return sum === 0;
}

/** Propagate: a relation with exactly one open run filters that run's readings. Returns whether any run changed. */
function propagateOnce(relations: ReadonlyArray<{ r: Relation; terms: Term[] }>): boolean {
  let changed = false;
  for (const { r, terms } of relations) {
    const bound = bindTerms(terms);
    if (!bound) continue;
    const state = oneState(bound.open);
    if (!state) continue;
    const before = readingsLeft(state);
    const after: boolean[] = [];
    let left = 0;
    for (let i = 0; i < state.values.length; i++) {
      const keep = state.keep[i]! && holds(bound.constant, bound.open, state.values[i]!);
      after.push(keep);
      if (keep) left++;
    }
    if (left === before || (!r.stated && left === 0)) continue;
    state.keep = after;
    state.used.add(r);
    changed = true;
  }
  return changed;
}

/**
 * Split every run of one table at once. A run with one way to split is certain. Otherwise the
 * template's relations choose: first those that leave a single run undecided (propagated until
 * nothing changes), then a joint search over runs tied together by relations. A relation that
 * the template only suggests (`stated: false`) is used only where some reading satisfies it.
 */
export function solveRuns(runs: readonly Run[], known: Known, relations: readonly Relation[]): RunReading[] {
  const states: State[] = [];
  const where = new Map<string, { state: State; index: number }>();
  for (const run of runs) {
    const state = runToState(run, relations);
    states.push(state);
    for (let index = 0; index < run.cells.length; index++) where.set(cellId(run.cells[index]!.row, run.cells[index]!.column), { state, index });
  }
  const withTerms = relations.map((r) => ({ r, terms: termsOf(r, where, known) }));
  // A rule the template only suggests is used (all its relations) where some relation of it is shown.
  const shown = new Set<string>();
  for (const { r, terms } of withTerms) if (!r.stated && isShown(terms)) shown.add(r.rule);
  const stated = withTerms.filter(isStated);
  const usable = withTerms.filter(({ r }) => r.stated || shown.has(r.rule));
  while (propagateOnce(usable));
  // Joint search over runs still open, tied by stated relations.
  const pending = states.filter(isOpen);
  if (pending.length > 1) searchTogether(pending, stated);
  return states.map(toReading);
}

/**
 * The stated relations that lie within one run and have a single total cell, by cell index:
 * the splitter prunes with them. They are applied to the readings again below, so that their
 * use is recorded the same way.
 */
function localTotals(run: Run, relations: readonly Relation[]): Array<{ total: RunTotal; relation: Relation }> {
  // Only the relations whose total is a cell of this run can lie within it: looked up by that cell.
  const byTotal = totalsOf(relations);
  const at = new Map<string, number>();
  for (let i = run.cells.length - 1; i >= 0; i--) at.set(cellId(run.cells[i]!.row, run.cells[i]!.column), i);
  const found: Array<{ order: number; total: RunTotal; relation: Relation }> = [];
  for (const [id, total] of at) {
    for (const { order, relation } of byTotal.get(id) ?? []) {
      const parts: number[] = [];
      for (const part of idsOf(relation).left) {
        const p = at.get(part);
        if (p === undefined) break;
        parts.push(p);
      }
      if (parts.length === relation.left.length) found.push({ order, total: { parts, total }, relation });
    }
  }
  // In the template's order, as the relations are listed (diagnostics name them in it).
  found.sort((a, b) => a.order - b.order);
  return found.map(({ total, relation }) => ({ total, relation }));
}

/** The stated relations with one total cell, by that cell's id, and their place in the list; made once per template table. */
const TOTALS = new WeakMap<readonly Relation[], Map<string, Array<{ order: number; relation: Relation }>>>();
function totalsOf(relations: readonly Relation[]): Map<string, Array<{ order: number; relation: Relation }>> {
  let byTotal = TOTALS.get(relations);
  if (byTotal) return byTotal;
  byTotal = new Map();
  relations.forEach((relation, order) => {
    if (!relation.stated || relation.right.length !== 1) return;
    const id = idsOf(relation).right[0]!;
    const list = byTotal!.get(id);
    if (list) list.push({ order, relation });
    else byTotal!.set(id, [{ order, relation }]);
  });
  TOTALS.set(relations, byTotal);
  return byTotal;
}

/** A stated relation over two or more open runs. */
interface Tie {
  r: Relation;
  constant: number;
  open: OpenTerm[];
}

function tiesOf(relations: ReadonlyArray<{ r: Relation; terms: Term[] }>): Tie[] {
  const ties: Tie[] = [];
  for (const { r, terms } of relations) {
    const bound = bindTerms(terms);
    if (bound && new Set(bound.open.map((o) => o.state)).size >= 2) ties.push({ r, ...bound });
  }
  return ties;
}

function searchTogether(pending: State[], relations: ReadonlyArray<{ r: Relation; terms: Term[] }>): void {
  const ties = tiesOf(relations);
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
      for (const t of ties) if (touches(t, s)) for (const o of t.open) if (!seen.has(o.state)) queue.push(o.state);
    }
    const mine = ties.filter((t) => component.some((s) => touches(t, s)));
    if (mine.length === 0) continue;
    component.sort(fewerReadingsFirst);
    const search = new JointSearch(component, mine);
    search.walk(0);
    if (!search.exhausted) {
      for (const s of component) s.truncated = s.truncated || search.solutions === 0;
      continue;
    }
    for (let i = 0; i < component.length; i++) {
      const s = component[i]!;
      const found = search.found[i]!;
      for (let j = 0; j < s.keep.length; j++) s.keep[j] = found.has(j);
      for (const t of mine) if (touches(t, s)) s.used.add(t.r);
    }
  }
}

const fewerReadingsFirst = (a: State, b: State) => readingsLeft(a) - readingsLeft(b);

function touches(tie: Tie, state: State): boolean {
  for (const o of tie.open) if (o.state === state) return true;
  return false;
}

/** Backtracking over the readings of a component's runs; `found[i]`: the readings of run i in some solution. */
class JointSearch {
  /** The reading chosen for each run (by the run's place in the component), −1 while unchosen. */
  private readonly choice: number[];
  /** For each tie, each open term's run as its place in the component. */
  private readonly places: number[][];
  readonly found: Array<Set<number>>;
  solutions = 0;
  private steps = 0;
  exhausted = true;

  constructor(
    private readonly component: readonly State[],
    private readonly ties: readonly Tie[],
  ) {
    this.choice = component.map(() => -1);
    this.found = component.map(() => new Set<number>());
    this.places = ties.map((t) => t.open.map((o) => component.indexOf(o.state)));
  }

  private consistent(): boolean {
    const { ties, places, choice } = this;
    for (let t = 0; t < ties.length; t++) {
      const tie = ties[t]!;
      const at = places[t]!;
      let sum = tie.constant;
      let complete = true;
      for (let o = 0; o < at.length; o++) {
        const chosen = choice[at[o]!]!;
        if (chosen < 0) {
          complete = false;
          break;
        }
        const term = tie.open[o]!;
        sum += term.sign * term.state.values[chosen]![term.index]!;
      }
      if (complete && sum !== 0) return false;
    }
    return true;
  }

  walk(k: number): void {
    if (this.solutions >= MAX_SOLUTIONS || ++this.steps > MAX_STEPS) {
      this.exhausted = false;
      return;
    }
    const { component, choice } = this;
    if (k === component.length) {
      this.solutions++;
      for (let i = 0; i < component.length; i++) this.found[i]!.add(choice[i]!);
      return;
    }
    const s = component[k]!;
    for (let i = 0; i < s.values.length; i++) {
      if (!s.keep[i]) continue;
      choice[k] = i;
      if (this.consistent()) this.walk(k + 1);
      choice[k] = -1;
    }
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
  const texts: Array<string | null> = [];
  for (let i = 0; i < width; i++) {
    const first = left[0]![i]!;
    texts.push(left.every((r) => r[i] === first) ? first : null);
  }
  return { texts, outcome: 'ambiguous', readings: left, used: [...s.used], truncated: false };
}

export { MAX_SPLITS };
