import { tableVersion } from '../schema/index.js';
import { APPLICANT_COLUMNS, APPLICATION_ROWS } from '../schema/template.js';
import { equationRule } from './equation.js';
import { cellAt } from './rule.js';

/** 表三 per row: 总计 = the six applicant columns. */
export const applicationsRowTotal = equationRule({
  id: 'applications-row-total',
  description: '表三 per row: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
  table: 'applications',
  equations: (t) =>
    APPLICATION_ROWS[tableVersion('applications', t)].map((row) => ({
      part: `row ${row.label}`,
      where: { table: 'applications', row: row.key, column: 'total' },
      expected: APPLICANT_COLUMNS.map((c) => cellAt(t, row.key, c.key)),
      actual: [cellAt(t, row.key, 'total')],
      message: (e, a) => `表三 row ${row.label} (${row.key}): the six applicant columns sum to ${e}, but 总计 is ${a}`,
    })),
});
