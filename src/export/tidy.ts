import type { Report } from '../schema/index.js';
import { TABLES } from '../schema/template.js';
import type { TidyRow } from '../schema/tidy.js';
import { cellAt } from '../schema/row-path.js';

/** One row per value of every table found, in template order; nested row keys are dotted. */
export function reportToTidyRows(report: Report): TidyRow[] {
  const rows: TidyRow[] = [];
  const base = {
    path: report.source.path,
    agency: report.report.agency,
    year: report.report.year,
    template: report.report.template,
  };
  for (const { key: table } of TABLES) {
    const values = report.tables[table] as Nested<number | null> | null;
    const raw = report.raw[table] as Nested<string | null> | null;
    if (!values) continue;
    for (const [row, columns] of leafRows(values)) {
      for (const [column, value] of Object.entries(columns)) {
        rows.push({ ...base, table, row, column, value, raw: rawAt(raw, row, column) });
      }
    }
  }
  return rows;
}

type Nested<V> = { [k: string]: Nested<V> | V };

function* leafRows<V>(node: Nested<V>, prefix = ''): Generator<[string, Record<string, V>]> {
  for (const [key, child] of Object.entries(node)) {
    const childNode = child as Nested<V>;
    const first = Object.values(childNode)[0];
    if (first !== null && typeof first === 'object') yield* leafRows(childNode, `${prefix}${key}.`);
    else yield [`${prefix}${key}`, childNode as Record<string, V>];
  }
}

function rawAt(raw: Nested<string | null> | null, row: string, column: string): string | null {
  const text = cellAt<unknown>(raw, row, column);
  return typeof text === 'string' ? text : null;
}
