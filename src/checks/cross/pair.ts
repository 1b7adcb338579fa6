import { diagnostic } from '../../diagnostics.js';
import type { CheckResult, Diagnostic, Report, Severity } from '../../schema/index.js';

/** Two reports of one agency, for consecutive years. */
export interface YearPair {
  agency: string;
  earlier: Report;
  later: Report;
}

export interface CrossRule {
  id: string;
  description: string;
  severity: Severity;
  run(pair: YearPair): { result: CheckResult; diagnostics: Diagnostic[] };
}

/** Like the single-report `outcome`, for a pair: failed, not assessable (saying why), or passed. */
export function pairOutcome(rule: CrossRule, failures: Diagnostic[], unassessable: string[]) {
  if (failures.length > 0) return { result: { rule: rule.id, outcome: 'failed' as const, message: `${failures.length} failed` }, diagnostics: failures };
  if (unassessable.length > 0) {
    const message = `not assessable: ${unassessable.join(', ')}`;
    return { result: { rule: rule.id, outcome: 'not-assessable' as const, message }, diagnostics: [diagnostic('info', rule.id, `${rule.id} ${message}`)] };
  }
  return { result: { rule: rule.id, outcome: 'passed' as const }, diagnostics: [] };
}

export const years = (p: YearPair) => `${p.earlier.report.year} → ${p.later.report.year}`;
