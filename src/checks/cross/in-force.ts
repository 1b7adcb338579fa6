import { diagnostic } from '../../diagnostics.js';
import { ACTIVE_DISCLOSURE } from '../../schema/template.js';
import { cellAt } from '../rule.js';
import { pairOutcome, years, type CrossRule } from './pair.js';

/** 第二十条第（一）项 of the 2021 layout: 规章 and 行政规范性文件. */
const DOCUMENT_ROWS = ACTIVE_DISCLOSURE['2021'].find((b) => b.item === '一')!.rows;

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
    for (const { key: row, label } of DOCUMENT_ROWS) {
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
