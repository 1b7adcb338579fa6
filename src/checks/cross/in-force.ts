import { diagnostic } from '../../diagnostics.js';
import { cellAt } from '../rule.js';
import { pairOutcome, years, type CrossRule } from './pair.js';

/** 2021 layout: 现行有效件数 this year = last year's + 本年制发 − 本年废止 (revisions break it; info only). */
export const inForce: CrossRule = {
  id: 'in-force-continuity',
  description: '表二 (2021): 现行有效 = last year’s 现行有效 + 本年制发 − 本年废止',
  severity: 'info',
  run(pair) {
    const a = pair.earlier.tables.activeDisclosure;
    const b = pair.later.tables.activeDisclosure;
    if (!a || !b) return pairOutcome(this, [], ['表二 not found in both reports']);
    if (!('inForce' in (a['regulations'] ?? {})) || !('inForce' in (b['regulations'] ?? {}))) {
      return { result: { rule: this.id, outcome: 'not-applicable' }, diagnostics: [] };
    }
    const failures = [];
    const unassessable = [];
    for (const [row, label] of [['regulations', '规章'], ['normativeDocuments', '行政规范性文件']] as const) {
      const before = cellAt(a, row, 'inForce');
      const [issued, repealed, now] = ['issued', 'repealed', 'inForce'].map((c) => cellAt(b, row, c));
      if ([before, issued, repealed, now].some((v) => typeof v !== 'number')) {
        unassessable.push(`row ${label}`);
        continue;
      }
      const expected = before! + issued! - repealed!;
      if (expected !== now) {
        failures.push(
          diagnostic('info', this.id, `${pair.agency} ${years(pair)}: 表二 ${label}: ${before} + 制发 ${issued} − 废止 ${repealed} = ${expected}, but 现行有效 is ${now}`, {
            where: { table: 'activeDisclosure', row, column: 'inForce' },
            expected,
            actual: now!,
          }),
        );
      }
    }
    return pairOutcome(this, failures, unassessable);
  },
};
