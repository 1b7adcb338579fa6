import { INDICATORS, definitionText } from './indicator-definitions.js';
import {
  ACTIVE_DISCLOSURE,
  APPLICATION_COLUMNS,
  APPLICATION_GROUPS,
  APPLICATION_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  TABLES,
  type TableKey,
  type TemplateVersion,
} from './template.js';

/**
 * The columns of the one-row-per-report outputs (wide CSV, workbook sheets), from the template:
 * a cell's column is `table.row.column` (`applications.denied.stateSecret.total`), and both
 * layouts share one list, so a file of 2019 and 2021 reports has one header.
 */
export interface CellColumn {
  key: string;
  table: TableKey;
  row: string;
  column: string;
  /** The row's and the column's labels as the template prints them. */
  rowLabel: string;
  columnLabel: string;
  /** Which layouts have the cell. */
  layouts: TemplateVersion[];
}

const VERSIONS: TemplateVersion[] = ['2021', '2019'];
const GROUP_LABELS = new Map<string, string>(APPLICATION_GROUPS.map((g) => [g.group, g.label]));

function layoutCells(table: TableKey, v: TemplateVersion): Omit<CellColumn, 'layouts'>[] {
  const cell = (row: string, rowLabel: string, column: string, columnLabel: string) => ({ key: `${table}.${row}.${column}`, table, row, column, rowLabel, columnLabel });
  if (table === 'activeDisclosure') {
    return ACTIVE_DISCLOSURE[v].flatMap((block) =>
      block.rows.flatMap((r) => block.columns.map((c) => cell(r.key, `第二十条第（${block.item}）项 ${r.label}`, c.key, c.label))),
    );
  }
  if (table === 'applications') {
    return APPLICATION_ROWS[v].flatMap((r) => {
      const label = r.group && r.key.includes('.') ? `${GROUP_LABELS.get(r.group)} ${r.label}` : r.label;
      return APPLICATION_COLUMNS.map((c) => cell(r.key, label, c.key, c.label));
    });
  }
  return REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => cell(g.key, g.label, c.key, c.label)));
}

/**
 * The union of both layouts' cells in template order, row by row: the 2021 layout's rows, each
 * row only the 2019 layout has placed beside its neighbours there; within a row, likewise its
 * columns (规章: 本年制发件数 … then 本年新制作数量 …; 行政许可: 上一年项目数量, 本年增/减, 处理决定数量).
 */
function tableColumns(table: TableKey): CellColumn[] {
  const layouts = VERSIONS.map((v) => ({ v, cells: layoutCells(table, v) }));
  const rows = union(layouts.map(({ cells }) => [...new Set(cells.map((c) => c.row))]));
  return rows.flatMap((row) => {
    const inRow = layouts.map(({ v, cells }) => ({ v, cells: cells.filter((c) => c.row === row) }));
    return union(inRow.map(({ cells }) => cells.map((c) => c.column))).map((column) => {
      const from = inRow.filter(({ cells }) => cells.some((c) => c.column === column));
      const first = from[0]!.cells.find((c) => c.column === column)!;
      return { ...first, layouts: from.map(({ v }) => v) };
    });
  });
}

/**
 * Ordered lists merged: items new to the result go right after the item before them that it
 * holds, or right before the item after them when none is before; with neither, at the end.
 */
function union(lists: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  for (const list of lists) {
    let pending: string[] = [];
    let previous: string | null = null;
    for (const item of list) {
      if (!out.includes(item)) {
        pending.push(item);
        continue;
      }
      out.splice(previous === null ? out.indexOf(item) : out.indexOf(previous) + 1, 0, ...pending);
      pending = [];
      previous = item;
    }
    out.splice(previous === null ? out.length : out.indexOf(previous) + 1, 0, ...pending);
  }
  return out;
}

export const CELL_COLUMNS: Readonly<Record<TableKey, readonly CellColumn[]>> = Object.fromEntries(
  TABLES.map((t) => [t.key, tableColumns(t.key)]),
) as Record<TableKey, CellColumn[]>;

/** A column of the report's own fields, with the Chinese header the workbook shows. */
export interface InfoColumn {
  key: string;
  label: string;
  description: string;
}

export const INFO_COLUMNS: readonly InfoColumn[] = [
  { key: 'path', label: '文件', description: 'The file the report was read from' },
  { key: 'title', label: '标题', description: "The report's title" },
  { key: 'agency', label: '机关', description: 'The agency the report is of' },
  { key: 'year', label: '年度', description: 'The year the report covers' },
  { key: 'template', label: '格式版本', description: 'The national layout its tables follow: 2019, 2021, mixed or unknown' },
  { key: 'status', label: '读取状态', description: 'ok: every table read; partial: some values, tables or sections could not be; failed: not read' },
  { key: 'errors', label: '错误数', description: 'Diagnostics of severity error (reading problems and failed 勾稽 relations)' },
  { key: 'warnings', label: '警告数', description: 'Diagnostics of severity warning' },
  { key: 'publishedOn', label: '发布日期', description: "When it was published: the page's date, else the signature date (ISO)" },
  { key: 'publishedFrom', label: '日期来源', description: 'page: the page metadata; signature: the date signing the report' },
  { key: 'agencyKind', label: '机关类型', description: 'government (人民政府, 管理委员会), department, or unknown' },
  { key: 'deadline', label: '发布期限', description: '条例 Art. 49: 31 January (departments) or 31 March (governments) of the next year' },
  { key: 'onTime', label: '按期发布', description: 'publishedOn on or before the deadline; empty when either is unknown' },
];

export interface IndicatorColumn {
  key: string;
  indicator: string;
  label: string;
  description: string;
}

export const INDICATOR_COLUMNS: readonly IndicatorColumn[] = INDICATORS.map((d) => ({
  key: `indicator.${d.key}`,
  indicator: d.key,
  label: d.label,
  description: definitionText(d),
}));
