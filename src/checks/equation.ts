import { diagnostic } from '../diagnostics.js';
import type { TableKey, Where } from '../schema/index.js';
import type { Tables } from '../tables/index.js';
import { TABLE_NAMES } from '../tables/table-builder.js';
import { outcome, sumOrNull, type Rule } from './rule.js';

type Value = number | null | undefined;

/** One relation a table must satisfy: sum(expected) = sum(actual). */
export interface Equation {
  /** How the part is named when it cannot be assessed: `column 自然人`, `row 2.重复申请`. */
  part: string;
  where: Where;
  expected: readonly Value[];
  actual: readonly Value[];
  message(expected: number, actual: number): string;
}

/**
 * A 勾稽 rule as data: the equations one table must satisfy. An equation with a missing term
 * is not assessable; the rule fails on any broken equation.
 */
export function equationRule(spec: {
  id: string;
  description: string;
  table: TableKey;
  equations(table: NonNullable<Tables[TableKey]>): Equation[];
}): Rule {
  return {
    id: spec.id,
    description: spec.description,
    severity: 'error',
    run({ tables, lineOf }) {
      const t = tables[spec.table];
      if (!t) return outcome(spec.id, [], [`${TABLE_NAMES[spec.table]} not found`]);
      const failures = [];
      const unassessable = [];
      for (const eq of spec.equations(t)) {
        const expected = sumOrNull(eq.expected);
        const actual = sumOrNull(eq.actual);
        if (expected === null || actual === null) unassessable.push(eq.part);
        else if (expected !== actual) {
          const line = lineOf?.(spec.table, eq.where.row!, eq.where.column!);
          const where = line === undefined ? eq.where : { ...eq.where, line };
          failures.push(diagnostic('error', spec.id, eq.message(expected, actual), { where, expected, actual }));
        }
      }
      return outcome(spec.id, failures, unassessable);
    },
  };
}
