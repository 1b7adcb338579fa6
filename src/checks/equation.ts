import { diagnostic } from '../diagnostics.js';
import { relationId, relationsOf, type Relation, type RelationRule } from '../schema/relations.js';
import { tableVersion, type TableKey } from '../schema/index.js';
import { TABLE_NAMES } from '../schema/template.js';
import { cellAt, outcome, type Rule } from './rule.js';

/** Said of a relation that was used to read the table: checking it again would prove nothing. */
export const ASSUMED = 'used to split run-together digits';

/**
 * A 勾稽 rule: the template's relations of one rule id (schema/relations.ts), checked on the
 * cells read. A relation with a missing term, or one the reading assumed, is not assessable;
 * the rule fails on any broken relation.
 */
export function equationRule(spec: {
  id: RelationRule;
  description: string;
  table: TableKey;
  message(relation: Relation, expected: number, actual: number): string;
}): Rule {
  return {
    id: spec.id,
    description: spec.description,
    severity: 'error',
    run({ tables, lineOf, assumed, confidence }) {
      const t = tables[spec.table];
      if (!t) return outcome(spec.id, [], [`${TABLE_NAMES[spec.table]} not found`]);
      const failures = [];
      const unassessable = [];
      for (const r of relationsOf(spec.table, tableVersion(spec.table, t))) {
        if (r.rule !== spec.id) continue;
        if (assumed?.has(relationId(r))) {
          unassessable.push(`${r.part} (${ASSUMED})`);
          continue;
        }
        const expected = sumOfCells(t, r.left);
        const actual = sumOfCells(t, r.right);
        if (expected === null || actual === null) unassessable.push(r.part);
        else if (expected !== actual) {
          const line = lineOf?.(spec.table, r.at.row, r.at.column);
          const where = { table: spec.table, row: r.at.row, column: r.at.column, ...(line === undefined ? {} : { line }) };
          // Whoever audits a failure on a scan must know to look at the picture, not at a typo.
          const scores = confidence?.[spec.table];
          const ocr = [...r.left, ...r.right].some((c) => typeof cellAt(scores, c.row, c.column) === 'number');
          const message = spec.message(r, expected, actual) + (ocr ? ' (values read by OCR: compare with the page image)' : '');
          failures.push(diagnostic('error', spec.id, message, { where, expected, actual }));
        }
      }
      return outcome(spec.id, failures, unassessable);
    },
  };
}

/** The cells added up; null when one is missing or null. A loop: it runs for every relation of every report. */
function sumOfCells(table: unknown, cells: ReadonlyArray<{ row: string; column: string }>): number | null {
  let sum = 0;
  for (const c of cells) {
    const v = cellAt(table, c.row, c.column);
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return sum;
}
