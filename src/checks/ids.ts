/**
 * The ids of every rule, per report and across years: a public interface (the spec lists them),
 * written out so the CLI can validate `--rules` without loading the rules. A test holds the
 * rules to this list.
 */
export const RULE_IDS = [
  'applications-balance',
  'applications-row-total',
  'applications-outcome-total',
  'review-litigation-total',
  'template-year-mismatch',
  'missing-section',
  'missing-table',
  'blank-cells',
  'fee-not-reported',
  'overview-figures',
  'carry-over',
  'in-force-continuity',
  'repeated-text',
] as const;
