import type { CheckResult, Diagnostic } from '../schema/index.js';
import { applicationsBalance } from './applications-balance.js';
import { applicationsOutcomeTotal } from './applications-outcome-total.js';
import { applicationsRowTotal } from './applications-row-total.js';
import { blankCells } from './blank-cells.js';
import { feeNotReported } from './fee-not-reported.js';
import { overviewFigures } from './overview-figures.js';
import { missingSection, missingTable } from './missing.js';
import { reviewLitigationTotal } from './review-litigation-total.js';
import type { CheckContext, Rule } from './rule.js';
import { templateYearMismatch } from './template-year-mismatch.js';

export type { CheckContext, Rule } from './rule.js';

/** Every rule, in the order results are reported. */
export const RULES: readonly Rule[] = [
  applicationsBalance,
  applicationsRowTotal,
  applicationsOutcomeTotal,
  reviewLitigationTotal,
  templateYearMismatch,
  missingSection,
  missingTable,
  blankCells,
  feeNotReported,
  overviewFigures,
];

export function runChecks(ctx: CheckContext, rules: readonly Rule[] = RULES): { checks: CheckResult[]; diagnostics: Diagnostic[] } {
  const checks: CheckResult[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const { result, diagnostics: d } = rule.run(ctx);
    checks.push(result);
    diagnostics.push(...d);
  }
  return { checks, diagnostics };
}
