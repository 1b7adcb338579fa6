import { diagnostic } from '../diagnostics.js';
import { REVIEW_GROUPS } from '../schema/template.js';
import { cellAt, outcome, sumOrNull, type Rule } from './rule.js';

/** 表四 per group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export const reviewLitigationTotal: Rule = {
  id: 'review-litigation-total',
  description: '表四 per group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
  run({ tables }) {
    const t = tables.reviewLitigation;
    if (!t) return outcome(this.id, [], ['表四 not found']);
    const failures = [];
    const unassessable = [];
    for (const g of REVIEW_GROUPS) {
      const total = cellAt(t, g.key, 'total');
      const sum = sumOrNull(['upheld', 'corrected', 'other', 'pending'].map((c) => cellAt(t, g.key, c)));
      if (total === null || total === undefined || sum === null) {
        unassessable.push(`group ${g.label}`);
        continue;
      }
      if (sum !== total) {
        failures.push(
          diagnostic('error', this.id, `表四 ${g.label} (${g.key}): 维持+纠正+其他+尚未审结 = ${sum}, but 总计 is ${total}`, {
            where: { table: 'reviewLitigation', row: g.key, column: 'total' },
            expected: sum,
            actual: total,
          }),
        );
      }
    }
    return outcome(this.id, failures, unassessable);
  },
};
