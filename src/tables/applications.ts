import { diagnostic } from '../diagnostics.js';
import type { Line } from '../extract/document.js';
import type { Diagnostic } from '../schema/index.js';
import { APPLICATION_COLUMNS, APPLICATION_GROUPS, APPLICATION_ROWS, type TemplateVersion } from '../schema/template.js';
import { relationId } from '../schema/relations.js';
import { compact, readCell } from '../text/index.js';
import { alignInOrder, type Candidate, type Placement, type Refusal } from './align.js';
import { NUMBERED, piecesToLabels, type Label } from './labels.js';
import { TableBuilder, type BuiltTable } from './table-builder.js';
import { linesToTokens, type Token } from './tokens.js';
import { gluedShort, hasValue, misfit, tokensToUnits, unitCells, unitChunks, unitConfidence, type Unit } from './units.js';

export interface ParsedApplications {
  /** Version shown by the （六） rows themselves; null when they were not found. */
  signal: TemplateVersion | null;
  /** Version whose rows were read: the signal, else the hint. */
  version: TemplateVersion;
  built: BuiltTable;
  lastLine: number;
}

const WIDTH = APPLICATION_COLUMNS.length;
/** Label text that is no row's label: the results heading, a group's name (2019 has no 其他处理 group), a header word. */
const isHeading = (t: string) => RESULTS.test(t) || (HEADER.test(t) && !NUMBERED.test(t));
const isMarker2021 = (t: string) => isHeading(t) || GROUP.test(t);
const isMarker2019 = (t: string) => isHeading(t) || (GROUP.test(t) && !/其他处理/.test(t));
const GROUP = /^(?:[（(]([三四五六])[)）])?(不予公开|无法提供|不予处理|其他处理)$/;
const RESULTS = /^(?:三[、.．]?)?本年度办理结果$/;
/** Header words of 表三: never a row's label. */
const HEADER = /申请人情况|自然人|法人或其他组织|商业企业|科研机构|社会公益|法律服务机构|勾稽关系|第[一二三四]项之和/;
const SIGNS_2021 = /逾期不补正|收费通知|缴纳费用/;

/**
 * 表三 from its lines, in any shape: value units and the labels before them are read off the
 * token stream, each label names the template rows it can be (by its distinctive phrase, or by
 * its number when the phrase was cut), and units are placed in template order.
 */
export function parseApplications(lines: readonly Line[], hint: TemplateVersion | null): ParsedApplications | null {
  // Stages as functions of their own: V8 compiled this one as a whole up to four times a worker
  // (a new shape met at any stage throws the whole away), ~200 ms each on a 2-core machine.
  const read = linesToUnits(lines);
  if (!read) return null;
  const { units, diagnostics } = read;
  const signal = versionOf(units);
  const version = signal ?? hint ?? '2021';
  const rows = APPLICATION_ROWS[version];
  const candidates = unitsToCandidates(units, rows, version, read.stacked);
  const { placed, refused } = alignInOrder(candidates, rows.length);
  const builder = new TableBuilder('applications', rows.map((row) => ({ row, columns: APPLICATION_COLUMNS })), version);
  const byUnit = candidatesByUnit(candidates);
  placedToCells(placed, byUnit, rows, read.checked, builder, diagnostics);
  refusedToDiagnostics(refused, byUnit, diagnostics);
  const built = builder.finish();
  built.diagnostics.unshift(...diagnostics);
  return { signal, version, built, lastLine: Math.max(...units.map((u) => u.lastLine)) };
}

interface ReadUnits {
  units: Unit[];
  /** Rows stacked one per line under shared labels: each part after the first, to the first. */
  stacked: Map<Unit, Unit>;
  /** Rows put together from loose values, accepted because their 总计 adds up. */
  checked: Unit[];
  diagnostics: Diagnostic[];
}

/** The value units of 表三's lines, rows put back together (cut, wrapped, stacked); null when there are none. */
function linesToUnits(lines: readonly Line[]): ReadUnits | null {
  const stacked = new Map<Unit, Unit>();
  const all = dropBlank(tokensToUnits(linesToTokens(lines)));
  if (all.length === 0) return null;
  const diagnostics: Diagnostic[] = [];
  const columns = columnBlocks(all);
  for (const u of columns) {
    diagnostics.push(
      diagnostic('warning', 'unknown-row', `表三: ${u.values.length} values printed as one block down the page (read column by column, not row by row); not placed`, {
        where: { table: 'applications', line: u.line },
      }),
    );
  }
  const checked: Unit[] = [];
  const glued = gluedShort(all);
  const units = splitStacked(mergeBroken(all.filter((u) => !columns.has(u)).map((u) => (glued(u, WIDTH) ? { ...u, glued: true } : u)), checked), stacked, checked);
  return units.length === 0 ? null : { units, stacked, checked, diagnostics };
}

