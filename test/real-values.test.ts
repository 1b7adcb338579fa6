import { expect, it } from 'vitest';
import { parseFile, type Report } from '../src/index.js';
import { describeShared, pdftotext, SEEDS, sharedPath } from './shared.js';

// Values typed in by hand from the sources (seed text; 洪泽区 PDFs as rendered), independent of
// the golden files, so a blind golden update cannot change them unnoticed.

type Grid = Record<string, unknown>;
const t3 = (r: Report) => r.tables.applications as Grid;
const row = (...v: number[]) => ({
  naturalPerson: v[0], commercialEnterprise: v[1], researchInstitution: v[2], socialWelfareOrganization: v[3],
  legalServiceOrganization: v[4], otherOrganization: v[5], total: v[6],
});
const group = (...v: number[]) => ({ upheld: v[0], corrected: v[1], other: v[2], pending: v[3], total: v[4] });
const zeros = row(0, 0, 0, 0, 0, 0, 0);
const nulls = { naturalPerson: null, commercialEnterprise: null, researchInstitution: null, socialWelfareOrganization: null, legalServiceOrganization: null, otherOrganization: null, total: null };

/** Every 表三 row key of a report, dotted. */
function rowsOf(grid: Grid, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(grid)) {
    const first = Object.values(v as Grid)[0];
    if (first !== null && typeof first === 'object') Object.assign(out, rowsOf(v as Grid, `${prefix}${k}.`));
    else out[prefix + k] = v;
  }
  return out;
}

describeShared('seed 003 吴忠市 2020 (tab-separated, 2019 layout, non-zero values)', [SEEDS.wuzhongCity], async () => {
  const r = await parseFile(sharedPath(SEEDS.wuzhongCity));
  it('reads the report metadata', () => {
    expect(r.report).toEqual({ title: '吴忠市2020年政府信息公开工作年度报告', agency: '吴忠市', year: 2020, template: '2019', publishedOn: null, publishedFrom: null, agencyKind: 'government', deadline: '2021-03-31', onTime: null });
    expect(r.status).toBe('ok');
  });
  it('reads 表二 with signed deltas and an amount in （万元）', () => {
    expect(r.tables.activeDisclosure).toEqual({
      regulations: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
      normativeDocuments: { newlyMade: 87, newlyPublished: 81, totalPublished: 268 },
      licensing: { previousCount: 2659, change: 1953, decisions: 88627 },
      otherServices: { previousCount: 2301, change: 500, decisions: 821124 },
      penalty: { previousCount: 11641, change: 948, decisions: 12143 },
      coercion: { previousCount: 995, change: -1, decisions: 2903 },
      fees: { previousCount: 70, change: 10 },
      procurement: { projects: 633, amount: 84933.6787 },
    });
    expect((r.raw.activeDisclosure as Grid)['procurement']).toEqual({ projects: '633', amount: '84933.6787（万元）' });
  });
  it('reads 表三', () => {
    const rows = rowsOf(t3(r));
    expect(rows['newReceived']).toEqual(row(41, 0, 1, 0, 0, 0, 42));
    expect(rows['carriedOver']).toEqual(row(4, 0, 0, 0, 0, 0, 4));
    expect(rows['granted']).toEqual(row(27, 0, 1, 0, 0, 0, 28));
    expect(rows['denied.stateSecret']).toEqual(row(1, 0, 0, 0, 0, 0, 1));
    expect(rows['unable.notHeld']).toEqual(row(16, 0, 0, 0, 0, 0, 16));
    expect(rows['total']).toEqual(row(44, 0, 1, 0, 0, 0, 45));
    expect(rows['carriedForward']).toEqual(row(1, 0, 0, 0, 0, 0, 1));
    const nonZero = ['newReceived', 'carriedOver', 'granted', 'denied.stateSecret', 'unable.notHeld', 'total', 'carriedForward'];
    expect(Object.keys(rows)).toHaveLength(23);
    for (const [k, v] of Object.entries(rows)) if (!nonZero.includes(k)) expect(v, k).toEqual(zeros);
  });
  it('reads 表四', () => {
    expect(r.tables.reviewLitigation).toEqual({
      review: group(1, 1, 2, 0, 4),
      litigationDirect: group(5, 0, 2, 1, 8),
      litigationAfterReview: group(0, 0, 1, 0, 1),
    });
  });
  it('passes every rule that applies, the overview figures included (46件 = 新收 42 + 结转 4)', () => {
    expect(r.checks.filter((c) => c.outcome !== 'passed')).toEqual([{ rule: 'fee-not-reported', outcome: 'not-applicable' }]);
    expect(r.diagnostics).toEqual([]);
  });
});

