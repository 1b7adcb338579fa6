import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/index.js';
import { failedCells, tablesToIndicators } from '../src/indicators/index.js';
import type { Report } from '../src/schema/index.js';
import { describeShared, sharedPath } from './shared.js';

// Indicators are computed from the tables by the definitions in src/schema/indicator-definitions.ts.
// Here: each way an indicator can come out (a value, null for each reason, each basis) on tables
// made for it, then three real reports whose every number is traced to the printed cells.

const APPLICANTS = ['naturalPerson', 'commercialEnterprise', 'researchInstitution', 'socialWelfareOrganization', 'legalServiceOrganization', 'otherOrganization', 'total'] as const;
/** A 表三 row whose 总计 is `total` (the other columns do not enter any indicator). */
const row = (total: number | null) => Object.fromEntries(APPLICANTS.map((c) => [c, c === 'total' ? total : 0]));
const group = (upheld: number, corrected: number, other: number, pending: number, total: number | null) => ({ upheld, corrected, other, pending, total });

function applications(t: Partial<Record<string, number | null>> = {}) {
  const v = (k: string, d: number) => row(k in t ? t[k]! : d);
  return {
    newReceived: v('newReceived', 90),
    carriedOver: v('carriedOver', 10),
    granted: v('granted', 30),
    partiallyGranted: v('partiallyGranted', 10),
    denied: Object.fromEntries(['stateSecret', 'prohibitedByLaw', 'threeSecurities', 'thirdPartyRights', 'internalAffairs', 'processInformation', 'enforcementFiles', 'administrativeQuery'].map((k, i) => [k, v(`denied.${k}`, i === 0 ? 2 : i === 5 ? 3 : 0)])),
    unable: { notHeld: v('unable.notHeld', 20), needsCreation: v('unable.needsCreation', 4), unclearAfterCorrection: v('unable.unclearAfterCorrection', 1) },
    notProcessed: Object.fromEntries(['petitionComplaint', 'duplicate', 'publication', 'excessive', 'confirmOrReissue'].map((k, i) => [k, v(`notProcessed.${k}`, i === 1 ? 5 : 0)])),
    otherHandling: { overdueCorrection: row(5), unpaidFee: row(0), other: row(0) },
    total: v('total', 80),
    carriedForward: v('carriedForward', 20),
  };
}

function tables(over: { applications?: unknown; reviewLitigation?: unknown } = {}): Report['tables'] {
  return {
    activeDisclosure: null,
    applications: (over.applications === undefined ? applications() : over.applications) as Report['tables']['applications'],
    reviewLitigation: (over.reviewLitigation === undefined
      ? { review: group(6, 2, 1, 1, 10), litigationDirect: group(3, 1, 0, 0, 4), litigationAfterReview: group(1, 0, 0, 1, 2) }
      : over.reviewLitigation) as Report['tables']['reviewLitigation'],
  };
}