type TemplateRows = (typeof APPLICATION_ROWS)[TemplateVersion];
type ApplicationCandidate = Candidate<Unit> & { labels: Label[] };

/** What each unit's labels say it is: the rows they name, whether it is a subtotal, how many rows it spans. */
function unitsToCandidates(units: readonly Unit[], rows: TemplateRows, version: TemplateVersion, stacked: ReadonlyMap<Unit, Unit>): ApplicationCandidate[] {
  const isMarker = version === '2019' ? isMarker2019 : isMarker2021;
  const assembled = units.map((u) => ({ unit: u, ...piecesToLabels(u.before, u.seqs, isMarker) }));
  const stackOf = new Map<Unit, number>();
  for (const first of stacked.values()) stackOf.set(first, (stackOf.get(first) ?? 1) + 1);
  return assembled.map((a, i) => {
    // The rest of this row's label may follow its values (a wrapped cell printed around them).
    const tail = assembled[i + 1]?.continuation ?? '';
    const text = (l: Label) => (tail && l === a.labels[a.labels.length - 1] ? l.text + tail : l.text);
    const own = a.labels.filter((l) => l.own);
    const ownRows = own.map((l) => identify(text(l), rows, true));
    const groups = groupsBeside([...a.ownMarkers, ...own.map((l) => l.text)]);
    const count = a.unit.values.length;
    return {
      unit: a.unit,
      labels: a.labels,
      own: ownRows,
      // Plain text flows label, then values. A converter's table row that lost its label to a line
      // elsewhere is placed by position: that label may be the row's before it as well as after.
      near: a.unit.cell ? [] : a.labels.filter((l) => !l.own && l.numbered).map((l) => inGroups(identify(text(l), rows, false), rows, groups)),
      // Rows stacked one per line under shared labels take them in turn.
      stack: stacked.has(a.unit) ? 0 : (stackOf.get(a.unit) ?? 1),
      span: a.unit.glued ? 1 : count < 4 ? 0 : count <= WIDTH || unitCells(a.unit, WIDTH) ? 1 : null,
      subtotal: own.length === 0 && a.ownMarkers.some((m) => GROUP.test(m)) && !(version === '2019' && a.ownMarkers.some((m) => /其他处理/.test(m))),
    };
  });
}

/** The groups (（三）不予公开 …) whose merged cell a text beside the values starts with, glued to a row's label or not. */
function groupsBeside(texts: readonly string[]): string[] {
  return APPLICATION_GROUPS.filter((g) => texts.some((t) => g.match.exec(t)?.index === 0)).map((g) => g.group);
}

/**
 * The rows, of those a label names, in the groups named beside the unit's values: a group's
 * merged cell stands beside rows of its own, so a label of another group before them is the
 * label of a row whose values were lost, or printed elsewhere. (2019's （六）其他处理 is one row,
 * keyed as its group.)
 */
function inGroups(named: readonly number[], rows: TemplateRows, groups: readonly string[]): readonly number[] {
  if (groups.length === 0) return named;
  return named.filter((i) => groups.includes(rows[i]!.group ?? rows[i]!.key));
}

/** Each unit's candidate (the first, should a unit come twice). */
function candidatesByUnit(candidates: readonly ApplicationCandidate[]): Map<Unit, ApplicationCandidate> {
  const byUnit = new Map<Unit, ApplicationCandidate>();
  for (const c of candidates) if (!byUnit.has(c.unit)) byUnit.set(c.unit, c);
  return byUnit;
}

/** The placed units' cells into the table, in template order. */
function placedToCells(
  placed: Placement<Unit>[],
  byUnit: ReadonlyMap<Unit, ApplicationCandidate>,
  rows: TemplateRows,
  checked: readonly Unit[],
  builder: TableBuilder,
  diagnostics: Diagnostic[],
): void {
  placed.sort((a, b) => a.index - b.index);
  let previous = -1;
  for (const p of placed) {
    const key = rows[p.index]!.key;
    const unit = p.unit;
    const candidate = byUnit.get(unit)!;
    // Rows named in run-together text with no digits after them: their cells were blank.
    for (const label of candidate.labels.filter((l) => l.own && l.glued)) {
      const named = identify(label.text, rows, true);
      const r = named[0]!;
      if (named.length === 1 && r > previous && r < p.index && !placed.some((q) => q.index === r)) builder.blankRow(rows[r]!.key, label.line);
    }
    previous = p.index;
    if (p.by === 'position') {
      diagnostics.push(
        diagnostic('info', 'row-by-position', `表三 row ${rows[p.index]!.label} (${key}): no label beside its values; placed by its position between the rows read`, {
          where: { table: 'applications', row: key, line: unit.line },
        }),
      );
    }
    if (unit.glued) {
      builder.setRun(APPLICATION_COLUMNS.map((column) => ({ row: key, column })), unitChunks(unit), unit.line, unitConfidence(unit));
      continue;
    }
    const cells = unitCells(unit, WIDTH);
    if (cells) APPLICATION_COLUMNS.forEach((c, i) => builder.set(key, c, cells[i]!, unit.line));
    else builder.missingRow(key, misfit(unit, WIDTH), unit.line);
    // Rows put together from values one per line were accepted because their 总计 adds up.
    if (checked.includes(unit)) builder.assume(relationId({ rule: 'applications-row-total', part: `row ${rows[p.index]!.label}` }));
  }
}

