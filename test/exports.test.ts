import { parseString } from 'fast-csv';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { reportToTidyRows } from '../src/export/index.js';
import { WIDE_COLUMNS } from '../src/export/wide.js';
import { CELL_COLUMNS, INDICATOR_COLUMNS } from '../src/schema/columns.js';
import { rowPath } from '../src/schema/row-path.js';
import { TABLES, TIDY_COLUMNS, type Report } from '../src/index.js';
import { cli, matchGolden } from './helpers.js';

// Each analysis format on the same reports, read back by another reader (fast-csv, read-excel-file,
// hyparquet) and held to the JSON: every cell, every indicator, every finding. Goldens of what was
// read back pin the layout (columns, headers, sheets).

const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-exports-'));
// A report whose agency a spreadsheet would run as a formula.
const injected = path.join(dir, 'injected.txt');
writeFileSync(injected, readFileSync('fixtures/synthetic/2021-tabs.txt', 'utf8').replace(/^示例县自然资源局\n/, '=HYPERLINK("http://x")示例局\n'));
const INPUTS = ['fixtures/synthetic/2019-tabs.txt', 'fixtures/synthetic/2021-tabs.txt', 'fixtures/shapes/2021-runon.txt', 'fixtures/synthetic/checks-failing.txt', 'test/bad/empty.txt', injected];
const json = await cli('parse', ...INPUTS, '-q');
// In the order the CLI writes them (by path), as every format does.
const reports = JSON.parse(json.stdout) as Report[];
const at = (file: string) => reports.findIndex((r) => r.source.path.endsWith(file));
/** Paths as the goldens hold them: the temporary folder is not part of the output's shape. */
const stable = (p: unknown) => (typeof p === 'string' ? p.replace(dir, '<tmp>') : p);

async function write(format: string): Promise<string> {
  const out = path.join(dir, `all.${format}`);
  const r = await cli('parse', ...INPUTS, '-q', '-f', format, '-o', out);
  expect(r.code).toBe(1); // test/bad/empty.txt
  return out;
}

function cellOf(report: Report, table: string, row: string, column: string): number | null {
  let node: unknown = report.tables[table as keyof Report['tables']];
  for (const part of [...rowPath(row), column]) node = (node as Record<string, unknown> | null | undefined)?.[part];
  return typeof node === 'number' ? node : null;
}

function csvRows(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text).on('data', (r: string[]) => rows.push(r)).on('error', reject).on('end', () => resolve(rows));
  });
}

it('the inputs: 2019 and 2021 layouts, run-together digits, failed checks, an unreadable file, a formula', () => {
  expect(INPUTS.map((p) => reports.find((r) => r.source.path === p)!).map((r) => [stable(r.source.path), r.status, r.report.template])).toEqual([
    ['fixtures/synthetic/2019-tabs.txt', 'ok', '2019'],
    ['fixtures/synthetic/2021-tabs.txt', 'ok', '2021'],
    ['fixtures/shapes/2021-runon.txt', 'partial', '2021'],
    ['fixtures/synthetic/checks-failing.txt', 'ok', '2021'],
    ['test/bad/empty.txt', 'failed', 'unknown'],
    ['<tmp>/injected.txt', 'ok', '2021'],
  ]);
  expect(reports[at('injected.txt')]!.report.agency).toBe('=HYPERLINK("http://x")示例局');
});

describe('--format wide: one row per report', async () => {
  const text = readFileSync(await write('wide'), 'utf8');
  const [header, ...rows] = await csvRows(text.slice(1));
  it('is UTF-8 with a BOM, the stable header, one row per report', () => {
    expect(text.startsWith('\uFEFFpath,title,agency,year,template,status,errors,warnings,publishedOn,publishedFrom,agencyKind,deadline,onTime,activeDisclosure.regulations.issued,')).toBe(true);
    expect(header).toEqual(WIDE_COLUMNS);
    // 13 fields, 29 + 182 + 15 cells of both layouts, 11 indicators.
    expect(header).toHaveLength(13 + 29 + 182 + 15 + 11);
    expect(rows).toHaveLength(reports.length);
  });
  it('every cell and indicator the JSON has; a cell the layout lacks is empty', () => {
    reports.forEach((report, i) => {
      const row = Object.fromEntries(header!.map((h, j) => [h, rows[i]![j]!]));
      for (const { key: table } of TABLES) {
        for (const c of CELL_COLUMNS[table]) {
          const v = cellOf(report, table, c.row, c.column);
          expect(row[c.key], `${report.source.path} ${c.key}`).toBe(v === null ? '' : String(v));
        }
      }
      for (const c of INDICATOR_COLUMNS) {
        const v = report.indicators[c.indicator as keyof Report['indicators']].value;
        expect(row[c.key]).toBe(v === null ? '' : String(v));
      }
      expect([row['status'], row['onTime'], row['agencyKind']]).toEqual([report.status, report.report.onTime === null ? '' : String(report.report.onTime), report.report.agencyKind]);
    });
    // The 2019 report has no 本年制发件数, the 2021 ones no 上一年项目数量.
    expect(rows[at('2019-tabs.txt')]![header!.indexOf('activeDisclosure.regulations.issued')]).toBe('');
    expect(rows[at('2019-tabs.txt')]![header!.indexOf('activeDisclosure.regulations.newlyMade')]).not.toBe('');
    expect(rows[at('2021-tabs.txt')]![header!.indexOf('activeDisclosure.licensing.previousCount')]).toBe('');
  });
  it('is formula-safe', () => {
    expect(rows[at('injected.txt')]![header!.indexOf('agency')]).toBe(`'=HYPERLINK("http://x")示例局`);
  });
  it('matches its golden', () => {
    const { expected, actual } = matchGolden('exports/wide-csv', { header, rows: rows.map((r) => r.map(stable)) });
    expect(actual).toEqual(expected);
  });
});

