import { diagnostic } from '../diagnostics.js';
import { readCell } from '../normalize/index.js';
import type { CellMap, Diagnostic, TableKey } from '../schema/index.js';
import type { Labelled } from '../schema/template.js';

export const TABLE_NAMES: Record<TableKey, string> = {
  activeDisclosure: '表二',
  applications: '表三',
  reviewLitigation: '表四',
};

export interface BuiltTable {
  values: CellMap<number | null>;
  raw: CellMap<string | null>;
  /** Line each cell was read from, keyed `row\u0000column`. */
  lines: Map<string, number>;
  diagnostics: Diagnostic[];
}

interface Spec {
  row: Labelled;
  columns: readonly Labelled[];
}

/**
 * Collects the cells of one table. Every cell of the template ends up in the output: read,
 * null with its raw text (placeholder, blank, unreadable), or null with a `value-missing`
 * diagnostic when nothing was found for it.
 */
export class TableBuilder {
  private readonly cells = new Map<string, { value: number | null; raw: string | null }>();
  private readonly lines = new Map<string, number>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly table: TableKey,
    private readonly specs: readonly Spec[],
  ) {}

  has(rowKey: string): boolean {
    return [...this.cells.keys()].some((k) => k.startsWith(`${rowKey}\u0000`));
  }

  /** Read one cell's text into the table. */
  set(rowKey: string, column: Labelled, text: string, line?: number): void {
    const cell = readCell(text);
    const where = this.where(rowKey, column.key, line);
    this.put(rowKey, column.key, cell.value, text);
    if (line !== undefined) this.lines.set(`${rowKey}\u0000${column.key}`, line);
    const name = this.cellName(rowKey, column);
    if (cell.kind === 'placeholder') {
      this.diagnostics.push(
        diagnostic('warning', 'value-placeholder', `${name}: placeholder "${text}" read as null`, { where, actual: text }),
      );
    } else if (cell.kind === 'empty') {
      this.diagnostics.push(diagnostic('warning', 'value-blank', `${name}: blank cell read as null`, { where }));
    } else if (cell.kind === 'unreadable') {
      this.diagnostics.push(
        diagnostic('error', 'value-unreadable', `${name}: "${text}" is not a number`, { where, actual: text }),
      );
    }
  }

  /** Mark every cell of a row as not found, saying why. */
  missingRow(rowKey: string, reason: string, line?: number): void {
    const spec = this.specs.find((s) => s.row.key === rowKey);
    for (const column of spec?.columns ?? []) this.missing(rowKey, column, reason, line);
  }

  /** Nested maps in template order, whatever order the cells were read in. */
  finish(): BuiltTable {
    const values: CellMap<number | null> = {};
    const raw: CellMap<string | null> = {};
    for (const { row, columns } of this.specs) {
      for (const column of columns) {
        const key = `${row.key}\u0000${column.key}`;
        if (!this.cells.has(key)) this.missing(row.key, column, 'row not found in the table');
        const cell = this.cells.get(key)!;
        setPath(values, row.key, column.key, cell.value);
        setPath(raw, row.key, column.key, cell.raw);
      }
    }
    return { values, raw, lines: this.lines, diagnostics: this.diagnostics };
  }

  private missing(rowKey: string, column: Labelled, reason: string, line?: number): void {
    this.put(rowKey, column.key, null, null);
    this.diagnostics.push(
      diagnostic('error', 'value-missing', `${this.cellName(rowKey, column)}: ${reason}`, {
        where: this.where(rowKey, column.key, line),
      }),
    );
  }

  private put(rowKey: string, columnKey: string, value: number | null, raw: string | null): void {
    this.cells.set(`${rowKey}\u0000${columnKey}`, { value, raw });
  }

  private cellName(rowKey: string, column: Labelled): string {
    const label = this.specs.find((s) => s.row.key === rowKey)?.row.label ?? rowKey;
    return `${TABLE_NAMES[this.table]} row ${label} (${rowKey}), column ${column.label} (${column.key})`;
  }

  private where(row: string, column: string, line?: number) {
    return line === undefined ? { table: this.table, row, column } : { table: this.table, row, column, line };
  }
}

function setPath<V>(map: CellMap<V>, rowKey: string, column: string, value: V): void {
  let node = map as Record<string, unknown>;
  for (const part of rowKey.split('.')) node = (node[part] ??= {}) as Record<string, unknown>;
  node[column] = value;
}
