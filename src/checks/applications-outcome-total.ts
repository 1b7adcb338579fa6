import { APPLICATION_COLUMNS, APPLICATION_ROWS } from '../schema/template.js';
import { tableVersion } from '../schema/index.js';
import { equationRule } from './equation.js';
import { cellAt } from './rule.js';

/** 表三 per column: （七）总计 = every outcome row, （一） through （六）. */
export const applicationsOutcomeTotal = equationRule({
  id: 'applications-outcome-total',
  description: '表三 per column: （七）总计 = sum of the outcome rows （一）…（六）',
  table: 'applications',
  equations: (t) => {
    const outcomes = APPLICATION_ROWS[tableVersion('applications', t)].filter((r) => r.outcome);
    return APPLICATION_COLUMNS.map((c) => ({
      part: `column ${c.label}`,
      where: { table: 'applications', row: 'total', column: c.key },
      expected: outcomes.map((r) => cellAt(t, r.key, c.key)),
      actual: [cellAt(t, 'total', c.key)],
      message: (e, a) => `表三 column ${c.label} (${c.key}): the outcome rows sum to ${e}, but （七）总计 is ${a}`,
    }));
  },
});
