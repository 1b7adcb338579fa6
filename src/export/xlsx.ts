import writeXlsxFile, { type Cell, type Row, type Sheet } from 'write-excel-file/node';
import { CELL_COLUMNS, INDICATOR_COLUMNS, INFO_COLUMNS } from '../schema/columns.js';
import type { Report } from '../schema/index.js';
import { TABLES, type TableKey } from '../schema/template.js';
import type { FileBuilder } from './writers.js';
import { reportInfoRow, tableRow, type Scalar } from './wide.js';

/**
 * The workbook office staff open: 报告 (one row per report), a sheet per table (one row per
 * report, the template's cells as columns), 指标, 问题 (every finding), 说明 (what each column
 * means). Headers are two rows: the Chinese label, then the key the JSON and CSV use.
 */
export const SHEETS = { reports: '报告', indicators: '指标', findings: '问题', columns: '说明' } as const;
export const TABLE_SHEETS: Record<TableKey, string> = { activeDisclosure: '表二 主动公开', applications: '表三 依申请公开', reviewLitigation: '表四 复议诉讼' };

/** Columns every per-report sheet starts with, so a row can be told apart without 报告. */
const KEY_INFO = INFO_COLUMNS.filter((c) => ['path', 'agency', 'year', 'template'].includes(c.key));

const FINDING_COLUMNS = [
  ['path', '文件'],
  ['rule', '规则'],
  ['severity', '严重程度'],
  ['table', '表'],
  ['row', '行'],
  ['column', '列'],
  ['expected', '应为'],
  ['actual', '实为'],
  ['page', '页'],
  ['line', '行号'],
  ['message', '说明'],
] as const;

const INDICATOR_SHEET_COLUMNS = [
  ['path', '文件'],
  ['agency', '机关'],
  ['year', '年度'],
  ['indicator', '指标'],
  ['label', '名称'],
  ['value', '值'],
  ['numerator', '分子'],
  ['denominator', '分母'],
  ['reason', '无值原因'],
  ['basis', '依据说明'],
  ['definition', '定义'],
] as const;

const bold = (value: string): Cell => ({ value, fontWeight: 'bold' });
const header = (pairs: ReadonlyArray<readonly [string, string]>): Row[] => [pairs.map(([, label]) => bold(label)), pairs.map(([key]) => key)];
const cell = (v: Scalar | undefined): Cell => (v === null || v === undefined ? null : v);

export function workbookBuilder(): FileBuilder {
  const reports: Row[] = [];
  const tables: Record<TableKey, Row[]> = { activeDisclosure: [], applications: [], reviewLitigation: [] };
  const indicators: Row[] = [];
  const findings: Row[] = [];
  return {
    add(report: Report) {
      const info = reportInfoRow(report);
      reports.push(info.map(cell));
      const keyInfo = KEY_INFO.map((c) => cell(info[INFO_COLUMNS.indexOf(c)]));
      for (const { key } of TABLES) if (report.tables[key]) tables[key].push([...keyInfo, ...tableRow(report, key).map(cell)]);
      for (const c of INDICATOR_COLUMNS) {
        const i = report.indicators[c.indicator as keyof Report['indicators']];
        const value: Cell = i.value === null ? null : { value: i.value, format: '0.00%' };
        indicators.push([keyInfo[0]!, keyInfo[1]!, keyInfo[2]!, c.indicator, c.label, value, cell(i.numerator), cell(i.denominator), cell(i.reason), i.basis.join(', ') || null, i.definition]);
      }
      for (const d of report.diagnostics) {
        const w = d.where ?? {};
        const values: Record<string, Scalar | undefined> = { path: report.source.path, rule: d.rule, severity: d.severity, ...w, expected: d.expected, actual: d.actual, message: d.message };
        findings.push(FINDING_COLUMNS.map(([key]) => cell(values[key])));
      }
    },
    async finish() {
      const sheets: Sheet<never>[] = [
        sheet(SHEETS.reports, [...header(INFO_COLUMNS.map((c) => [c.key, c.label])), ...reports]),
        ...TABLES.map(({ key }) =>
          sheet(TABLE_SHEETS[key], [
            [...KEY_INFO.map((c) => bold(c.label)), ...CELL_COLUMNS[key].map((c) => bold(`${c.rowLabel} ${c.columnLabel}`))],
            [...KEY_INFO.map((c) => c.key), ...CELL_COLUMNS[key].map((c) => c.key)],
            ...tables[key],
          ]),
        ),
        sheet(SHEETS.indicators, [...header(INDICATOR_SHEET_COLUMNS), ...indicators]),
        sheet(SHEETS.findings, [...header(FINDING_COLUMNS), ...findings]),
        sheet(SHEETS.columns, columnsSheet()),
      ];
      return new Uint8Array(await writeXlsxFile(sheets).toBuffer());
    },
  };
}

function sheet(name: string, data: Row[]): Sheet<never> {
  return { sheet: name, data, stickyRowsCount: 2 };
}

/** 说明: every column of every sheet with its label and meaning. */
function columnsSheet(): Row[] {
  const rows: Row[] = [[bold('表'), bold('列'), bold('中文'), bold('含义')], ['sheet', 'key', 'label', 'description']];
  for (const c of INFO_COLUMNS) rows.push([SHEETS.reports, c.key, c.label, c.description]);
  for (const { key, label } of TABLES) {
    for (const c of CELL_COLUMNS[key]) {
      const only = c.layouts.length === 1 ? `; only in the ${c.layouts[0]} layout` : '';
      rows.push([TABLE_SHEETS[key], c.key, `${c.rowLabel} ${c.columnLabel}`, `${label}: row ${c.rowLabel}, column ${c.columnLabel}${only}`]);
    }
  }
  for (const c of INDICATOR_COLUMNS) rows.push([SHEETS.indicators, c.indicator, c.label, c.description]);
  rows.push([SHEETS.findings, 'rule', '规则', 'The rule id, as in shared/spec/annual-report.md']);
  return rows;
}
