import type { Diagnostic, Report } from '../../schema/index.js';
import { cellAt } from '../../schema/row-path.js';

/** What the page shows in and about one cell. */
export interface CellView {
  value: number | null;
  raw: string | null;
  /** Failed relations landing on this cell: expected and actual as the rule computed them. */
  failures: Diagnostic[];
  /** Why a null cell is null: the reading diagnostic naming it. */
  reason: Diagnostic | null;
  split: boolean;
  confidence: number | null;
}

/** Reading problems that leave a cell null, with the short mark the page shows for each. */
export const NULL_MARKS: Record<string, string> = {
  'value-blank': '空白',
  'value-placeholder': '占位符',
  'value-missing': '未找到',
  'value-unreadable': '无法读取',
  'value-ambiguous': '拆分不唯一',
  'ocr-uncertain': 'OCR 存疑',
};

const key = (table: string, row: string, column: string) => `${table}.${row}.${column}`;

const at = (map: unknown, table: string, row: string, column: string): unknown => cellAt<unknown>((map as Record<string, unknown> | null | undefined)?.[table], row, column);

/** Every cell's view, looked up by table, row and column; `isCheck` says which rules are checks (their findings mark cells). */
export function cellViews(report: Report, isCheck: (rule: string) => boolean): (table: string, row: string, column: string) => CellView {
  const failures = new Map<string, Diagnostic[]>();
  const reasons = new Map<string, Diagnostic>();
  for (const d of report.diagnostics) {
    const w = d.where;
    if (!w?.table || !w.row || !w.column) continue;
    const k = key(w.table, w.row, w.column);
    if (isCheck(d.rule) && d.severity !== 'info' && d.expected !== undefined) failures.set(k, [...(failures.get(k) ?? []), d]);
    else if (d.rule in NULL_MARKS && !reasons.has(k)) reasons.set(k, d);
  }
  const split = new Set((report.split ?? []).map((c) => key(c.table, c.row, c.column)));
  return (table, row, column) => {
    const k = key(table, row, column);
    const value = at(report.tables, table, row, column);
    const raw = at(report.raw, table, row, column);
    const confidence = at(report.confidence, table, row, column);
    return {
      value: typeof value === 'number' ? value : null,
      raw: typeof raw === 'string' ? raw : null,
      failures: failures.get(k) ?? [],
      reason: typeof value === 'number' ? null : (reasons.get(k) ?? null),
      split: split.has(k),
      confidence: typeof confidence === 'number' ? confidence : null,
    };
  };
}
