import { expect, it } from 'vitest';
import { parseFile, type Report } from '../src/index.js';
import { describeShared, sharedPath } from './shared.js';

/** No date on the page and none signing the report. */
const undated = (agencyKind: string, deadline: string) => ({ publishedOn: null, publishedFrom: null, agencyKind, deadline, onTime: null });

// The real report texts of ../shared/real/text (scraped pages, an archive's page text, converter
// markdown). Every value typed in by hand from the text itself; where digits run together, the
// reading was worked out by hand with the table's 勾稽 relations, as a person reads them.

type Grid = Record<string, unknown>;
const row = (...v: Array<number | null>) => ({
  naturalPerson: v[0], commercialEnterprise: v[1], researchInstitution: v[2], socialWelfareOrganization: v[3],
  legalServiceOrganization: v[4], otherOrganization: v[5], total: v[6],
});
const group = (...v: number[]) => ({ upheld: v[0], corrected: v[1], other: v[2], pending: v[3], total: v[4] });
const z = row(0, 0, 0, 0, 0, 0, 0);
/** A 2021 表三 from its non-zero rows (each `[自然人, 商业企业, … , 总计]`). */
function t3(nonZero: Record<string, ReturnType<typeof row>>): Grid {
  const keys = ['newReceived', 'carriedOver', 'granted', 'partiallyGranted'];
  const groups: Record<string, string[]> = {
    denied: ['stateSecret', 'prohibitedByLaw', 'threeSecurities', 'thirdPartyRights', 'internalAffairs', 'processInformation', 'enforcementFiles', 'administrativeQuery'],
    unable: ['notHeld', 'needsCreation', 'unclearAfterCorrection'],
    notProcessed: ['petitionComplaint', 'duplicate', 'publication', 'excessive', 'confirmOrReissue'],
    otherHandling: ['overdueCorrection', 'unpaidFee', 'other'],
  };
  const out: Grid = {};
  for (const k of keys) out[k] = nonZero[k] ?? z;
  for (const [g, subs] of Object.entries(groups)) out[g] = Object.fromEntries(subs.map((s) => [s, nonZero[`${g}.${s}`] ?? z]));
  out['total'] = nonZero['total'] ?? z;
  out['carriedForward'] = nonZero['carriedForward'] ?? z;
  return out;
}
const candidates = (r: Report, rowKey: string) => r.diagnostics.filter((d) => d.rule === 'value-ambiguous' && d.where?.row === rowKey);

describeShared('河北省科学技术厅 2021: one line, headings inline, every cell glued to the next', ['real/text/hebei-kjt-2021.txt'], async () => {
  const r = await parseFile(sharedPath('real/text/hebei-kjt-2021.txt'));
  it('report info and the six sections (the text has no title; the overview names the agency)', () => {
    expect(r.report).toEqual({ title: null, agency: '河北省科学技术厅', year: 2021, template: '2021', ...undated('department', '2022-01-31') });
    expect(r.sections.map((s) => s.heading)).toEqual([
      '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
    ]);
    expect(r.sections[0]!.text).toMatch(/^2021年，河北省科学技术厅坚持/);
    expect(r.sections[5]!.text).toBe('认真贯彻执行国务院办公厅《政府信息公开信息处理费管理办法》和《河北省财政厅河北省发展和改革委员会关于政府信息公开信息处理费管理有关事项的通知》要求，落实信息处理收费政策。2021年未收取信息处理费。');
  });
  it('表二: 规章000; 行政规范性文件81153 is six readings, null with them listed; 行政强制 has no digits (blank)', () => {
    expect(r.tables.activeDisclosure).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: null, repealed: null, inForce: null },
      licensing: { decisions: 1689 }, penalty: { decisions: 0 }, coercion: { decisions: null }, fees: { amount: 0 },
    });
    expect(candidates(r, 'normativeDocuments')).toHaveLength(3);
    expect(candidates(r, 'normativeDocuments')[0]!.message).toContain('6 readings: 8 1 153 | 8 11 53 | 8 115 3 | 81 1 53 | 81 15 3 | 811 5 3');
  });
  it('表三: every row seven digits for seven cells', () => {
    expect(r.tables.applications).toEqual(
      t3({ newReceived: row(2, 0, 0, 0, 0, 0, 2), granted: row(1, 0, 0, 0, 0, 0, 1), 'denied.internalAffairs': row(1, 0, 0, 0, 0, 0, 1), total: row(2, 0, 0, 0, 0, 0, 2) }),
    );
  });
  it('表四: fifteen zeros; the 勾稽 rules are checked, none was needed to split', () => {
    expect(r.tables.reviewLitigation).toEqual({ review: group(0, 0, 0, 0, 0), litigationDirect: group(0, 0, 0, 0, 0), litigationAfterReview: group(0, 0, 0, 0, 0) });
    const outcomes = Object.fromEntries(r.checks.map((c) => [c.rule, c.outcome]));
    expect(outcomes).toMatchObject({ 'applications-balance': 'passed', 'applications-row-total': 'passed', 'applications-outcome-total': 'passed', 'review-litigation-total': 'passed' });
  });
});

