import { diagnostic } from '../../diagnostics.js';
import { APPLICATION_COLUMNS } from '../../schema/template.js';
import { cellAt } from '../rule.js';
import { pairOutcome, years, type CrossRule } from './pair.js';

/** Last year's 四、结转下年度继续办理 is this year's 二、上年结转, column by column. */
export const carryOver: CrossRule = {
  id: 'carry-over',
  description: "表三: last year's 结转下年度继续办理 = this year's 上年结转, per column",
  severity: 'warning',
  run(pair) {
    const a = pair.earlier.tables.applications;
    const b = pair.later.tables.applications;
    if (!a || !b) return pairOutcome(this, [], ['表三 not found in both reports']);
    const failures = [];
    const unassessable = [];
    for (const c of APPLICATION_COLUMNS) {
      const forward = cellAt(a, 'carriedForward', c.key);
      const over = cellAt(b, 'carriedOver', c.key);
      if (typeof forward !== 'number' || typeof over !== 'number') unassessable.push(`column ${c.label}`);
      else if (forward !== over) {
        failures.push(
          diagnostic('warning', this.id, `${pair.agency} ${years(pair)}: 表三 column ${c.label}: ${pair.earlier.report.year} 结转下年度 ${forward}, but ${pair.later.report.year} 上年结转 ${over}`, {
            where: { table: 'applications', row: 'carriedOver', column: c.key },
            expected: forward,
            actual: over,
          }),
        );
      }
    }
    return pairOutcome(this, failures, unassessable);
  },
};
