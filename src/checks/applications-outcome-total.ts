import { APPLICATION_COLUMNS } from '../schema/template.js';
import { equationRule } from './equation.js';

const LABELS = new Map(APPLICATION_COLUMNS.map((c) => [c.key as string, c.label]));

/** 表三 per column: （七）总计 = every outcome row, （一） through （六）. */
export const applicationsOutcomeTotal = equationRule({
  id: 'applications-outcome-total',
  description: '表三 per column: （七）总计 = sum of the outcome rows （一）…（六）',
  table: 'applications',
  message: (r, e, a) => `表三 column ${LABELS.get(r.at.column)} (${r.at.column}): the outcome rows sum to ${e}, but （七）总计 is ${a}`,
});
