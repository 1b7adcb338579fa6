import { diagnostic } from '../diagnostics.js';
import { tableVersion } from '../schema/index.js';
import { cellAt, outcome, type Rule } from './rule.js';

/**
 * Since 2021 (国办函〔2020〕109号) section 六 reports the 信息处理费 charged. A 2021-layout report
 * whose 表三 shows applications dropped for unpaid fees (otherHandling.unpaidFee) should say so.
 */
export const feeNotReported: Rule = {
  id: 'fee-not-reported',
  description: '2021 layout: 表三 shows unpaid information fees, but section 六 does not mention 信息处理费',
  severity: 'warning',
  run({ tables, texts }) {
    const t = tables.applications;
    if (!t) return outcome(this.id, [], ['表三 not found']);
    if (tableVersion('applications', t) !== '2021') return { result: { rule: this.id, outcome: 'not-applicable' }, diagnostics: [] };
    const unpaid = cellAt(t, 'otherHandling.unpaidFee', 'total');
    if (unpaid === null || unpaid === undefined) return outcome(this.id, [], ['表三 （六）2. 总计 is not a number']);
    const six = texts?.get(6);
    if (unpaid === 0) return outcome(this.id, [], []);
    if (six === undefined) return outcome(this.id, [], ['section 六 not found']);
    if (/信息处理费|收费通知/.test(six)) return outcome(this.id, [], []);
    return outcome(
      this.id,
      [
        diagnostic('warning', this.id, `表三 （六）2. 逾期未按收费通知缴纳费用 totals ${unpaid}, but section 六 does not mention 信息处理费`, {
          where: { table: 'applications', row: 'otherHandling.unpaidFee', column: 'total', section: 6 },
          actual: unpaid,
        }),
      ],
      [],
    );
  },
};
