import { APPLICATION_COLUMNS } from '../schema/template.js';
import { equationRule } from './equation.js';

const LABELS = new Map(APPLICATION_COLUMNS.map((c) => [c.key as string, c.label]));

/** 表三 corner cell: 第一项加第二项之和，等于第三项加第四项之和, per column. */
export const applicationsBalance = equationRule({
  id: 'applications-balance',
  description: '表三 per column: 本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理',
  table: 'applications',
  message: (r, e, a) => `表三 column ${LABELS.get(r.at.column)} (${r.at.column}): 本年新收 + 上年结转 = ${e}, but （七）总计 + 结转下年度 = ${a}`,
});
