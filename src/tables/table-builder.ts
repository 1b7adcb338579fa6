import { diagnostic } from '../diagnostics.js';
import type { CellMap, Diagnostic, TableKey } from '../schema/index.js';
import { relationId, relationsOf } from '../schema/relations.js';
import { rowPath } from '../schema/row-path.js';
import { TABLE_NAMES, type Labelled, type TemplateVersion } from '../schema/template.js';
import { readCell } from '../text/index.js';
import { solveRuns, type Run, type RunReading } from './solve.js';
import { isCleanCell, type CellKind } from './split.js';

/**
 * A value OCR read with less confidence than this is not believed. Calibrated on the scanned
 * fixtures (fixtures/scanned/README.md): every wrong reading there was below it.
 */
export const OCR_MIN_CONFIDENCE = 0.9;

/** A cell's text as read, with OCR's confidence in it when OCR read it. */
export interface CellText {
  text: string;
  confidence?: number;
}

export { TABLE_NAMES } from '../schema/template.js';

export interface BuiltTable {
  values: CellMap<number | null>;
  raw: CellMap<string | null>;
  /** The line a cell was read from. */
  lineOf(row: string, column: string): number | undefined;
  diagnostics: Diagnostic[];
  /** Relations (relationId) used to split run-together digits: their checks are not assessable. */
  assumed: string[];
  /** OCR's confidence in each value it read; null when OCR read none of the table. */
  confidence: CellMap<number | null> | null;
  /** Cells whose value was cut from run-together digits, in reading order. */
  split: Array<{ row: string; column: string }>;
}

/** A column with what its cells hold (表二 says; every other column counts); `yuan`: its header gives 元. */
export type Column = Labelled & { kind?: CellKind; yuan?: boolean };

/** A cell's value; a bare amount under a header in 元 is converted to 万元 like `251000元`. */
function valueOf(text: string, column: { yuan?: boolean }): number | null {
  return readCell(column.yuan && !/元/.test(text) && readCell(text).kind === 'number' ? `${text}元` : text).value;
}

interface PendingRun extends Run {
  cells: ReadonlyArray<{ row: string; column: string; kind: CellKind; yuan?: boolean }>;
  line?: number;
  raw: string;
  confidence?: number;
}

interface Spec {
  row: Labelled;
  columns: readonly Column[];
}

interface Cell {
  value: number | null;
  raw: string | null;
  line?: number;
  confidence?: number;
}

/** Every cell in one shape (absent parts undefined): the code reading them back sees one map, not four. */
function cellOf(value: number | null, raw: string | null, line?: number, confidence?: number): Cell {
  return { value, raw, line, confidence };
}

/**
 * Collects the cells of one table. Every cell of the template ends up in the output: read,
 * null with its raw text (placeholder, blank, unreadable), or null with a `value-missing`
 * diagnostic when nothing was found for it.
 */