describe('--format xlsx: the workbook, read back by read-excel-file', async () => {
  const sheets = await readXlsxFile(await write('xlsx'));
  const byName = new Map(sheets.map((s) => [s.sheet, s.data as unknown[][]]));
  it('has a sheet per table, 指标, 问题 and 说明, each with Chinese headers over the keys', () => {
    expect(sheets.map((s) => s.sheet)).toEqual(['报告', '表二 主动公开', '表三 依申请公开', '表四 复议诉讼', '指标', '问题', '说明']);
    expect(byName.get('表三 依申请公开')![0]!.slice(0, 5)).toEqual(['文件', '机关', '年度', '格式版本', '一、本年新收政府信息公开申请数量 自然人']);
    expect(byName.get('表三 依申请公开')![1]!.slice(0, 5)).toEqual(['path', 'agency', 'year', 'template', 'applications.newReceived.naturalPerson']);
  });
  it('each table sheet holds every cell of the JSON, one row per report that has the table', () => {
    for (const { key: table } of TABLES) {
      const data = byName.get({ activeDisclosure: '表二 主动公开', applications: '表三 依申请公开', reviewLitigation: '表四 复议诉讼' }[table])!;
      const keys = data[1] as string[];
      const withTable = reports.filter((r) => r.tables[table] !== null);
      expect(data.slice(2).map((r) => r[0])).toEqual(withTable.map((r) => r.source.path));
      withTable.forEach((report, i) => {
        const row = data[i + 2]!;
        for (const c of CELL_COLUMNS[table]) expect(row[keys.indexOf(c.key)] ?? null, `${report.source.path} ${c.key}`).toBe(cellOf(report, table, c.row, c.column));
      });
    }
  });
  it('指标: every indicator with its numerator, denominator, reason and definition', () => {
    const data = byName.get('指标')!.slice(2);
    expect(data).toHaveLength(reports.length * INDICATOR_COLUMNS.length);
    const expected = reports.flatMap((r) =>
      INDICATOR_COLUMNS.map((c) => {
        const i = r.indicators[c.indicator as keyof Report['indicators']];
        return [r.source.path, r.report.agency, r.report.year, c.indicator, c.label, i.value, i.numerator, i.denominator, i.reason, i.basis.join(', ') || null, i.definition];
      }),
    );
    expect(data.map((row) => Array.from({ length: 11 }, (_, k) => row[k] ?? null))).toEqual(expected);
  });
  it('问题: every finding of every report', () => {
    const data = byName.get('问题')!.slice(2);
    expect(data).toHaveLength(reports.reduce((n, r) => n + r.diagnostics.length, 0));
    const failing = data.filter((row) => row[0] === 'fixtures/synthetic/checks-failing.txt' && row[1] === 'applications-row-total');
    // rule, severity, table, row, column, expected, actual as the JSON has them.
    expect(failing.map((row) => row.slice(1, 8))).toEqual([['applications-row-total', 'error', 'applications', 'partiallyGranted', 'total', 36, 37]]);
  });
  it('a formula-like text is a text cell, not a formula', () => {
    const row = byName.get('报告')!.find((r) => String(r[0]).endsWith('injected.txt'))!;
    expect(row[2]).toBe('=HYPERLINK("http://x")示例局');
  });
  it('matches its golden', () => {
    const { expected, actual } = matchGolden('exports/xlsx', sheets.map((s) => ({ sheet: s.sheet, data: (s.data as unknown[][]).map((r) => r.map(stable)) })));
    expect(actual).toEqual(expected);
  });
});

