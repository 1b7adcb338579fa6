import { diagnostic } from '../diagnostics.js';
import { APPLICATION_COLUMNS, APPLICATION_ROWS } from '../schema/template.js';
import { versionOfTable } from './applications-row-total.js';
import { cellAt, outcome, sumOrNull, type Rule } from './rule.js';

/** 表三 per column: （七）总计 = every outcome row, （一） through （六）. */
export const applicationsOutcomeTotal: Rule = {
  id: 'applications-outcome-total',
  description: '表三 per column: （七）总计 = sum of the outcome rows （一）…（六）',
  run({ tables }) {
    const t = tables.applications;
    if (!t) return outcome(this.id, [], ['表三 not found']);
    const outcomes = APPLICATION_ROWS[versionOfTable(t)].filter((r) => r.outcome);
    const failures = [];
    const unassessable = [];
    for (const c of APPLICATION_COLUMNS) {
      const total = cellAt(t, 'total', c.key);
      const sum = sumOrNull(outcomes.map((r) => cellAt(t, r.key, c.key)));
      if (total === null || total === undefined || sum === null) {
        unassessable.push(`column ${c.label}`);
        continue;
      }
      if (sum !== total) {
        failures.push(
          diagnostic('error', this.id, `表三 column ${c.label} (${c.key}): the outcome rows sum to ${sum}, but （七）总计 is ${total}`, {
            where: { table: 'applications', row: 'total', column: c.key },
            expected: sum,
            actual: total,
          }),
        );
      }
    }
    return outcome(this.id, failures, unassessable);
  },
};
