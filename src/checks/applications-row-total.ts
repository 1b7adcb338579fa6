import { diagnostic } from '../diagnostics.js';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, type TemplateVersion } from '../schema/template.js';
import { cellAt, outcome, sumOrNull, type Rule } from './rule.js';

/** 表三 per row: 总计 = the six applicant columns. */
export const applicationsRowTotal: Rule = {
  id: 'applications-row-total',
  description: '表三 per row: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
  run({ tables }) {
    const t = tables.applications;
    if (!t) return outcome(this.id, [], ['表三 not found']);
    const failures = [];
    const unassessable = [];
    for (const row of APPLICATION_ROWS[versionOfTable(t)]) {
      const total = cellAt(t, row.key, 'total');
      const sum = sumOrNull(APPLICANT_COLUMNS.map((c) => cellAt(t, row.key, c.key)));
      if (total === null || total === undefined || sum === null) {
        unassessable.push(`row ${row.label}`);
        continue;
      }
      if (sum !== total) {
        failures.push(
          diagnostic('error', this.id, `表三 row ${row.label} (${row.key}): the six applicant columns sum to ${sum}, but 总计 is ${total}`, {
            where: { table: 'applications', row: row.key, column: 'total' },
            expected: sum,
            actual: total,
          }),
        );
      }
    }
    return outcome(this.id, failures, unassessable);
  },
};

/** The 表三 map tells its own version: （六） is one row in 2019 and a group in 2021. */
export function versionOfTable(t: unknown): TemplateVersion {
  const other = (t as Record<string, unknown>)['otherHandling'] as Record<string, unknown> | undefined;
  return other && 'overdueCorrection' in other ? '2021' : '2019';
}