describe('--format parquet: the long table, read back by hyparquet', async () => {
  const file = await asyncBufferFromFile(await write('parquet'));
  const rows = await parquetReadObjects({ file });
  it('typed columns: year INT32, value DOUBLE, text UTF-8; nulls allowed where the schema allows them', async () => {
    const { schema } = await parquetMetadataAsync(file);
    expect(schema.slice(1).map((s) => [s.name, s.type, s.repetition_type])).toEqual([
      ['path', 'BYTE_ARRAY', 'REQUIRED'],
      ['agency', 'BYTE_ARRAY', 'OPTIONAL'],
      ['year', 'INT32', 'OPTIONAL'],
      ['template', 'BYTE_ARRAY', 'REQUIRED'],
      ['table', 'BYTE_ARRAY', 'REQUIRED'],
      ['row', 'BYTE_ARRAY', 'REQUIRED'],
      ['column', 'BYTE_ARRAY', 'REQUIRED'],
      ['value', 'DOUBLE', 'OPTIONAL'],
      ['raw', 'BYTE_ARRAY', 'OPTIONAL'],
    ]);
  });
  it('every value of the JSON, nulls as nulls, in the CSV order', () => {
    const expected = reports.flatMap(reportToTidyRows);
    expect(Object.keys(rows[0]!)).toEqual(TIDY_COLUMNS);
    expect(rows).toEqual(expected);
    expect(rows.some((r) => r['value'] === null)).toBe(true);
  });
});

describe('binary formats and a terminal', () => {
  it('xlsx to a terminal is refused with the way out', async () => {
    const { run } = await import('../src/cli/program.js');
    const { PassThrough } = await import('node:stream');
    const chunks: string[] = [];
    const sink = (tty: boolean) => Object.assign(new PassThrough(), { isTTY: tty });
    const stdout = sink(true);
    const stderr = sink(false);
    stderr.on('data', (c: Buffer) => chunks.push(c.toString()));
    const code = await run(['parse', 'fixtures/synthetic/2021-tabs.txt', '-f', 'xlsx'], { stdout, stderr });
    expect(code).toBe(2);
    expect(chunks.join('')).toContain('--format xlsx writes a binary file: give -o FILE, or redirect standard output');
  });
});

describe('every fixture, in every analysis format, holds the JSON values', async () => {
  // The scans are failed records here (--no-ocr): what is tested is the formats, over every shape.
  const all = JSON.parse((await cli('parse', 'fixtures', '-q', '--no-ocr')).stdout) as Report[];
  const out = (format: string) => path.join(dir, `fixtures.${format}`);
  for (const format of ['wide', 'xlsx', 'parquet']) await cli('parse', 'fixtures', '-q', '--no-ocr', '-f', format, '-o', out(format));
  const expectedCells = (r: Report, table: (typeof TABLES)[number]['key']) => CELL_COLUMNS[table].map((c) => cellOf(r, table, c.row, c.column));
  it('wide: one row per fixture, every cell', async () => {
    const [header, ...rows] = await csvRows(readFileSync(out('wide'), 'utf8').slice(1));
    expect(rows.map((r) => r[0])).toEqual(all.map((r) => r.source.path));
    all.forEach((r, i) => {
      for (const { key } of TABLES) {
        const got = CELL_COLUMNS[key].map((c) => rows[i]![header!.indexOf(c.key)]!);
        expect(got, `${r.source.path} ${key}`).toEqual(expectedCells(r, key).map((v) => (v === null ? '' : String(v))));
      }
    });
  });
  it('xlsx: each table sheet, every cell', async () => {
    const sheets = new Map((await readXlsxFile(out('xlsx'))).map((s) => [s.sheet, s.data as unknown[][]]));
    const names = { activeDisclosure: '表二 主动公开', applications: '表三 依申请公开', reviewLitigation: '表四 复议诉讼' } as const;
    for (const { key } of TABLES) {
      const rows = sheets.get(names[key])!.slice(2);
      const withTable = all.filter((r) => r.tables[key] !== null);
      expect(rows.map((r) => r[0])).toEqual(withTable.map((r) => r.source.path));
      withTable.forEach((r, i) => expect(rows[i]!.slice(4).map((v) => v ?? null), `${r.source.path} ${key}`).toEqual(expectedCells(r, key)));
    }
  });
  it('parquet: the tidy rows of every fixture', async () => {
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(out('parquet')) });
    expect(rows).toEqual(all.flatMap(reportToTidyRows));
  });
});
