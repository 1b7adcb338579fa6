import { diagnostic } from '../diagnostics.js';
import { APPLICATION_COLUMNS } from '../schema/template.js';
import { cellAt, outcome, type Rule } from './rule.js';

/** 表三 corner cell: 第一项加第二项之和，等于第三项加第四项之和, per column. */
export const applicationsBalance: Rule = {
  id: 'applications-balance',
  description: '表三 per column: 本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理',
  run({ tables }) {
    const t = tables.applications;
    if (!t) return outcome(this.id, [], ['表三 not found']);
    const failures = [];
    const unassessable = [];
    for (const c of APPLICATION_COLUMNS) {
      const [a, b, x, y] = ['newReceived', 'carriedOver', 'total', 'carriedForward'].map((r) => cellAt(t, r, c.key));
      if ([a, b, x, y].some((v) => v === null || v === undefined)) {
        unassessable.push(`column ${c.label}`);
        continue;
      }
      if (a! + b! !== x! + y!) {
        failures.push(
          diagnostic(
            'error',
            this.id,
            `表三 column ${c.label} (${c.key}): 本年新收 ${a} + 上年结转 ${b} = ${a! + b!}, but （七）总计 ${x} + 结转下年度 ${y} = ${x! + y!}`,
            { where: { table: 'applications', row: 'total', column: c.key }, expected: a! + b!, actual: x! + y! },
          ),
        );
      }
    }
    return outcome(this.id, failures, unassessable);
  },
};