export class TableBuilder {
  private readonly rows = new Map<string, Map<string, Cell>>();
  private readonly labels: Map<string, string>;
  private readonly runs: PendingRun[] = [];
  private readonly assumed = new Set<string>();
  private readonly split: Array<{ row: string; column: string }> = [];
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly table: TableKey,
    private readonly specs: readonly Spec[],
    private readonly version: TemplateVersion = '2021',
  ) {
    this.labels = new Map(specs.map((s) => [s.row.key, s.row.label]));
  }

  has(rowKey: string): boolean {
    return this.rows.has(rowKey);
  }

  /** Read one cell's text into the table. */
  set(rowKey: string, column: Column, cell: string | CellText, line?: number): void {
    const { text, confidence } = typeof cell === 'string' ? { text: cell, confidence: undefined } : cell;
    const reading = readCell(text);
    if (confidence !== undefined && reading.kind !== 'empty') {
      const clean = reading.kind === 'placeholder' || isCleanCell(text, column.kind ?? 'count');
      if (!clean || confidence < OCR_MIN_CONFIDENCE) {
        this.uncertain(rowKey, column, text, confidence, line, clean ? undefined : 'not a clean number');
        return;
      }
    }
    const value = valueOf(text, column);
    // A count with a fraction is no count: a value out of its place (an amount read into 处理决定数量), not the cell's.
    const fraction = value !== null && !Number.isInteger(value) && (column.kind ?? 'count') !== 'money';
    this.put(rowKey, column.key, cellOf(fraction ? null : value, text, line, confidence));
    if (reading.kind === 'number' && !fraction) return;
    const where = this.where(rowKey, column.key, line);
    const name = this.cellName(rowKey, column);
    if (fraction) {
      this.diagnostics.push(diagnostic('error', 'value-unreadable', `${name}: "${text}" is not a whole number, and the column counts`, { where, actual: text }));
      return;
    }
    if (reading.kind === 'placeholder') {
      this.diagnostics.push(
        diagnostic('warning', 'value-placeholder', `${name}: placeholder "${text}" read as null`, { where, actual: text }),
      );
    } else if (reading.kind === 'empty') {
      this.diagnostics.push(diagnostic('warning', 'value-blank', `${name}: blank cell read as null`, { where }));
    } else {
      this.diagnostics.push(
        diagnostic('error', 'value-unreadable', `${name}: "${text}" is not a number`, { where, actual: text }),
      );
    }
  }

  /**
   * Cells whose digits ran together (`15130000154` for seven cells): split when the table is
   * finished, all runs together, so the relations between rows can decide.
   */
  setRun(cells: ReadonlyArray<{ row: string; column: Column }>, chunks: readonly string[], line?: number, confidence?: number): void {
    const raw = chunks.join(' ');
    if (confidence !== undefined && confidence < OCR_MIN_CONFIDENCE) {
      // Digits OCR is unsure of are not split: a cut would only spread the doubt.
      for (const c of cells) this.uncertain(c.row, c.column, raw, confidence, line);
      return;
    }
    for (const c of cells) this.put(c.row, c.column.key, cellOf(null, null, line));
    this.runs.push({
      cells: cells.map((c) => ({ row: c.row, column: c.column.key, kind: c.column.kind ?? 'count', yuan: c.column.yuan })),
      chunks,
      line,
      raw,
      ...(confidence === undefined ? {} : { confidence }),
    });
  }

  /** A relation the reading relied on (to accept rows put together from loose values). */
  assume(relation: string): void {
    this.assumed.add(relation);
  }

  /** A row whose label stands with no value after it (run-together text drops blank cells). */
  blankRow(rowKey: string, line?: number): void {
    for (const column of this.specOf(rowKey)?.columns ?? []) this.set(rowKey, column, '', line);
  }

  /** Mark every cell of a row as not found, saying why. */
  missingRow(rowKey: string, reason: string, line?: number): void {
    for (const column of this.specOf(rowKey)?.columns ?? []) this.missing(rowKey, column, reason, line);
  }

  /** Nested maps in template order, whatever order the cells were read in. */
  finish(): BuiltTable {
    const assumed = [...new Set([...this.assumed, ...this.solve()])];
    const values: CellMap<number | null> = {};
    const raw: CellMap<string | null> = {};
    const confidence: CellMap<number | null> = {};
    let ocr = false;
    for (const { row, columns } of this.specs) {
      const v: Record<string, number | null> = {};
      const r: Record<string, string | null> = {};
      const c: Record<string, number | null> = {};
      const cells = this.rows.get(row.key);
      for (const column of columns) {
        const cell = cells?.get(column.key);
        if (!cell) this.missing(row.key, column, 'row not found in the table');
        v[column.key] = cell?.value ?? null;
        r[column.key] = cell?.raw ?? null;
        c[column.key] = cell?.confidence ?? null;
        ocr ||= cell?.confidence !== undefined;
      }
      setRow(values, row.key, v);
      setRow(raw, row.key, r);
      setRow(confidence, row.key, c);
    }
    const rows = this.rows;
    return {
      values,
      raw,
      lineOf: (row, column) => rows.get(row)?.get(column)?.line,
      diagnostics: this.diagnostics,
      assumed,
      confidence: ocr ? confidence : null,
      split: this.split,
    };
  }

  /** A cell OCR read but is not believed: null, saying what was seen and why (too unsure, or `problem`). */
  private uncertain(rowKey: string, column: Column, text: string, confidence: number, line: number | undefined, problem?: string): void {
    this.put(rowKey, column.key, cellOf(null, text, line, confidence));
    const why = problem ? `${problem} (confidence ${confidenceText(confidence)})` : `confidence ${confidenceText(confidence)} is below ${OCR_MIN_CONFIDENCE}`;
    const message = `${this.cellName(rowKey, column)}: OCR read "${text}", ${why}; read as null`;
    this.diagnostics.push(diagnostic('error', 'ocr-uncertain', message, { where: this.where(rowKey, column.key, line), actual: text }));
  }

  /** Split the runs against the cells read whole; returns the relations that were used. */
  private solve(): string[] {
    if (this.runs.length === 0) return [];
    // The solver asks only for cells outside its runs.
    const known = (row: string, column: string) => this.rows.get(row)?.get(column)?.value ?? null;
    const readings = solveRuns(this.runs, known, relationsOf(this.table, this.version));
    const used = new Set<string>();
    for (let i = 0; i < this.runs.length; i++) {
      const reading = readings[i]!;
      for (const r of reading.used) used.add(relationId(r));
      this.report(this.runs[i]!, reading);
    }
    return [...used];
  }

  /** A run's reading: its cells, then what a reader should know of how they were read. */
  private report(run: PendingRun, reading: RunReading): void {
    // In three methods: V8 compiled this one whole 7 times a worker, a new shape at any step throwing it all away.
    this.putRun(run, reading);
    this.reportRun(run, reading);
  }

  private putRun(run: PendingRun, reading: RunReading): void {
    // Loops, not callbacks, here and below: V8 drops a callback's optimised code at each full GC.
    for (let i = 0; i < run.cells.length; i++) {
      const c = run.cells[i]!;
      const text = reading.texts[i];
      // A cell no reading settles keeps the run's text as its raw: that is what stood there.
      const cell = text === null || text === undefined ? cellOf(null, run.raw, run.line, run.confidence) : cellOf(valueOf(text, c), text, run.line, run.confidence);
      if (cell.value !== null) this.split.push({ row: c.row, column: c.column });
      this.put(c.row, c.column, cell);
    }
  }

  private reportRun(run: PendingRun, reading: RunReading): void {
    const rows = [...new Set(run.cells.map((c) => c.row))];
    const names = rows.map((r) => `${this.labels.get(r) ?? r} (${r})`).join(', ');
    const where = { table: this.table, row: rows[0]!, ...(run.line === undefined ? {} : { line: run.line }) };
    const relations = reading.used.map((r) => r.part).join('; ');
    const quoted = `"${run.raw}"`;
    if (reading.outcome === 'certain' || reading.outcome === 'split') {
      const how = reading.outcome === 'certain' ? 'the only split the digits allow' : `the only split satisfying ${relations}`;
      this.diagnostics.push(
        diagnostic('info', 'value-split', `${TABLE_NAMES[this.table]} ${names}: run-together digits ${quoted} read as ${reading.texts.join(' ')} (${how})`, {
          where,
          actual: run.raw,
        }),
      );
      return;
    }
    const kept = reading.texts.some((t) => t !== null);
    this.reportUnsettled(run, reading, relations);
    if (kept) {
      this.diagnostics.push(
        diagnostic('info', 'value-split', `${TABLE_NAMES[this.table]} ${names}: run-together digits ${quoted}: cells on which every reading agrees are kept (${reading.texts.map(orUnknown).join(' ')})`, {
          where,
          actual: run.raw,
        }),
      );
    }
  }

  /** Each cell no reading settles: an error saying why (no reading at all, or several). */
  private reportUnsettled(run: PendingRun, reading: RunReading, relations: string): void {
    const quoted = `"${run.raw}"`;
    const candidates = reading.truncated
      ? `more than ${reading.readings.length || 'the'} readings to list`
      : `${reading.readings.length} readings: ${reading.readings.slice(0, 8).map((r) => r.join(' ')).join(' | ')}${reading.readings.length > 8 ? ' | …' : ''}`;
    for (let i = 0; i < run.cells.length; i++) {
      const c = run.cells[i]!;
      if (reading.texts[i] !== null) continue;
      const column = this.columnOf(c.row, c.column);
      const name = this.cellName(c.row, column);
      const cellWhere = this.where(c.row, c.column, run.line);
      if (reading.outcome === 'unreadable') {
        const why = reading.used.length > 0 ? `no split satisfies ${relations}` : `the digits cannot be cut into ${run.cells.length} cells`;
        this.diagnostics.push(diagnostic('error', 'value-unreadable', `${name}: run-together digits ${quoted}: ${why}`, { where: cellWhere, actual: run.raw }));
      } else {
        this.diagnostics.push(
          diagnostic('error', 'value-ambiguous', `${name}: run-together digits ${quoted} allow ${candidates}${relations ? ` (after ${relations})` : ''}`, {
            where: cellWhere,
            actual: run.raw,
          }),
        );
      }
    }
  }

  private specOf(row: string): Spec | undefined {
    for (const spec of this.specs) if (spec.row.key === row) return spec;
    return undefined;
  }

  private columnOf(row: string, column: string): Labelled {
    for (const col of this.specOf(row)?.columns ?? []) if (col.key === column) return col;
    return { key: column, label: column };
  }

  private missing(rowKey: string, column: Labelled, reason: string, line?: number): void {
    this.put(rowKey, column.key, cellOf(null, null));
    this.diagnostics.push(
      diagnostic('error', 'value-missing', `${this.cellName(rowKey, column)}: ${reason}`, {
        where: this.where(rowKey, column.key, line),
      }),
    );
  }

  private put(rowKey: string, columnKey: string, cell: Cell): void {
    let row = this.rows.get(rowKey);
    if (!row) this.rows.set(rowKey, (row = new Map()));
    row.set(columnKey, cell);
  }

  private cellName(rowKey: string, column: Labelled): string {
    return `${TABLE_NAMES[this.table]} row ${this.labels.get(rowKey) ?? rowKey} (${rowKey}), column ${column.label} (${column.key})`;
  }

  private where(row: string, column: string, line?: number) {
    return line === undefined ? { table: this.table, row, column } : { table: this.table, row, column, line };
  }
}

/** Dotted row keys nest one level: `denied.stateSecret` → `{ denied: { stateSecret } }`. */
function setRow<V>(map: CellMap<V>, rowKey: string, row: Record<string, V>): void {
  const path = rowPath(rowKey);
  if (path.length === 1) {
    map[path[0]] = row;
    return;
  }
  const group = (map[path[0]] ??= {}) as Record<string, Record<string, V>>;
  group[path[1]] = row;
}

/** A confidence as diagnostics show it: two decimals, rounded down (0.8999 is not "0.90 is below 0.9"). */
export function confidenceText(confidence: number): string {
  return (Math.floor(confidence * 100 + 1e-9) / 100).toFixed(2);
}

const orUnknown = (text: string | null) => text ?? '?';
