import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOT_ONE_FIXTURES, REAL_SHAPE_FIXTURES } from '../scripts/synthetic/fixtures.js';
import { DERIVED_FIXTURES, PDF_FIXTURES } from '../scripts/synthetic/pdf-fixtures.js';
import { expectedTables, type Spec } from '../scripts/synthetic/spec.js';
import { bytesToDocument, documentToReport, parseFile, type Report } from '../src/index.js';
import { flatCells } from './helpers.js';
import { oracle } from './oracle.js';

// The text shapes real collections hold (issue #12), made by recipes from specified reports of
// ours: every cell must be the specification's value, or null with a diagnostic naming why.


/** Null cells and the reading rule that says why, keyed `table.row.column`. */
function nullReasons(r: Report): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of r.diagnostics) {
    const w = d.where;
    if (!w?.table || !w.row || !w.column) continue;
    const key = `${w.table}.${w.row}.${w.column}`;
    out.set(key, [...(out.get(key) ?? []), d.rule]);
  }
  return out;
}

/** right / null / wrong against a specification; every null must carry a reading diagnostic. */
function score(r: Report, spec: Spec) {
  const expected = flatCells(expectedTables(spec, oracle));
  const actual = flatCells(r.tables);
  const reasons = nullReasons(r);
  const result = { right: 0, null: 0, wrong: [] as string[], unexplained: [] as string[] };
  for (const [key, want] of Object.entries(expected)) {
    const got = actual[key];
    if (got === want && (want !== null || reasons.has(key))) result.right++;
    else if (got === null) {
      result.null++;
      const why = reasons.get(key) ?? [];
      if (!why.some((w) => ['value-ambiguous', 'value-unreadable', 'value-missing', 'value-blank'].includes(w))) result.unexplained.push(key);
    } else result.wrong.push(`${key}: ${got} (expected ${want})`);
  }
  return result;
}

const shapes = await Promise.all(REAL_SHAPE_FIXTURES.map(async (f) => ({ f, r: await parseFile(path.join('fixtures/shapes', f.file)) })));
const get = (file: string) => shapes.find((s) => s.f.file === file)!.r;

