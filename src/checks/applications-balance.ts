import { APPLICATION_COLUMNS } from '../schema/template.js';
import { equationRule } from './equation.js';
import { cellAt } from './rule.js';

/** 表三 corner cell: 第一项加第二项之和，等于第三项加第四项之和, per column. */
export const applicationsBalance = equationRule({
  id: 'applications-balance',
  description: '表三 per column: 本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理',
  table: 'applications',
  equations: (t) =>
    APPLICATION_COLUMNS.map((c) => ({
      part: `column ${c.label}`,
      where: { table: 'applications', row: 'total', column: c.key },
      expected: [cellAt(t, 'newReceived', c.key), cellAt(t, 'carriedOver', c.key)],
      actual: [cellAt(t, 'total', c.key), cellAt(t, 'carriedForward', c.key)],
      message: (e, a) => `表三 column ${c.label} (${c.key}): 本年新收 + 上年结转 = ${e}, but （七）总计 + 结转下年度 = ${a}`,
    })),
});
