import { diagnostic } from '../diagnostics.js';
import { readCell } from '../normalize/index.js';
import type { CellMap, Diagnostic, TableKey } from '../schema/index.js';
import { rowPath } from '../schema/row-path.js';
import type { Labelled } from '../schema/template.js';

export const TABLE_NAMES: Record<TableKey, string> = {
  activeDisclosure: '表二',
  applications: '表三',
  reviewLitigation: '表四',
};

export interface BuiltTable {
  values: CellMap<number | null>;
  raw: CellMap<string | null>;
  /** The line a cell was read from. */
  lineOf(row: string, column: string): number | undefined;
  diagnostics: Diagnostic[];
}

interface Spec {
  row: Labelled;
  columns: readonly Labelled[];
}

interface Cell {
  value: number | null;
  raw: string | null;
  line?: number;
}

/**
 * Collects the cells of one table. Every cell of the template ends up in the output: read,
 * null with its raw text (placeholder, blank, unreadable), or null with a `value-missing`
 * diagnostic when nothing was found for it.
 */
export class TableBuilder {
  private readonly rows = new Map<string, Map<string, Cell>>();
  private readonly labels: Map<string, string>;
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly table: TableKey,
    private readonly specs: readonly Spec[],
  ) {
    this.labels = new Map(specs.map((s) => [s.row.key, s.row.label]));
  }

  has(rowKey: string): boolean {
    return this.rows.has(rowKey);
  }

  /** Read one cell's text into the table. */
  set(rowKey: string, column: Labelled, text: string, line?: number): void {
    const cell = readCell(text);
    this.put(rowKey, column.key, { value: cell.value, raw: text, line });
    if (cell.kind === 'number') return;
    const where = this.where(rowKey, column.key, line);
    const name = this.cellName(rowKey, column);
    if (cell.kind === 'placeholder') {
      this.diagnostics.push(
        diagnostic('warning', 'value-placeholder', `${name}: placeholder "${text}" read as null`, { where, actual: text }),
      );
    } else if (cell.kind === 'empty') {
      this.diagnostics.push(diagnostic('warning', 'value-blank', `${name}: blank cell read as null`, { where }));
    } else {
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
      const v: Record<string, number | null> = {};
      const r: Record<string, string | null> = {};
      const cells = this.rows.get(row.key);
      for (const column of columns) {
        const cell = cells?.get(column.key);
        if (cell) {
          v[column.key] = cell.value;
          r[column.key] = cell.raw;
        } else {
          this.missing(row.key, column, 'row not found in the table');
          v[column.key] = null;
          r[column.key] = null;
        }
      }
      setRow(values, row.key, v);
      setRow(raw, row.key, r);
    }
    const rows = this.rows;
    return { values, raw, lineOf: (row, column) => rows.get(row)?.get(column)?.line, diagnostics: this.diagnostics };
  }

  private missing(rowKey: string, column: Labelled, reason: string, line?: number): void {
    this.put(rowKey, column.key, { value: null, raw: null });
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