describe('every shape: each cell right, or null saying why; never a different number', () => {
  it.each(shapes.map((s) => [s.f.file, s] as const))('%s', (_file, { f, r }) => {
    const s = score(r, f.spec);
    expect(s.wrong).toEqual([]);
    expect(s.unexplained).toEqual([]);
    expect(r.report).toMatchObject({ agency: f.spec.agency, year: f.spec.year, template: f.spec.version });
    expect(r.sections.map((x) => x.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('shapes whose cell boundaries survive are read whole', () => {
  it.each(['2019-blanklines.txt', '2021-blanklines.txt', '2019-markdown.md', '2021-markdown.md', '2019-midline.txt', '2021-midline.txt', '2021-outline.txt', '2021-cells-joined.txt'])('%s', (file) => {
    const { f, r } = shapes.find((s) => s.f.file === file)!;
    const s = score(r, f.spec);
    expect(s.null).toBe(0);
    expect(r.status).toBe('ok');
  });
  it('an empty cell in the blank-line shape is one blank line more: the blank 总计 of 上年结转, the others in place', () => {
    const r = get('2021-blanklines.txt');
    expect(r.diagnostics.filter((d) => d.rule === 'value-blank')).toEqual([
      expect.objectContaining({ where: expect.objectContaining({ table: 'applications', row: 'carriedOver', column: 'total' }) }),
    ]);
  });
  it('markdown: the five 表三 rows whose label cells were lost are placed by position, and say so', () => {
    const r = get('2021-markdown.md');
    expect(r.diagnostics.filter((d) => d.rule === 'row-by-position').map((d) => d.where?.row)).toEqual([
      'partiallyGranted',
      'denied.prohibitedByLaw',
      'unable.notHeld',
      'unable.needsCreation',
      'notProcessed.confirmOrReissue',
    ]);
    expect(r.source.format).toBe('md');
  });
});

describe('a lost line leaves its rows null, never its neighbours\' values', () => {
  const nullRows = (r: Report) => [...new Set(Object.entries(flatCells(r.tables.applications)).filter(([, v]) => v === null).map(([k]) => k.replace(/\.[^.]+$/, '')))];
  it('markdown without the row 8.属于行政查询事项: the two label-less rows after it could be any two of three', () => {
    const r = get('2021-markdown-lost-row.md');
    expect(nullRows(r)).toEqual(['denied.administrativeQuery', 'unable.notHeld', 'unable.needsCreation']);
    expect(flatCells(r.tables.applications)).toMatchObject({
      'denied.enforcementFiles.naturalPerson': 15, 'denied.enforcementFiles.otherOrganization': 9, 'denied.enforcementFiles.total': 41,
      'unable.unclearAfterCorrection.naturalPerson': 0, 'unable.unclearAfterCorrection.total': 23,
    });
    expect(r.diagnostics.filter((d) => d.rule === 'unknown-row')).toHaveLength(2);
  });
  it('-layout text without the values of 5.要求行政机关确认…: that row null, the row under （六） read by its own label', () => {
    const r = get('2021-midline-lost-values.txt');
    expect(nullRows(r)).toEqual(['notProcessed.confirmOrReissue']);
    expect(flatCells(r.tables.applications)).toMatchObject({
      'otherHandling.overdueCorrection.naturalPerson': 30, 'otherHandling.overdueCorrection.total': 48,
      'otherHandling.unpaidFee.naturalPerson': 18, 'otherHandling.unpaidFee.total': 49,
    });
  });
});

describe('run-together text (textContent): digits split by the template', () => {
  const r = get('2021-runon.txt');
  it('splits 表三 completely, the row totals it used reported as not assessable', () => {
    const s = score(r, REAL_SHAPE_FIXTURES.find((f) => f.file === '2021-runon.txt')!.spec);
    expect(s.wrong).toEqual([]);
    const t3 = flatCells(r.tables.applications);
    expect(Object.values(t3).every((v) => v !== null)).toBe(true);
    const rowTotal = r.checks.find((c) => c.rule === 'applications-row-total')!;
    expect(rowTotal.outcome).toBe('not-assessable');
    expect(rowTotal.message).toContain('used to split run-together digits');
  });
  it('says how each run was split', () => {
    const splits = r.diagnostics.filter((d) => d.rule === 'value-split');
    expect(splits.length).toBeGreaterThan(20);
    expect(splits.every((d) => d.severity === 'info' && /read as/.test(d.message) || /agrees/.test(d.message))).toBe(true);
  });
  it('lists the readings of a run no relation decides (表二 counts have none)', () => {
    const amb = r.diagnostics.filter((d) => d.rule === 'value-ambiguous' && d.where?.row === 'regulations');
    expect(amb).toHaveLength(3);
    expect(amb[0]!.message).toMatch(/readings: .+ \| .+/);
  });
});

describe('run-together 表二 that fills in 处理决定数量 = 上一年项目数量 + 本年增/减', () => {
  const r = get('2019-runon-decisions.txt');
  it('one row the digits alone decide shows the relation, and it splits the rows that cut two ways', () => {
    expect(r.tables.activeDisclosure).toMatchObject({
      licensing: { previousCount: 100, change: -100, decisions: 0 },
      otherServices: { previousCount: 54, change: 12, decisions: 66 },
      penalty: { previousCount: 57, change: 8, decisions: 65 },
      coercion: { previousCount: 40, change: -9, decisions: 31 },
    });
    const split = (row: string) => r.diagnostics.find((d) => d.rule === 'value-split' && d.where?.row === row)!.message;
    expect(split('licensing')).toContain('the only split the digits allow');
    for (const row of ['otherServices', 'penalty', 'coercion']) expect(split(row)).toContain(`the only split satisfying row `);
    expect(r.diagnostics.filter((d) => d.rule === 'value-ambiguous' && ['otherServices', 'penalty', 'coercion'].includes(d.where?.row ?? ''))).toEqual([]);
  });
});

describe('run-together text whose blank cells vanished', () => {
  const r = get('2021-runon-blanks.txt');
  it('a row label with no digits after it is blank', () => {
    expect(r.tables.activeDisclosure).toMatchObject({ coercion: { decisions: null } });
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ rule: 'value-blank', where: expect.objectContaining({ row: 'coercion' }) }));
  });
  it('a row one cell short is unreadable: no split satisfies its total', () => {
    const t = r.diagnostics.filter((d) => d.where?.row === 'denied.enforcementFiles').map((d) => d.rule);
    expect(new Set(t)).toEqual(new Set(['value-unreadable']));
  });
});

describe.each([
  ['2021-crawler.txt', '示例县自然资源局2023年度政府信息公开工作年度报告'],
  ['2019-crawler.txt', '示例市交通运输局2020年度政府信息公开工作年度报告'],
])("an archive's header block: %s", (file, title) => {
  const r = get(file);
  it('gives the title when the body has none, and is not read as the report', () => {
    expect(r.report.title).toBe(title);
    expect(r.sections[0]!.text).not.toContain('发布时间');
  });
});

describe.each(['2021-outline.txt', '2019-outline.txt'])('an outline of its own: %s', (file) => {
  const r = get(file);
  it('maps its headings to the six sections by their words and warns once', () => {
    expect(r.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '三、主动公开工作情况',
      '四、政府信息公开申请情况',
      '三、政府信息公开行政复议、行政诉讼情况',
      '四、存在的主要问题及改进情况',
      '五、其他需要报告的事项',
    ]);
    expect(r.diagnostics.filter((d) => d.rule === 'nonstandard-outline' || d.rule === 'missing-section').map((d) => d.rule)).toEqual(['nonstandard-outline']);
    expect(r.sections[0]!.text).toContain('及时更新政府信息公开指南');
  });
});

describe('pdftotext reading-order text of our PDFs', async () => {
  const derived = await Promise.all(DERIVED_FIXTURES.map(async (d) => ({ d, r: await parseFile(path.join('fixtures/derived', d.file)) })));
  it.each(derived.map((x) => [x.d.file, x] as const))('%s: never a wrong cell', (_f, { d, r }) => {
    const spec = PDF_FIXTURES.find((p) => p.file === d.from)!.spec;
    const s = score(r, spec);
    expect(s.wrong).toEqual([]);
    expect(s.unexplained).toEqual([]);
    // Blank cells vanish from this shape: only the PDF with blank cells, and the text that lost a line, lose rows.
    if (!d.loses) expect(s.null).toBe(0);
    else expect(s.right).toBeGreaterThan(100);
  });
});

describe('reading order with a value lost before the next block of 表二', () => {
  it('行政强制 without its value is null, not given the amount after the header of 第二十条第（八）项; that amount, before its label, is missing, not blank', async () => {
    const r = await parseFile('fixtures/derived/2021-ruled.raw-lost-value.txt');
    expect(r.tables.activeDisclosure).toMatchObject({ licensing: { decisions: 357 }, penalty: { decisions: 259 }, coercion: { decisions: null }, fees: { amount: null } });
    const why = (row: string) => r.diagnostics.filter((d) => d.where?.row === row).map((d) => d.rule);
    expect(why('coercion')).toEqual(['value-missing']);
    expect(why('fees')).toEqual(['value-missing']);
  });
  it('without that header too, the amount 57.41 is refused as 行政强制\'s count: not a whole number', async () => {
    const text = readFileSync('fixtures/derived/2021-ruled.raw-lost-value.txt', 'utf8').replace('第二十条第（八）项\n', '');
    const r = documentToReport(await bytesToDocument('lost-header.txt', Buffer.from(text)));
    expect(r.tables.activeDisclosure).toMatchObject({ coercion: { decisions: null } });
    expect(r.raw.activeDisclosure).toMatchObject({ coercion: { decisions: '57.41' } });
    const d = r.diagnostics.find((x) => x.where?.row === 'coercion')!;
    expect(d).toMatchObject({ rule: 'value-unreadable', severity: 'error', actual: '57.41' });
    expect(d.message).toContain('not a whole number');
  });
});

describe('documents that are not one report: a failed record saying which', async () => {
  const rules: Record<string, string> = { 'two-reports.txt': 'several-reports', 'report-list.txt': 'report-list', 'blank-template.txt': 'blank-template' };
  for (const f of NOT_ONE_FIXTURES) {
    const r = await parseFile(path.join('test/bad/not-one', f.file));
    it(f.file, () => {
      expect(r.status).toBe('failed');
      expect(r.diagnostics.map((d) => d.rule)).toEqual([rules[f.file]]);
    });
  }
});
