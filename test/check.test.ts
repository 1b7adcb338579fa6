import { describe, expect, it } from 'vitest';
import { CROSS_RULES, runCrossChecks, sameAgency } from '../src/checks/cross/index.js';
import { repeatedShare } from '../src/checks/cross/index.js';
import { RULE_IDS } from '../src/checks/ids.js';
import { RULES } from '../src/checks/index.js';
import { parseFile, type Report } from '../src/index.js';
import { cli } from './helpers.js';
import { shared, sharedPath } from './shared.js';

const outcome = (r: Report, rule: string) => r.checks.find((c) => c.rule === rule)?.outcome;

// Each rule: a fixture where it passes, one where it fails, one where it cannot be assessed.
const SINGLE: Record<string, [string, string, string | null]> = {
  'applications-balance': ['synthetic/2021-tabs.txt', 'synthetic/checks-failing.txt', 'shapes/2021-blanklines.txt'],
  'applications-row-total': ['synthetic/2021-tabs.txt', 'synthetic/checks-failing.txt', 'synthetic/2019-fullwidth-placeholders.txt'],
  'applications-outcome-total': ['synthetic/2021-tabs.txt', 'synthetic/checks-failing.txt', 'synthetic/2019-fullwidth-placeholders.txt'],
  'review-litigation-total': ['synthetic/2021-tabs.txt', 'synthetic/checks-failing.txt', 'synthetic/missing-parts.txt'],
  'template-year-mismatch': ['synthetic/2021-tabs.txt', 'synthetic/checks-failing.txt', 'checks/mixed-template.txt'],
  // A document has a heading or a table or it has not: these two are always assessable.
  'missing-section': ['synthetic/2021-tabs.txt', 'synthetic/missing-parts.txt', null],
  'missing-table': ['synthetic/2021-tabs.txt', 'synthetic/missing-parts.txt', null],
  'blank-cells': ['synthetic/2021-tabs.txt', 'synthetic/2019-fullwidth-placeholders.txt', 'synthetic/missing-parts.txt'],
  'fee-not-reported': ['checks/fee-reported.txt', 'checks/fee-not-reported.txt', 'checks/fee-unknown.txt'],
  'overview-figures': ['checks/overview-matches.txt', 'checks/overview-differs.txt', 'synthetic/2021-tabs.txt'],
};

describe('rule ids', () => {
  it('the list the CLI validates --rules against is exactly the rules that run', () => {
    expect([...RULES, ...CROSS_RULES].map((r) => r.id)).toEqual([...RULE_IDS]);
  });
});

describe('every single-report rule passes, fails, and says when it cannot be assessed', () => {
  it('covers every registered rule', () => {
    expect(Object.keys(SINGLE).sort()).toEqual(RULES.map((r) => r.id).sort());
  });
  for (const [rule, [pass, fail, na]] of Object.entries(SINGLE)) {
    it(rule, async () => {
      expect(outcome(await parseFile(`fixtures/${pass}`), rule)).toBe('passed');
      expect(outcome(await parseFile(`fixtures/${fail}`), rule)).toBe('failed');
      if (na) expect(outcome(await parseFile(`fixtures/${na}`), rule)).toBe('not-assessable');
    });
  }
  it('fee-not-reported does not apply to the 2019 layout', async () => {
    expect(outcome(await parseFile('fixtures/synthetic/2019-tabs.txt'), 'fee-not-reported')).toBe('not-applicable');
  });
  it('overview-figures names both figures when they differ', async () => {
    const r = await parseFile('fixtures/checks/overview-differs.txt');
    const d = r.diagnostics.find((x) => x.rule === 'overview-figures')!;
    expect(d).toMatchObject({ severity: 'warning', where: { table: 'applications', row: 'newReceived', column: 'total', section: 1 } });
    expect(Number(d.actual) - Number(d.expected)).toBe(100);
  });
});