/** Why each unit left out was left out, where a reader should know. */
function refusedToDiagnostics(refused: readonly Refusal<Unit>[], byUnit: ReadonlyMap<Unit, ApplicationCandidate>, diagnostics: Diagnostic[]): void {
  for (const r of refused) {
    const c = byUnit.get(r.unit)!;
    const label = c.labels.map((l) => l.text).join('') || '(no label)';
    const where = { table: 'applications', line: r.unit.line } as const;
    if (r.why === 'subtotal') {
      diagnostics.push(diagnostic('info', 'subtotal-row', `表三: subtotal row "${label}" is not part of the template; ignored`, { where }));
    } else if (r.why === 'duplicate') {
      diagnostics.push(diagnostic('warning', 'duplicate-row', `表三 row "${label}" appears again; the first one is kept`, { where }));
    } else if (hasValue(r.unit)) {
      diagnostics.push(diagnostic('warning', 'unknown-row', `表三: row "${label}" with values matches no template row; ignored`, { where }));
    }
  }
}

type Rows = ReadonlyArray<{ key: string; match: RegExp; n?: number }>;

/** Labels found before, by template: a label's rows depend on its text alone, and most labels are the template's own words. */
const IDENTIFIED = new WeakMap<Rows, Map<string, readonly number[]>>();
/** A batch of odd labels cannot grow the memo past this. */
const IDENTIFIED_LIMIT = 4096;

/** identifyAnew, remembered: 3 % of a text report's parse went to testing its labels against every row. */
export function identify(text: string, rows: Rows, own: boolean): readonly number[] {
  let memo = IDENTIFIED.get(rows);
  if (!memo) IDENTIFIED.set(rows, (memo = new Map()));
  const key = own ? `1${text}` : `0${text}`;
  let found = memo.get(key);
  if (found === undefined) {
    if (memo.size >= IDENTIFIED_LIMIT) memo.clear();
    memo.set(key, (found = Object.freeze(identifyAnew(text, rows, own))));
  }
  return found;
}

/**
 * The rows a label can be: by its phrase; `3.其他` in （六）; （七）总计 (a bare 总计 only beside
 * values: above them it is a column header); else by its number, in whichever group has it.
 */
function identifyAnew(text: string, rows: Rows, own: boolean): number[] {
  // Loops, not callbacks: this runs for every label, and V8 drops a callback's optimised code at each full GC.
  const found: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.key !== 'otherHandling.other' && r.key !== 'total' && r.match.test(text)) found.push(i);
  }
  if (found.length > 0) return found;
  if (/^(?:\d[.．、])?其他$/.test(text)) {
    const other = rowIndex(rows, 'otherHandling.other');
    if (other >= 0) return [other];
  }
  if (/[（(]七[)）]/.test(text) || (own && /^(?:总计|合计)$/.test(text))) return [rowIndex(rows, 'total')];
  const n = /^(\d)[.．、]/.exec(text);
  if (n) for (let i = 0; i < rows.length; i++) if (rows[i]!.n === Number(n[1])) found.push(i);
  return found;
}

function rowIndex(rows: ReadonlyArray<{ key: string }>, key: string): number {
  for (let i = 0; i < rows.length; i++) if (rows[i]!.key === key) return i;
  return -1;
}

/** Which version the （六） rows show: 2021 has three sub-rows, 2019 one row with its own values. */
function versionOf(units: readonly Unit[]): TemplateVersion | null {
  const labels = units.map(labelBefore);
  const text = labels.join('|');
  if (SIGNS_2021.test(text) || /其他处理[^|]*3[.．、]其他/.test(text)) return '2021';
  return labels.some(isOtherHandling2019) ? '2019' : null;
}