describeShared('seed 002 诸暨市 2020 (one cell per line, 减3 / 增34 / 万元)', [SEEDS.zhuji], async () => {
  const r = await parseFile(sharedPath(SEEDS.zhuji));
  it('reads 表二', () => {
    expect(r.tables.activeDisclosure).toMatchObject({
      licensing: { previousCount: 8, change: -3, decisions: 27 },
      otherServices: { previousCount: 10, change: -7, decisions: 45 },
      penalty: { previousCount: 174, change: 34, decisions: 174 },
      coercion: { previousCount: 1, change: 0, decisions: 1 },
      fees: { previousCount: 0, change: 0 },
      procurement: { projects: 15, amount: 1001.115 },
    });
  });
  it('reads the preamble without taking its inline list of titles as headings', () => {
    expect(r.sections.map((s) => s.heading)).toEqual([
      '一、总体公开情况及措施', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
    ]);
    expect(r.report.agency).toBe('诸暨市应急管理局');
  });
  it('reads 表三 (2019: （六）其他处理 is one row) and 表四, all zero', () => {
    const rows = rowsOf(t3(r));
    expect(Object.keys(rows)).toHaveLength(23);
    expect(rows['otherHandling']).toEqual(zeros);
    for (const v of Object.values(rows)) expect(v).toEqual(zeros);
    expect(Object.values(r.tables.reviewLitigation!)).toEqual([group(0, 0, 0, 0, 0), group(0, 0, 0, 0, 0), group(0, 0, 0, 0, 0)]);
  });
});

describeShared('seed 001 东风区 2021 (one cell per line, wrapped header cells, 2021 layout)', [SEEDS.dongfeng], async () => {
  const r = await parseFile(sharedPath(SEEDS.dongfeng));
  it('reads title with the year first', () => {
    expect(r.report).toEqual({ title: '2021年东风区应急管理局政府信息公开工作年度报告', agency: '东风区应急管理局', year: 2021, template: '2021', publishedOn: null, publishedFrom: null, agencyKind: 'department', deadline: '2022-01-31', onTime: null });
  });
  it('reads 表二 (2021)', () => {
    expect(r.tables.activeDisclosure).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
      licensing: { decisions: 14 },
      penalty: { decisions: 6 },
      coercion: { decisions: 0 },
      fees: { amount: 0 },
    });
  });
  it('reads all 25 rows of 表三 and 表四, all zero', () => {
    const rows = rowsOf(t3(r));
    expect(Object.keys(rows)).toHaveLength(25);
    for (const v of Object.values(rows)) expect(v).toEqual(zeros);
    expect(rows['otherHandling.unpaidFee']).toEqual(zeros);
  });
});

describeShared('seed 004 石嘴山市 2023 (tab-separated, 2021 layout)', [SEEDS.shizuishan], async () => {
  const r = await parseFile(sharedPath(SEEDS.shizuishan));
  it('reads 表二', () => {
    expect(r.tables.activeDisclosure).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 0, repealed: 0, inForce: 7 },
      licensing: { decisions: 360 },
      penalty: { decisions: 31 },
      coercion: { decisions: 0 },
      fees: { amount: 0 },
    });
  });
  it('reads 表三 and 表四, all zero, and section 六 with its sub-items', () => {
    const rows = rowsOf(t3(r));
    expect(Object.keys(rows)).toHaveLength(25);
    for (const v of Object.values(rows)) expect(v).toEqual(zeros);
    expect(r.sections[5]!.text).toContain('（二）信息处理费收取情况');
  });
});

describeShared('seed 000 吴忠市应急管理局 2020 (garbled: cut labels, 表三 cut short, no 四、 heading)', [SEEDS.garbled], async () => {
  const r = await parseFile(sharedPath(SEEDS.garbled));
  const rows = rowsOf(t3(r));
  it('is partial, 2019, and says section 四 is missing', () => {
    expect(r.status).toBe('partial');
    expect(r.report.template).toBe('2019');
    expect(r.diagnostics.filter((d) => d.rule === 'missing-section').map((d) => d.where)).toEqual([{ section: 4 }]);
  });
  it('keeps every legible value', () => {
    expect(r.tables.activeDisclosure).toMatchObject({
      normativeDocuments: { newlyMade: 0, newlyPublished: 0, totalPublished: 1 },
      licensing: { previousCount: 5, change: 0, decisions: 235 },
      otherServices: { previousCount: 22, change: 0, decisions: 172 },
      penalty: { previousCount: 127, change: 43, decisions: 19 },
      procurement: { projects: 0, amount: 0 },
    });
    for (const k of ['newReceived', 'carriedOver', 'granted', 'partiallyGranted', 'denied.administrativeQuery',
      'unable.notHeld', 'unable.needsCreation', 'unable.unclearAfterCorrection', 'notProcessed.petitionComplaint']) {
      expect(rows[k], k).toEqual(zeros);
    }
    // 表四 has a garbled header but a legible row of 15 zeros.
    expect(Object.values(r.tables.reviewLitigation!)).toEqual([group(0, 0, 0, 0, 0), group(0, 0, 0, 0, 0), group(0, 0, 0, 0, 0)]);
  });
  it('nulls the rows it cannot place or did not find, one diagnostic per cell', () => {
    const unplaced = ['stateSecret', 'prohibitedByLaw', 'threeSecurities', 'thirdPartyRights', 'internalAffairs', 'processInformation', 'enforcementFiles'].map((k) => `denied.${k}`);
    const cut = ['notProcessed.duplicate', 'notProcessed.publication', 'notProcessed.excessive', 'notProcessed.confirmOrReissue', 'otherHandling', 'total', 'carriedForward'];
    for (const k of [...unplaced, ...cut]) expect(rows[k], k).toEqual(nulls);
    const missing = r.diagnostics.filter((d) => d.rule === 'value-missing');
    expect(missing).toHaveLength((unplaced.length + cut.length) * 7);
    expect(missing.every((d) => d.severity === 'error' && d.where?.table === 'applications' && d.where.row && d.where.column)).toBe(true);
    expect(missing.find((d) => d.where?.row === 'denied.stateSecret')!.message).toMatch(/found 6 values for 7 columns; cannot tell which column is missing/);
  });
  it('says the 表三 rules are not assessable instead of passing them', () => {
    const outcomes = Object.fromEntries(r.checks.map((c) => [c.rule, c.outcome]));
    expect(outcomes).toMatchObject({
      'applications-balance': 'not-assessable',
      'applications-row-total': 'not-assessable',
      'applications-outcome-total': 'not-assessable',
      'review-litigation-total': 'passed',
    });
  });
});

