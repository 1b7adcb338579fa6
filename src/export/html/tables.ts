import type { Report } from '../../schema/index.js';
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
} from '../../schema/template.js';
import { tableVersion } from '../../schema/validate.js';
import { NULL_MARKS, type CellView } from './cells.js';

/**
 * The three tables in the template's own layout, as data the page script draws when a report
 * is opened: the layouts once per page (labels from the template, merged cells as spans), and
 * per report only its values and the notes on the cells that need one. A thousand reports
 * drawn as markup were 13.8 MB; as data they are a fraction of it (measured in the bench).
 */

/** A layout cell: a header or label (`t`, spans `c`/`r`, `h` for a column header), or a value slot `k`. */
export interface LayoutCell {
  t?: string;
  c?: number;
  r?: number;
  h?: 1;
  /** Index into the report's values for this table. */
  k?: number;
  /** A class: `vt` for the vertical 三、本年度办理结果. */
  s?: string;
}

export interface TableLayout {
  caption: string;
  rows: LayoutCell[][];
  /** The cells behind the value slots, in slot order. */
  cells: Array<[row: string, column: string]>;
}

class Builder {
  readonly rows: LayoutCell[][] = [];
  readonly cells: Array<[string, string]> = [];
  row(...cells: LayoutCell[]): this {
    this.rows.push(cells);
    return this;
  }
  slot(row: string, column: string): LayoutCell {
    this.cells.push([row, column]);
    return { k: this.cells.length - 1 };
  }
}

const th = (t: string, c?: number, r?: number): LayoutCell => ({ t, h: 1, ...(c && c > 1 ? { c } : {}), ...(r && r > 1 ? { r } : {}) });
const label = (t: string, c?: number, r?: number, s?: string): LayoutCell => ({ t, ...(c && c > 1 ? { c } : {}), ...(r && r > 1 ? { r } : {}), ...(s ? { s } : {}) });

function disclosureLayout(v: TemplateVersion): Builder {
  const b = new Builder();
  for (const block of ACTIVE_DISCLOSURE[v]) {
    b.row(th(`第二十条第（${block.item}）项`, block.columns.length + 1));
    b.row(th('信息内容'), ...block.columns.map((c) => th(c.label)));
    for (const r of block.rows) b.row(label(r.label), ...block.columns.map((c) => b.slot(r.key, c.key)));
  }
  return b;
}

function applicationsLayout(v: TemplateVersion): Builder {
  const b = new Builder();
  const rows = APPLICATION_ROWS[v];
  const outcomes = rows.filter((r) => r.outcome || r.key === 'total');
  b.row(th('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), th('申请人情况', 7));
  b.row(th('自然人', 1, 2), th('法人或其他组织', 5), th('总计', 1, 2));
  b.row(...APPLICATION_COLUMNS.slice(1, 6).map((c) => th(c.label)));
  for (const r of rows) {
    const values = () => APPLICATION_COLUMNS.map((c) => b.slot(r.key, c.key));
    if (!r.outcome && r.key !== 'total') {
      b.row(label(r.label, 3), ...values());
      continue;
    }
    const first = outcomes[0] === r ? [label('三、本年度办理结果', 1, outcomes.length, 'vt')] : [];
    if (!(r.group && r.key.includes('.'))) {
      b.row(...first, label(r.label, 2), ...values());
      continue;
    }
    const members = rows.filter((x) => x.group === r.group);
    const group = members[0] === r ? [label(APPLICATION_GROUPS.find((g) => g.group === r.group)!.label, 1, members.length)] : [];
    b.row(...first, ...group, label(r.label), ...values());
  }
  return b;
}

function reviewLayout(): Builder {
  const b = new Builder();
  b.row(th('行政复议', 5), th('行政诉讼', 10));
  b.row(...REVIEW_COLUMNS.map((c) => th(c.label, 1, 2)), th('未经复议直接起诉', 5), th('复议后起诉', 5));
  b.row(...[1, 2].flatMap(() => REVIEW_COLUMNS.map((c) => th(c.label))));
  b.row(...REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => b.slot(g.key, c.key))));
  return b;
}

const CAPTIONS: Record<TableKey, string> = {
  activeDisclosure: '表二 主动公开政府信息情况',
  applications: '表三 收到和处理政府信息公开申请情况',
  reviewLitigation: '表四 政府信息公开行政复议、行政诉讼情况',
};

function layout(table: TableKey, v: TemplateVersion): TableLayout {
  const b = table === 'activeDisclosure' ? disclosureLayout(v) : table === 'applications' ? applicationsLayout(v) : reviewLayout();
  return { caption: CAPTIONS[table], rows: b.rows, cells: b.cells };
}

/** Every table's layout in both versions, keyed `table/version`. */
export const LAYOUTS: Record<string, TableLayout> = Object.fromEntries(
  TABLES.flatMap((t) => (['2019', '2021'] as const).map((v) => [`${t.key}/${v}`, layout(t.key, v)])),
);

/** A note on one value: classes (f failed relation, n null, s split, o OCR), the null's mark, expected/actual, a tooltip. */
export interface CellNote {
  c: string;
  m?: string;
  x?: string[];
  title: string;
}

export interface TableData {
  layout: string;
  values: Array<number | null>;
  notes: Record<number, CellNote>;
}

function note(v: CellView): CellNote | null {
  const classes = [v.failures.length > 0 && 'f', v.value === null && 'n', v.split && 's', v.confidence !== null && 'o'].filter(Boolean).join(' ');
  if (!classes) return null;
  // Short: the findings and reading problems below give each in full.
  const title = [
    ...v.failures.map((d) => d.rule),
    v.reason ? v.reason.rule : v.value === null && v.raw === null ? 'no cell found' : null,
    v.split ? 'split from run-together digits' : null,
    v.confidence !== null ? `OCR ${v.confidence.toFixed(2)}` : null,
  ].filter(Boolean);
  const mark = v.value === null ? `${v.reason ? (NULL_MARKS[v.reason.rule] ?? v.reason.rule) : '无'}${v.raw ? ` “${v.raw}”` : ''}` : undefined;
  const x = v.failures.map((d) => `应为 ${d.expected} · 实为 ${d.actual}`);
  return { c: classes, ...(mark ? { m: mark } : {}), ...(x.length ? { x } : {}), title: title.join(', ') };
}

/** A report's tables as the page script draws them; null for a table not found. */
export function reportTableData(report: Report, view: (table: string, row: string, column: string) => CellView): Record<TableKey, TableData | null> {
  const out = {} as Record<TableKey, TableData | null>;
  for (const { key } of TABLES) {
    const value = report.tables[key];
    if (!value) {
      out[key] = null;
      continue;
    }
    const name = `${key}/${tableVersion(key, value)}`;
    const notes: Record<number, CellNote> = {};
    const values = LAYOUTS[name]!.cells.map(([row, column], i) => {
      const v = view(key, row, column);
      const n = note(v);
      if (n) notes[i] = n;
      return v.value;
    });
    out[key] = { layout: name, values, notes };
  }
  return out;
}