const compactText = (t: Token) => compact(t.text);
const labelBefore = (u: Unit) => u.before.map(compactText).join('');
const isOtherHandling2019 = (label: string) => /其他处理$/.test(label);

/** Lines of blank cells (header padding, a wrapped label's second line): their labels go on to the next unit. */
function dropBlank(units: readonly Unit[]): Unit[] {
  const out: Unit[] = [];
  let carried: Unit['before'] = [];
  for (const u of units) {
    if (u.values.every((v) => v.kind === 'empty')) {
      carried = [...carried, ...u.before];
      continue;
    }
    out.push(carried.length > 0 ? { ...u, before: [...carried, ...u.before] } : u);
    carried = [];
  }
  return out;
}

/**
 * Values printed one per line around a wrapped label (`…不计` / `18` / `其他情形）` / `9` …):
 * a short unit, then only the rest of its label, then more values, is one row.
 */
function mergeBroken(units: Unit[], checked: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    const prev = out[out.length - 1];
    const onlyRest = u.before.every((t) => !t.cell && !NUMBERED.test(compact(t.text)));
    if (prev && !prev.cell && !u.cell && !prev.glued && !u.glued && onlyRest && prev.values.length < WIDTH) {
      // Fill the cut row; what is left over is rows of their own, one value per line.
      const need = WIDTH - prev.values.length;
      const taken = u.values.slice(0, need);
      const rest = u.values.slice(need);
      const merged = { ...prev, values: [...prev.values, ...taken], seqs: new Set([...prev.seqs, ...taken.map((t) => t.seq)]), lastLine: taken[taken.length - 1]!.line };
      if ((rest.length > 0 && rest.length % WIDTH !== 0) || !addsUp(merged.values)) {
        out.push(u);
        continue;
      }
      out[out.length - 1] = merged;
      checked.push(merged);
      if (rest.length > 0) out.push({ ...u, values: rest, before: [], seqs: seqsOf(rest), line: rest[0]!.line });
      continue;
    }
    out.push(u);
  }
  return out;
}

/** A row's six applicant columns sum to its 总计. */
function addsUp(values: readonly Token[]): boolean {
  if (values.length !== WIDTH) return false;
  let sum = 0;
  for (let i = 0; i < WIDTH - 1; i++) {
    const v = readCell(values[i]!.text).value;
    if (v === null) return false;
    sum += v;
  }
  return readCell(values[WIDTH - 1]!.text).value === sum;
}

/**
 * pdftotext's reading order runs down a column inside a merged block of a table: those values
 * stand on adjacent lines, while values read row by row stand apart (a blank line between). In
 * text that spaces its values so, values on adjacent lines are a column, not a row.
 */
function columnBlocks(units: readonly Unit[]): Set<Unit> {
  const runs = units.filter((u) => !u.cell && !u.glued && u.values.length >= 2 && u.seqs.size === u.values.length);
  if (!runs.some(hasWideGap)) return new Set();
  return new Set(runs.filter(hasAdjacent));
}

/** Some two values in a row stand apart (a blank line between) / on adjacent lines. */
const hasWideGap = (u: Unit) => someGap(u, isWide);
const hasAdjacent = (u: Unit) => someGap(u, isOne);
const isWide = (gap: number) => gap >= 2;
const isOne = (gap: number) => gap === 1;
function someGap(u: Unit, test: (gap: number) => boolean): boolean {
  for (let i = 1; i < u.values.length; i++) if (test(u.values[i]!.seq - u.values[i - 1]!.seq)) return true;
  return false;
}

/** Values printed one per line with no label between rows: k × 7 of them are k rows. */
function splitStacked(units: Unit[], stacked: Map<Unit, Unit>, checked: Unit[]): Unit[] {
  return units.flatMap((u) => {
    const k = u.values.length / WIDTH;
    if (u.cell || u.glued || k < 2 || !Number.isInteger(k) || u.seqs.size < u.values.length) return [u];
    const parts = Array.from({ length: k }, (_, i) => {
      const values = u.values.slice(i * WIDTH, (i + 1) * WIDTH);
      return { ...u, values, before: i === 0 ? u.before : [], seqs: seqsOf(values), line: values[0]!.line, lastLine: values[WIDTH - 1]!.line };
    });
    // Rows cut from one run only if every one adds up: a run read in another order does not.
    if (!parts.every(unitAddsUp)) return [u];
    for (const part of parts.slice(1)) stacked.set(part, parts[0]!);
    checked.push(...parts);
    return parts;
  });
}

const seqsOf = (values: readonly Token[]) => new Set(values.map(tokenSeq));
const tokenSeq = (t: Token) => t.seq;
const unitAddsUp = (u: Unit) => addsUp(u.values);