describeShared('洪泽区 2023 and 2024 (pdftotext -layout of the real PDFs)', ['real/hzq2023.pdf', 'real/hzq2024.pdf'], async () => {
  const r23 = await parseFile(pdftotext('real/hzq2023.pdf', ['-layout'])!);
  const r24 = await parseFile(pdftotext('real/hzq2024.pdf', ['-layout'])!);
  it('reads 表二', () => {
    expect(r23.tables.activeDisclosure).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 0, repealed: 5, inForce: 5 },
      licensing: { decisions: 550 }, penalty: { decisions: 4119 }, coercion: { decisions: 195 }, fees: { amount: 7730.28 },
    });
    expect(r24.tables.activeDisclosure).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 3, repealed: 0, inForce: 8 },
      licensing: { decisions: 9487 }, penalty: { decisions: 2776 }, coercion: { decisions: 84 }, fees: { amount: 7545 },
    });
  });
  it('reads 表三 with group labels printed mid-group and wrapped labels', () => {
    const n23: Record<string, number[]> = {
      newReceived: [21], partiallyGranted: [4], 'denied.stateSecret': [1], 'denied.processInformation': [1],
      'denied.enforcementFiles': [1], 'unable.notHeld': [10], 'unable.needsCreation': [3], 'notProcessed.petitionComplaint': [1], total: [21],
    };
    const n24: Record<string, number[]> = {
      newReceived: [95], granted: [50], partiallyGranted: [9], 'denied.threeSecurities': [1], 'denied.processInformation': [1],
      'denied.enforcementFiles': [1], 'unable.notHeld': [31], 'unable.needsCreation': [1], 'notProcessed.petitionComplaint': [1], total: [95],
    };
    for (const [r, n] of [[r23, n23], [r24, n24]] as const) {
      const rows = rowsOf(t3(r));
      expect(Object.keys(rows)).toHaveLength(23);
      for (const [k, v] of Object.entries(rows)) {
        const x = n[k]?.[0] ?? 0;
        expect(v, k).toEqual(row(x, 0, 0, 0, 0, 0, x));
      }
    }
  });
  it('finds the layout mixed: 2021 表二 with a single （六）其他处理 row', () => {
    expect(r23.report.template).toBe('mixed');
    expect(r24.report.template).toBe('mixed');
  });
  it('reads 表四 and reports the published 总计 errors of 2023', () => {
    expect(r23.tables.reviewLitigation).toEqual({ review: group(10, 1, 0, 0, 0), litigationDirect: group(0, 0, 0, 0, 0), litigationAfterReview: group(5, 0, 0, 0, 0) });
    expect(r24.tables.reviewLitigation).toEqual({ review: group(1, 1, 0, 0, 2), litigationDirect: group(1, 0, 0, 0, 1), litigationAfterReview: group(2, 0, 1, 0, 3) });
    const failed = r23.diagnostics.filter((d) => d.rule === 'review-litigation-total');
    expect(failed.map((d) => [d.where?.row, d.expected, d.actual])).toEqual([['review', 11, 0], ['litigationAfterReview', 5, 0]]);
    expect(r24.checks.find((c) => c.rule === 'review-litigation-total')!.outcome).toBe('passed');
  });
  it('keeps page numbers out of section text', () => {
    expect(r23.sections.map((s) => s.text).join('\n')).not.toMatch(/-\d-/);
  });
}, { poppler: true });
