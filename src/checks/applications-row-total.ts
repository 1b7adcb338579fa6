import { APPLICATION_ROWS } from '../schema/template.js';
import { equationRule } from './equation.js';

const LABELS = new Map([...APPLICATION_ROWS['2019'], ...APPLICATION_ROWS['2021']].map((r) => [r.key, r.label]));

/** 表三 per row: 总计 = the six applicant columns. */
export const applicationsRowTotal = equationRule({
  id: 'applications-row-total',
  description: '表三 per row: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
  table: 'applications',
  message: (r, e, a) => `表三 row ${LABELS.get(r.at.row)} (${r.at.row}): the six applicant columns sum to ${e}, but 总计 is ${a}`,
});