describe('cross-year rules', () => {
  const pairOf = async (name: string) => runCrossChecks([await parseFile(`fixtures/checks/${name}-2021.txt`), await parseFile(`fixtures/checks/${name}-2022.txt`)]);
  it.each(CROSS_RULES.map((r) => r.id))('%s passes (town), fails (village), cannot be assessed (county)', async (rule) => {
    const get = async (name: string) => (await pairOf(name))[0]!.checks.find((c) => c.rule === rule)!.outcome;
    expect(await get('town')).toBe('passed');
    expect(await get('village')).toBe('failed');
    if (rule !== 'repeated-text') expect(await get('county')).toBe('not-assessable');
  });
  it('repeated-text cannot be assessed without section text, and measures the share copied', () => {
    expect(repeatedShare('', '')).toBeNull();
    expect(repeatedShare('甲乙丙丁戊己庚辛。壬癸子丑寅卯辰巳。', '甲乙丙丁戊己庚辛。午未申酉戌亥天地。')).toBe(0.5);
  });
  it('names what broke: column, years, expected and actual', async () => {
    const [pair] = await pairOf('village');
    expect(pair!.diagnostics.filter((d) => d.rule === 'carry-over')[0]).toMatchObject({
      severity: 'warning',
      message: '示例乡人民政府 2021 → 2022: 表三 column 自然人: 2021 结转下年度 3, but 2022 上年结转 4',
      where: { table: 'applications', row: 'carriedOver', column: 'naturalPerson' },
      expected: 3,
      actual: 4,
    });
  });
  it.skipIf(!shared('real/hzq2023.pdf') || !shared('real/hzq2024.pdf'))('the real 洪泽区 PDFs (../shared/real), 2023 → 2024: the agency is matched with and without its city', async () => {
    const results = runCrossChecks([await parseFile(sharedPath('real/hzq2023.pdf')), await parseFile(sharedPath('real/hzq2024.pdf'))]);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ agency: '洪泽区人民政府', earlier: { year: 2023 }, later: { year: 2024 } });
    // 结转 0 → 上年结转 0 in every column; 现行有效 5 + 制发 3 − 废止 0 = 8; under half of any section repeated.
    expect(results[0]!.checks).toEqual([
      { rule: 'carry-over', outcome: 'passed' },
      { rule: 'in-force-continuity', outcome: 'passed' },
      { rule: 'repeated-text', outcome: 'passed' },
    ]);
    expect(sameAgency('淮安市洪泽区人民政府', '洪泽区人民政府')).toBe(true);
    expect(sameAgency('洪泽区人民政府', '洪泽区交通运输局')).toBe(false);
  });
});

describe('gov-report check', () => {
  it('renders a readable, stable audit without colour codes when not on a terminal', async () => {
    const r = await cli('check', 'fixtures/synthetic/checks-failing.txt', '--ignore', 'overview-figures');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stdout).toBe(`✗ fixtures/synthetic/checks-failing.txt  示例县自然资源局 · 2020 · 2021 layout
    ✗ applications-balance (error)
        表三 column 自然人 (naturalPerson): 本年新收 + 上年结转 = 333, but （七）总计 + 结转下年度 = 335
        applications total/naturalPerson · line 52 · expected 333 · actual 335
        表三 column 总计 (total): 本年新收 + 上年结转 = 869, but （七）总计 + 结转下年度 = 871
        applications total/total · line 52 · expected 869 · actual 871
    ✗ applications-row-total (error)
        表三 row （二）部分公开（区分处理的，只计这一情形，不计其他情形） (partiallyGranted): the six applicant columns sum to 36, but 总计 is 37
        applications partiallyGranted/total · line 32 · expected 36 · actual 37
    ✗ applications-outcome-total (error)
        表三 column 总计 (total): the outcome rows sum to 858, but （七）总计 is 857
        applications total/total · line 52 · expected 858 · actual 857
    ✗ review-litigation-total (error)
        表四 行政复议 (review): 维持 + 纠正 + 其他 + 尚未审结 = 8, but 总计 is 9
        reviewLitigation review/total · line 60 · expected 8 · actual 9
    ✗ template-year-mismatch (warning)
        report for 2020 uses the 2021 layout; 2019 was expected
        expected 2019 · actual 2021
    ✓ 4 passed

Summary: 1 report checked: 0 passed, 1 failed, 0 not assessable
  rule                        severity  passed  failed  not assessable  n/a
  applications-balance        error          0       1               0    0
  applications-row-total      error          0       1               0    0
  applications-outcome-total  error          0       1               0    0
  review-litigation-total     error          0       1               0    0
  template-year-mismatch      warning        0       1               0    0
  missing-section             warning        1       0               0    0
  missing-table               warning        1       0               0    0
  blank-cells                 warning        1       0               0    0
  fee-not-reported            warning        1       0               0    0
`);
  });
  it('exits 0 when only warnings and infos failed, 1 on an error rule, 2 on an unknown rule', async () => {
    expect((await cli('check', 'fixtures/checks/fee-not-reported.txt')).code).toBe(0);
    expect((await cli('check', 'fixtures/synthetic/checks-failing.txt', '--rules', 'missing-table,blank-cells')).code).toBe(0);
    expect((await cli('check', 'fixtures/synthetic/checks-failing.txt')).code).toBe(1);
    const bad = await cli('check', 'fixtures', '--rules', 'no-such-rule');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--rules: unknown rule no-such-rule');
  });
  it('gives the same as data: ndjson lines of reports, pairs and a summary; json in one object', async () => {
    const nd = await cli('check', 'fixtures/checks', '-f', 'ndjson');
    const lines = nd.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type)).toEqual([...Array(12).fill('report'), 'cross', 'cross', 'cross', 'summary']);
    const summary = lines.at(-1);
    expect(summary).toMatchObject({ reports: 12, rules: { 'carry-over': { passed: 1, failed: 1, notAssessable: 1 } } });
    const json = JSON.parse((await cli('check', 'fixtures/checks', '-f', 'json')).stdout);
    expect(json.summary).toEqual(summary);
    expect(json.across.map((c: { agency: string; verdict: string }) => [c.agency, c.verdict])).toEqual([
      ['示例乡人民政府', 'failed'],
      ['示例区司法局', 'not-assessable'],
      ['示例镇人民政府', 'passed'],
    ]);
  });
});