describeShared('河北省教育厅 2021: one cell per line, bare CR, runs of blank lines', ['real/text/hebei-jyt-2021.txt'], async () => {
  const r = await parseFile(sharedPath('real/text/hebei-jyt-2021.txt'));
  it('report info from the report named in the preamble', () => {
    // Signed 河北省教育厅2022年1月20日 at the end of the text; a department, due 31 January.
    expect(r.report).toEqual({ title: '河北省教育厅2021年政府信息公开工作年度报告', agency: '河北省教育厅', year: 2021, template: '2021', publishedOn: '2022-01-20', publishedFrom: 'signature', agencyKind: 'department', deadline: '2022-01-31', onTime: true });
    expect(r.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.sections[3]!.heading).toBe('四、因政府信息公开工作被申请行政复议、提起行政诉讼情况');
  });
  it('表二', () => {
    expect(r.tables.activeDisclosure).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 7, repealed: 25, inForce: 181 },
      licensing: { decisions: 5658 }, penalty: { decisions: 19 }, coercion: { decisions: 0 }, fees: { amount: 1163.54 },
    });
  });
  it('表三: 上年结转 总计 is an empty cell (one blank line more), the rest in place', () => {
    expect(r.tables.applications).toEqual(
      t3({
        newReceived: row(34, 1, 0, 0, 2, 0, 37),
        carriedOver: row(0, 0, 0, 0, 0, 0, null),
        granted: row(16, 0, 0, 0, 2, 0, 18),
        partiallyGranted: row(1, 0, 0, 0, 0, 0, 1),
        'denied.thirdPartyRights': row(1, 0, 0, 0, 0, 0, 1),
        'unable.notHeld': row(1, 0, 0, 0, 0, 0, 1),
        'unable.needsCreation': row(1, 0, 0, 0, 0, 0, 1),
        'notProcessed.petitionComplaint': row(14, 1, 0, 0, 0, 0, 15),
        total: row(34, 1, 0, 0, 2, 0, 37),
      }),
    );
    expect(r.diagnostics.filter((d) => d.rule === 'value-blank').map((d) => [d.where?.row, d.where?.column])).toEqual([['carriedOver', 'total']]);
  });
  it('表四', () => {
    expect(r.tables.reviewLitigation).toEqual({ review: group(0, 0, 0, 0, 0), litigationDirect: group(6, 0, 0, 0, 6), litigationAfterReview: group(2, 0, 0, 0, 2) });
  });
});

