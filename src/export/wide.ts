import { CELL_COLUMNS, INDICATOR_COLUMNS, INFO_COLUMNS } from '../schema/columns.js';
import { cellAt } from '../schema/row-path.js';
import { TABLES, type TableKey } from '../schema/template.js';
import type { Report } from '../schema/index.js';

export type Scalar = string | number | boolean | null;

/** The wide table's header: the report's fields, every cell of both layouts, the indicators' values. */
export const WIDE_COLUMNS: readonly string[] = [
  ...INFO_COLUMNS.map((c) => c.key),
  ...TABLES.flatMap((t) => CELL_COLUMNS[t.key].map((c) => c.key)),
  ...INDICATOR_COLUMNS.map((c) => c.key),
];

/** The report's own fields, in INFO_COLUMNS order. */
export function reportInfoRow(report: Report): Scalar[] {
  const { report: info, source, status, diagnostics } = report;
  const count = (severity: string) => diagnostics.filter((d) => d.severity === severity).length;
  const values: Record<string, Scalar> = {
    ...info,
    path: source.path,
    status,
    errors: count('error'),
    warnings: count('warning'),
  };
  return INFO_COLUMNS.map((c) => values[c.key] ?? null);
}

/** One table's cells in CELL_COLUMNS order; a cell its layout lacks, or a table not read, is null. */
export function tableRow(report: Report, table: TableKey): Array<number | null> {
  const values = report.tables[table];
  return CELL_COLUMNS[table].map((c) => cellAt(values, c.row, c.column) ?? null);
}

export function indicatorRow(report: Report): Array<number | null> {
  return INDICATOR_COLUMNS.map((c) => report.indicators[c.indicator as keyof Report['indicators']]?.value ?? null);
}

/** One row per report: every column of WIDE_COLUMNS. */
export function reportToWideRow(report: Report): Scalar[] {
  return [...reportInfoRow(report), ...TABLES.flatMap((t) => tableRow(report, t.key)), ...indicatorRow(report)];
}