describe('indicators from tables', () => {
  const i = tablesToIndicators(tables());
  it('each rate by its definition', () => {
    // (30 + 10) / 80 办结; over 90 新收 + 10 结转 = 100.
    expect([i.substantiveDisclosureRate.numerator, i.substantiveDisclosureRate.denominator, i.substantiveDisclosureRate.value]).toEqual([40, 80, 0.5]);
    expect([i.substantiveDisclosureRateOfRequests.numerator, i.substantiveDisclosureRateOfRequests.denominator, i.substantiveDisclosureRateOfRequests.value]).toEqual([40, 100, 0.4]);
    expect([i.disclosureRate.numerator, i.disclosureRate.denominator, i.disclosureRate.value]).toEqual([30, 80, 0.375]);
    // 复议 纠正 2 of 总计 10; of the decided, 10 − 1 尚未审结 = 9.
    expect([i.reviewCorrectionRate.numerator, i.reviewCorrectionRate.denominator, i.reviewCorrectionRate.value]).toEqual([2, 10, 0.2]);
    expect([i.reviewCorrectionRateOfDecided.numerator, i.reviewCorrectionRateOfDecided.denominator, i.reviewCorrectionRateOfDecided.value]).toEqual([2, 9, 2 / 9]);
    // 纠正 2 + 1 + 0 of 总计 10 + 4 + 2; disputes 16 of 90 新收.
    expect([i.reviewLitigationCorrectionRate.numerator, i.reviewLitigationCorrectionRate.denominator, i.reviewLitigationCorrectionRate.value]).toEqual([3, 16, 3 / 16]);
    expect([i.disputeConversionRate.numerator, i.disputeConversionRate.denominator, i.disputeConversionRate.value]).toEqual([16, 90, 16 / 90]);
    expect([i.carryForwardRate.numerator, i.carryForwardRate.denominator, i.carryForwardRate.value]).toEqual([20, 100, 0.2]);
    // 不予公开 2 + 3, 无法提供 20 + 4 + 1, 不予处理 5, each of 80.
    expect([i.deniedShare.numerator, i.unableShare.numerator, i.notProcessedShare.numerator]).toEqual([5, 25, 5]);
    expect([i.deniedShare.value, i.unableShare.value, i.notProcessedShare.value]).toEqual([5 / 80, 25 / 80, 5 / 80]);
    for (const x of Object.values(i)) expect([x.reason, x.basis]).toEqual([null, []]);
  });
  it('names its definition in labels and keys', () => {
    expect(i.reviewCorrectionRateOfDecided.definition).toBe(
      '表四 行政复议 结果纠正 / (表四 行政复议 总计 − 表四 行政复议 尚未审结) = reviewLitigation.review.corrected / (reviewLitigation.review.total − reviewLitigation.review.pending)',
    );
    expect(i.deniedShare.definition).toBe('表三 （三）不予公开（8项之和） 总计 / 表三 （七）总计 总计 = applications.denied.*.total / applications.total.total');
  });
  it('a zero denominator is null with the reason, never 0 or NaN', () => {
    const z = tablesToIndicators(tables({ applications: applications({ total: 0 }), reviewLitigation: { review: group(0, 0, 0, 0, 0), litigationDirect: group(0, 0, 0, 0, 0), litigationAfterReview: group(0, 0, 0, 0, 0) } }));
    expect(z.substantiveDisclosureRate).toMatchObject({ value: null, numerator: 40, denominator: 0, reason: 'the denominator is 0 (表三 （七）总计 总计)' });
    expect(z.reviewCorrectionRate).toMatchObject({ value: null, numerator: 0, denominator: 0, reason: 'the denominator is 0 (表四 行政复议 总计)' });
    // All pending: nothing decided yet.
    const pending = tablesToIndicators(tables({ reviewLitigation: { review: group(0, 0, 0, 3, 3), litigationDirect: group(0, 0, 0, 0, 0), litigationAfterReview: group(0, 0, 0, 0, 0) } }));
    expect(pending.reviewCorrectionRate.value).toBe(0);
    expect(pending.reviewCorrectionRateOfDecided).toMatchObject({ value: null, denominator: 0, reason: 'the denominator is 0 (表四 行政复议 总计 − 表四 行政复议 尚未审结)' });
  });
  it('a null cell or a missing table is null with the reason', () => {
    const n = tablesToIndicators(tables({ applications: applications({ partiallyGranted: null }) }));
    expect(n.substantiveDisclosureRate).toMatchObject({ value: null, numerator: null, denominator: 80, reason: '表三 （二）部分公开 总计 (applications.partiallyGranted.total) is null' });
    expect(n.disclosureRate.value).toBe(0.375);
    const missing = tablesToIndicators(tables({ reviewLitigation: null }));
    expect(missing.disputeConversionRate).toMatchObject({ value: null, numerator: null, denominator: 90, reason: '表四 was not read' });
    expect(missing.substantiveDisclosureRate.value).toBe(0.5);
  });
  it('says when cells behind it were split, read by OCR, or where a relation failed', () => {
    const confidence = { activeDisclosure: null, applications: null, reviewLitigation: { review: group(0.99, 0.95, 1, 1, 0.97), litigationDirect: group(1, 1, 1, 1, 1), litigationAfterReview: group(1, 1, 1, 1, 1) } };
    const b = tablesToIndicators(tables(), {
      split: [{ table: 'applications', row: 'granted', column: 'total' }],
      confidence: confidence as unknown as Report['confidence'],
      failed: failedCells([
        { severity: 'error', rule: 'applications-balance', message: '', where: { table: 'applications', row: 'total', column: 'total' } },
        // Another cell's failure, and a warning, touch nothing here.
        { severity: 'error', rule: 'applications-row-total', message: '', where: { table: 'applications', row: 'granted', column: 'naturalPerson' } },
        { severity: 'warning', rule: 'value-blank', message: '', where: { table: 'applications', row: 'carriedOver', column: 'total' } },
      ]),
    });
    expect(b.substantiveDisclosureRate.basis).toEqual(['check-failed', 'split']);
    expect(b.substantiveDisclosureRateOfRequests.basis).toEqual(['split']);
    expect(b.carryForwardRate.basis).toEqual([]);
    expect(b.reviewCorrectionRate.basis).toEqual(['ocr']);
    expect(b.disputeConversionRate.basis).toEqual(['ocr']);
  });
});