describeShared("平潭综合实验区 2025: an archive's header block, then the body on one line", ['real/text/fujian-pingtan-2025.page.txt'], async () => {
  const r = await parseFile(sharedPath('real/text/fujian-pingtan-2025.page.txt'));
  it('report info from the header; the header is not the report', () => {
    // The archive's header: 发布时间: 2026-03-10 12:56. A place named alone: its government's report, due 31 March.
    expect(r.report).toEqual({ title: '平潭综合实验区2025年度政府信息公开工作年度报告', agency: '平潭综合实验区', year: 2025, template: '2021', publishedOn: '2026-03-10', publishedFrom: 'page', agencyKind: 'government', deadline: '2026-03-31', onTime: true });
    expect(r.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.sections.map((s) => s.text).join('')).not.toContain('原文链接');
    expect(r.sections[5]!.text).toBe('2025年，无收取信息处理费情况。');
  });
  it('表二: 行政规范性文件5845546 has fifteen readings and stays null; 4166.241619 is one amount', () => {
    expect(r.tables.activeDisclosure).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: null, repealed: null, inForce: null },
      licensing: { decisions: 2418 }, penalty: { decisions: 644 }, coercion: { decisions: 64 }, fees: { amount: 4166.241619 },
    });
    expect(candidates(r, 'normativeDocuments')[0]!.message).toContain('15 readings');
  });
  it('表三: 15130000154 is 151 3 0 0 0 0 154, 14710000148 is 147 1 0 0 0 0 148 …', () => {
    expect(r.tables.applications).toEqual(
      t3({
        newReceived: row(151, 3, 0, 0, 0, 0, 154),
        granted: row(33, 0, 0, 0, 0, 0, 33),
        partiallyGranted: row(38, 0, 0, 0, 0, 0, 38),
        'denied.internalAffairs': row(3, 0, 0, 0, 0, 0, 3),
        'denied.processInformation': row(2, 0, 0, 0, 0, 0, 2),
        'denied.enforcementFiles': row(3, 0, 0, 0, 0, 0, 3),
        'denied.administrativeQuery': row(3, 0, 0, 0, 0, 0, 3),
        'unable.notHeld': row(49, 1, 0, 0, 0, 0, 50),
        'unable.needsCreation': row(3, 0, 0, 0, 0, 0, 3),
        'notProcessed.petitionComplaint': row(2, 0, 0, 0, 0, 0, 2),
        'otherHandling.overdueCorrection': row(8, 0, 0, 0, 0, 0, 8),
        'otherHandling.unpaidFee': row(2, 0, 0, 0, 0, 0, 2),
        'otherHandling.other': row(1, 0, 0, 0, 0, 0, 1),
        total: row(147, 1, 0, 0, 0, 0, 148),
        carriedForward: row(4, 2, 0, 0, 0, 0, 6),
      }),
    );
  });
  it('表四: seventeen digits for fifteen cells, split by the group totals', () => {
    expect(r.tables.reviewLitigation).toEqual({ review: group(25, 3, 8, 0, 36), litigationDirect: group(3, 3, 0, 0, 6), litigationAfterReview: group(3, 0, 0, 0, 3) });
    const split = r.diagnostics.find((d) => d.rule === 'value-split' && d.where?.table === 'reviewLitigation')!;
    expect(split.message).toContain('"25380363300630003" read as 25 3 8 0 36 3 3 0 0 6 3 0 0 0 3 (the only split satisfying group 行政复议)');
  });
  it('the relations used to split are not assessable; the others are checked and pass', () => {
    const outcomes = Object.fromEntries(r.checks.map((c) => [c.rule, c.outcome]));
    expect(outcomes).toMatchObject({
      'applications-balance': 'passed',
      'applications-row-total': 'not-assessable',
      'applications-outcome-total': 'not-assessable',
      'review-litigation-total': 'not-assessable',
    });
    expect(r.checks.find((c) => c.rule === 'review-litigation-total')!.message).toBe('not assessable: group 行政复议 (used to split run-together digits)');
  });
});

