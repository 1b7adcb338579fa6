import { REVIEW_GROUPS } from '../schema/template.js';
import { equationRule } from './equation.js';

const LABELS = new Map(REVIEW_GROUPS.map((g) => [g.key as string, g.label]));

/** 表四 per group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export const reviewLitigationTotal = equationRule({
  id: 'review-litigation-total',
  description: '表四 per group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
  table: 'reviewLitigation',
  message: (r, e, a) => `表四 ${LABELS.get(r.at.row)} (${r.at.row}): 维持 + 纠正 + 其他 + 尚未审结 = ${e}, but 总计 is ${a}`,
});
