import { REVIEW_GROUPS } from '../schema/template.js';
import { equationRule } from './equation.js';
import { cellAt } from './rule.js';

/** 表四 per group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export const reviewLitigationTotal = equationRule({
  id: 'review-litigation-total',
  description: '表四 per group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
  table: 'reviewLitigation',
  equations: (t) =>
    REVIEW_GROUPS.map((g) => ({
      part: `group ${g.label}`,
      where: { table: 'reviewLitigation', row: g.key, column: 'total' },
      expected: ['upheld', 'corrected', 'other', 'pending'].map((c) => cellAt(t, g.key, c)),
      actual: [cellAt(t, g.key, 'total')],
      message: (e, a) => `表四 ${g.label} (${g.key}): 维持 + 纠正 + 其他 + 尚未审结 = ${e}, but 总计 is ${a}`,
    })),
});