describeShared('平潭综合实验区交通与建设局 2020: a department, 2019 layout, page furniture inline, amounts in 元', ['real/text/fujian-pingtan-jiaotongjiansheju-2020.page.txt'], async () => {
  const r = await parseFile(sharedPath('real/text/fujian-pingtan-jiaotongjiansheju-2020.page.txt'));
  it('report info from the header', () => {
    // 发布时间: 2021-01-27 11:26 in the header wins over the signature's 2021年1月26日 (written, not yet published).
    expect(r.report).toEqual({ title: '平潭综合实验区交通与建设局2020年度政府信息公开工作年度报告', agency: '平潭综合实验区交通与建设局', year: 2020, template: '2019', publishedOn: '2021-01-27', publishedFrom: 'page', agencyKind: 'department', deadline: '2021-01-31', onTime: true });
    expect(r.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('表二: 88-720 is 88 −7 20 or 88 −72 0, 26-260 is 26 −2 60 or 26 −26 0: 处理决定数量 = 上一年项目数量 + 本年增/减 is not stated by the template, and no row of this report shows it (its others are zeros)', () => {
    expect(r.tables.activeDisclosure).toEqual({
      regulations: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
      normativeDocuments: { newlyMade: 3, newlyPublished: 3, totalPublished: 5 },
      licensing: { previousCount: 88, change: null, decisions: null },
      otherServices: { previousCount: 0, change: 0, decisions: 0 },
      penalty: { previousCount: 26, change: null, decisions: null },
      coercion: { previousCount: 0, change: 0, decisions: 0 },
      fees: { previousCount: 15, change: -15 },
      procurement: { projects: null, amount: null },
    });
    expect(candidates(r, 'licensing')[0]!.message).toContain('2 readings: 88 -7 20 | 88 -72 0');
    expect(candidates(r, 'penalty')[0]!.message).toContain('2 readings: 26 -2 60 | 26 -26 0');
    expect(candidates(r, 'procurement')[0]!.message).toContain('7 readings');
  });
  it('表三: "2 0 00 0 0 2" and "0 0 00 00 0" are seven cells each', () => {
    expect(r.tables.applications).toMatchObject({
      newReceived: row(2, 0, 0, 0, 0, 0, 2),
      unable: { notHeld: row(2, 0, 0, 0, 0, 0, 2) },
      otherHandling: z,
      total: row(2, 0, 0, 0, 0, 0, 2),
      carriedForward: z,
    });
    expect(r.status).toBe('partial');
  });
});

describeShared('上海市科学技术委员会 2024: converter markdown, an outline of its own, label cells lost', ['real/text/shanghai-kewei-2024.source.md'], async () => {
  const r = await parseFile(sharedPath('real/text/shanghai-kewei-2024.source.md'));
  it('report info; sections mapped by their words, one nonstandard-outline warning', () => {
    expect(r.report).toEqual({ title: '2024年上海市科委政府信息公开工作年度报告', agency: '上海市科委', year: 2024, template: '2021', ...undated('department', '2025-01-31') });
    expect(r.sections.map((s) => [s.number, s.heading])).toEqual([
      [1, '一、总体情况'], [2, '三、主动公开工作情况'], [3, '四、政府信息公开申请情况'], [4, '三、政府信息公开行政复议、行政诉讼情况'], [5, '（一）主要问题'], [6, '五、其他需要报告的事项'],
    ]);
    expect(r.diagnostics.filter((d) => /outline|missing-section/.test(d.rule)).map((d) => d.rule)).toEqual(['nonstandard-outline']);
  });
  it('表二: （一） printed last, as a pipe table', () => {
    expect(r.tables.activeDisclosure).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 13, repealed: 0, inForce: 55 },
      licensing: { decisions: 97 }, penalty: { decisions: 0 }, coercion: { decisions: 0 }, fees: { amount: 0 },
    });
  });
  it('表三: rows whose labels the converter lost, placed by position between labelled rows', () => {
    expect(r.tables.applications).toEqual(
      t3({
        newReceived: row(32, 2, 0, 0, 0, 0, 34),
        carriedOver: row(2, 0, 0, 0, 0, 0, 2),
        granted: row(9, 0, 0, 0, 0, 0, 9),
        'denied.internalAffairs': row(1, 0, 0, 0, 0, 0, 1),
        'denied.processInformation': row(1, 0, 0, 0, 0, 0, 1),
        'unable.notHeld': row(4, 0, 0, 0, 0, 0, 4),
        'unable.needsCreation': row(6, 0, 0, 0, 0, 0, 6),
        'otherHandling.overdueCorrection': row(8, 2, 0, 0, 0, 0, 10),
        'otherHandling.other': row(4, 0, 0, 0, 0, 0, 4),
        total: row(33, 2, 0, 0, 0, 0, 35),
        // The converter lost the last cell of 结转下年度 (1 by the corner relation: 34 + 2 = 35 + 1).
        carriedForward: row(1, 0, 0, 0, 0, 0, null),
      }),
    );
    // The labels the converter printed outside the table name rows, but not whether the row above
    // or the one below: every row without its label beside it is placed by position.
    expect(r.diagnostics.filter((d) => d.rule === 'row-by-position').map((d) => d.where?.row)).toEqual([
      'partiallyGranted', 'denied.prohibitedByLaw', 'denied.internalAffairs', 'unable.notHeld', 'unable.needsCreation', 'unable.unclearAfterCorrection',
      'notProcessed.excessive', 'notProcessed.confirmOrReissue', 'otherHandling.overdueCorrection', 'otherHandling.unpaidFee',
    ]);
  });
  it('表四: one review, upheld', () => {
    expect(r.tables.reviewLitigation).toEqual({ review: group(1, 0, 0, 0, 1), litigationDirect: group(0, 0, 0, 0, 0), litigationAfterReview: group(0, 0, 0, 0, 0) });
  });
});
