import { diagnostic } from '../diagnostics.js';
import type { CheckResult, Diagnostic, ReportInfo, Severity, TableKey } from '../schema/index.js';
import type { Tables } from '../tables/index.js';

export interface CheckContext {
  info: ReportInfo;
  tables: Tables;
  /** Numbers (1–6) of the sections whose headings were found. */
  sections: readonly number[];
  /** `nonstandard`: the report has an outline of its own, mapped to the six sections by its words. */
  outline?: 'standard' | 'nonstandard';
  /** The line a cell was read from, when known. */
  lineOf?: (table: TableKey, row: string, column: string) => number | undefined;
  /** Section texts by number (1–6), for rules about the prose. */
  texts?: ReadonlyMap<number, string>;
  /** What reading the tables found (placeholders, blanks …), for rules that summarise it. */
  reading?: readonly Diagnostic[];
  /** Relations (by relationId) the reading assumed to split run-together digits: not assessable. */
  assumed?: ReadonlySet<string>;
  /** OCR's confidence in the values it read (tables' shape), when OCR read any. */
  confidence?: Tables | null;
}

export interface RuleOutcome {
  result: CheckResult;
  diagnostics: Diagnostic[];
}

export interface Rule {
  id: string;
  description: string;
  /** How serious a failure is: errors fail `gov-report check`, warnings and infos are reported. */
  severity: Severity;
  run(ctx: CheckContext): RuleOutcome;
}

/**
 * Turn the failures and the not-assessable parts of one rule into its outcome. A rule with
 * any part not assessable never reports `passed`: it says which parts it could not check.
 */
export function outcome(rule: string, failures: Diagnostic[], unassessable: string[]): RuleOutcome {
  if (failures.length > 0) {
    const extra = unassessable.length > 0 ? `; not assessable: ${unassessable.join(', ')}` : '';
    return {
      result: { rule, outcome: 'failed', message: `${failures.length} failed${extra}` },
      diagnostics: [...failures, ...notAssessable(rule, unassessable)],
    };
  }
  if (unassessable.length > 0) {
    const message = `not assessable: ${unassessable.join(', ')}`;
    return { result: { rule, outcome: 'not-assessable', message }, diagnostics: notAssessable(rule, unassessable) };
  }
  return { result: { rule, outcome: 'passed' }, diagnostics: [] };
}

function notAssessable(rule: string, parts: string[]): Diagnostic[] {
  return parts.length === 0 ? [] : [diagnostic('info', rule, `${rule} not assessable: ${parts.join(', ')}`)];
}

/** Sum when every term is a number; null as soon as one is missing. */
export function sumOrNull(values: ReadonlyArray<number | null | undefined>): number | null {
  let sum = 0;
  for (const v of values) {
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return sum;
}

export { cellAt } from '../schema/row-path.js';
