import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../scripts/synthetic/fixtures.js';
import { expectedTables } from '../scripts/synthetic/spec.js';
import { parseFile, type Report } from '../src/index.js';
import { oracle } from './oracle.js';

const parsed = new Map<string, Report>();
for (const f of FIXTURES) parsed.set(f.file, await parseFile(path.join('fixtures/synthetic', f.file)));
const get = (file: string) => parsed.get(file)!;
const outcomes = (r: Report) => Object.fromEntries(r.checks.map((c) => [c.rule, c.outcome]));

describe('hand-made fixtures parse back to their specification', () => {
  it.each(FIXTURES.map((f) => [f.file, f] as const))('%s', (file, f) => {
    const r = get(file);
    const expected = expectedTables(f.spec, oracle);
    expect(r.tables.activeDisclosure).toEqual(expected.activeDisclosure);
    expect(r.tables.applications).toEqual(expected.applications);
    expect(r.tables.reviewLitigation).toEqual(file === 'missing-parts.txt' ? null : expected.reviewLitigation);
    expect(r.report).toMatchObject({
      title: `${f.spec.agency}${f.spec.year}年政府信息公开工作年度报告`,
      agency: f.spec.agency,
      year: f.spec.year,
      template: f.spec.version,
    });
  });
});

describe('rules pass on consistent reports of both layouts in every shape', () => {
  it.each(['2019-tabs.txt', '2019-cells.txt', '2019-layout.txt', '2021-tabs.txt', '2021-cells.txt', '2021-layout.txt', '2021-gb18030.txt'])('%s', (file) => {
    const r = get(file);
    expect(r.status).toBe('ok');
    // The generated prose states no figures, so overview-figures cannot be assessed; fees are a 2021 matter.
    for (const c of r.checks) {
      const expected = c.rule === 'overview-figures' ? 'not-assessable' : c.rule === 'fee-not-reported' && file.startsWith('2019') ? 'not-applicable' : 'passed';
      expect(c.outcome, c.rule).toBe(expected);
    }
    expect(r.diagnostics.map((d) => [d.severity, d.rule])).toEqual([['info', 'overview-figures']]);
    expect(r.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('checks-failing.txt: each rule fails where the cell was changed', () => {
  const r = get('checks-failing.txt');
  const t3 = FIXTURES.find((f) => f.file === 'checks-failing.txt')!.spec.t3;
  const n = (row: string, c: number) => Number(t3[row]![c]);
  const text = readFileSync('fixtures/synthetic/checks-failing.txt', 'utf8').split('\n');
  const lineOf = (label: string) => text.findIndex((l) => l.includes(label)) + 1;
  const failures = (rule: string) =>
    r.diagnostics.filter((d) => d.rule === rule && d.severity !== 'info').map((d) => ({ where: d.where, expected: d.expected, actual: d.actual }));

  it('reports every rule failed, and the reading itself ok', () => {
    expect(outcomes(r)).toEqual({
      'applications-balance': 'failed',
      'applications-row-total': 'failed',
      'applications-outcome-total': 'failed',
      'review-litigation-total': 'failed',
      'template-year-mismatch': 'failed',
      'missing-section': 'passed',
      'missing-table': 'passed',
      'blank-cells': 'passed',
      'fee-not-reported': 'passed',
      'overview-figures': 'not-assessable',
    });
    expect(r.status).toBe('ok');
  });
  it('applications-balance: 自然人 and 总计 columns, off by 2', () => {
    expect(failures('applications-balance')).toEqual(
      [0, 6].map((c) => ({
        where: { table: 'applications', row: 'total', column: c === 0 ? 'naturalPerson' : 'total', line: lineOf('（七）总计') },
        expected: n('newReceived', c) + n('carriedOver', c),
        actual: n('total', c) + n('carriedForward', c),
      })),
    );
    expect(n('total', 0) + n('carriedForward', 0) - (n('newReceived', 0) + n('carriedOver', 0))).toBe(2);
  });
  it('applications-row-total: （二）部分公开 总计 one too many', () => {
    const sum = [0, 1, 2, 3, 4, 5].reduce((a, c) => a + n('partiallyGranted', c), 0);
    expect(failures('applications-row-total')).toEqual([
      { where: { table: 'applications', row: 'partiallyGranted', column: 'total', line: lineOf('（二）部分公开') }, expected: sum, actual: sum + 1 },
    ]);
  });
  it('applications-outcome-total: 总计 column', () => {
    expect(failures('applications-outcome-total')).toEqual([
      { where: { table: 'applications', row: 'total', column: 'total', line: lineOf('（七）总计') }, expected: n('total', 6) + 1, actual: n('total', 6) },
    ]);
  });
  it('review-litigation-total: 行政复议', () => {
    expect(failures('review-litigation-total')).toMatchObject([{ where: { table: 'reviewLitigation', row: 'review', column: 'total' } }]);
    const d = r.diagnostics.find((x) => x.rule === 'review-litigation-total')!;
    expect(Number(d.actual) - Number(d.expected)).toBe(1);
    expect(d.severity).toBe('error');
  });
  it('template-year-mismatch: a 2020 report in the 2021 layout is a warning', () => {
    expect(r.diagnostics.filter((d) => d.rule === 'template-year-mismatch')).toEqual([
      expect.objectContaining({ severity: 'warning', expected: '2019', actual: '2021' }),
    ]);
  });
});

describe('missing-parts.txt: missing section and table', () => {
  const r = get('missing-parts.txt');
  it('fails missing-section and missing-table, and cannot assess 表四', () => {
    expect(outcomes(r)).toMatchObject({ 'missing-section': 'failed', 'missing-table': 'failed', 'review-litigation-total': 'not-assessable', 'applications-balance': 'passed' });
    expect(r.diagnostics.filter((d) => d.rule.startsWith('missing-'))).toEqual([
      expect.objectContaining({ rule: 'missing-table', severity: 'warning', where: { table: 'reviewLitigation' } }),
      expect.objectContaining({ rule: 'missing-section', severity: 'warning', where: { section: 5 } }),
    ]);
    expect(r.status).toBe('partial');
  });
});

describe('2019-fullwidth-placeholders.txt: value forms and placeholders', () => {
  const r = get('2019-fullwidth-placeholders.txt');
  it('detects the BOM and keeps the raw text beside each value', () => {
    expect(r.source.encoding).toBe('utf-8-bom');
    expect((r.raw.activeDisclosure as Record<string, Record<string, string>>)['procurement']!['amount']).toBe('251000元');
    expect((r.raw.activeDisclosure as Record<string, Record<string, string>>)['licensing']!['change']).toBe('＋５');
  });
  it('flags every placeholder and blank cell, naming table, row and column', () => {
    const flagged = r.diagnostics
      .filter((d) => d.rule === 'value-placeholder' || d.rule === 'value-blank')
      .map((d) => [d.rule, d.where?.table, d.where?.row, d.where?.column, d.actual ?? null]);
    expect(flagged).toEqual([
      ['value-placeholder', 'activeDisclosure', 'otherServices', 'change', '—'],
      ['value-blank', 'activeDisclosure', 'coercion', 'decisions', null],
      ['value-placeholder', 'applications', 'denied.stateSecret', 'commercialEnterprise', '-'],
      ['value-placeholder', 'applications', 'unable.notHeld', 'socialWelfareOrganization', '/'],
      ['value-placeholder', 'applications', 'notProcessed.duplicate', 'total', '无'],
      ['value-blank', 'reviewLitigation', 'litigationDirect', 'other', null],
    ]);
  });
  it('says which rules it could not assess, and never passes them', () => {
    expect(outcomes(r)).toMatchObject({
      'applications-balance': 'passed',
      'applications-row-total': 'not-assessable',
      'applications-outcome-total': 'not-assessable',
      'review-litigation-total': 'not-assessable',
    });
    const na = r.checks.find((c) => c.rule === 'applications-row-total')!;
    expect(na.message).toBe('not assessable: row 1.属于国家秘密, row 1.本机关不掌握相关政府信息, row 2.重复申请');
    expect(r.status).toBe('ok');
  });
});

describe('2021-gb18030.txt', () => {
  it('is decoded as GB18030', () => {
    expect(get('2021-gb18030.txt').source.encoding).toBe('gb18030');
  });
});