describe('indicators of a failed record', () => {
  it('are all null, saying no table was read', async () => {
    const r = await parseFile('test/bad/empty.txt');
    expect(r.status).toBe('failed');
    for (const x of Object.values(r.indicators)) expect(x).toMatchObject({ value: null, numerator: null, reason: expect.stringMatching(/^表[三四] was not read$/) });
  });
});

const pick = (r: Report) => Object.fromEntries(Object.entries(r.indicators).map(([k, v]) => [k, [v.numerator, v.denominator, v.basis]]));

describeShared('indicators of real reports, each number traced to the printed cells', ['real/text/fujian-pingtan-2025.page.txt', 'real/pingtan-2021.html', 'real/hzq2023.pdf'], () => {
  it('平潭综合实验区 2025 (run-together text: every cell split)', async () => {
    const r = await parseFile(sharedPath('real/text/fujian-pingtan-2025.page.txt'));
    // 表三 总计 column: 新收 154, 结转 0, 予以公开 33, 部分公开 38, 不予公开 0+0+0+0+3+2+3+3 = 11,
    // 无法提供 50+3+0 = 53, 不予处理 2+0+0+0+0 = 2, （七）总计 148, 结转下年 6.
    // 表四 "25380363300630003": 复议 25 3 8 0 36, 直接起诉 3 3 0 0 6, 复议后起诉 3 0 0 0 3.
    expect(pick(r)).toEqual({
      substantiveDisclosureRate: [71, 148, ['split']],
      substantiveDisclosureRateOfRequests: [71, 154, ['split']],
      disclosureRate: [33, 148, ['split']],
      reviewCorrectionRate: [3, 36, ['split']],
      reviewCorrectionRateOfDecided: [3, 36, ['split']],
      reviewLitigationCorrectionRate: [6, 45, ['split']],
      disputeConversionRate: [45, 154, ['split']],
      carryForwardRate: [6, 154, ['split']],
      deniedShare: [11, 148, ['split']],
      unableShare: [53, 148, ['split']],
      notProcessedShare: [2, 148, ['split']],
    });
    expect(r.indicators.substantiveDisclosureRate.value).toBeCloseTo(0.4797, 4);
  });
  it('平潭综合实验区 2021 (saved web page)', async () => {
    const r = await parseFile(sharedPath('real/pingtan-2021.html'));
    // 表三 总计: 新收 70, 结转 0, 予以公开 30, 部分公开 5, 不予公开 1 (内部事务) + 6 (执法案卷) + 1 (行政查询) = 8,
    // 无法提供 25, 不予处理 0, （七）总计 69, 结转下年 1. 表四: 复议 1 0 2 0 3, 直接起诉 12 0 0 0 12, 复议后起诉 0.
    expect(pick(r)).toEqual({
      substantiveDisclosureRate: [35, 69, []],
      substantiveDisclosureRateOfRequests: [35, 70, []],
      disclosureRate: [30, 69, []],
      reviewCorrectionRate: [0, 3, []],
      reviewCorrectionRateOfDecided: [0, 3, []],
      reviewLitigationCorrectionRate: [0, 15, []],
      disputeConversionRate: [15, 70, []],
      carryForwardRate: [1, 70, []],
      deniedShare: [8, 69, []],
      unableShare: [25, 69, []],
      notProcessedShare: [0, 69, []],
    });
  });
  it('洪泽区 2023 (PDF; its 表四 总计 printed 0 beside 10 维持 and 1 纠正)', async () => {
    const r = await parseFile(sharedPath('real/hzq2023.pdf'));
    // 表三 总计: 新收 21, 结转 0, 予以公开 0, 部分公开 4, 不予公开 1+1+1 = 3, 无法提供 10+3+0 = 13,
    // 不予处理 1, （七）总计 21, 结转下年 0. 表四: 复议 10 1 0 0 总计 0, 直接起诉 0, 复议后起诉 5 0 0 0 总计 0.
    expect(pick(r)).toEqual({
      substantiveDisclosureRate: [4, 21, []],
      substantiveDisclosureRateOfRequests: [4, 21, []],
      disclosureRate: [0, 21, []],
      reviewCorrectionRate: [1, 0, ['check-failed']],
      reviewCorrectionRateOfDecided: [1, 0, ['check-failed']],
      reviewLitigationCorrectionRate: [1, 0, ['check-failed']],
      disputeConversionRate: [0, 21, ['check-failed']],
      carryForwardRate: [0, 21, []],
      deniedShare: [3, 21, []],
      unableShare: [13, 21, []],
      notProcessedShare: [1, 21, []],
    });
    expect(r.indicators.reviewCorrectionRate).toMatchObject({ value: null, reason: 'the denominator is 0 (表四 行政复议 总计)' });
  });
});
