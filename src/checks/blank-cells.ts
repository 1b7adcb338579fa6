import { outcome, type Rule } from './rule.js';

/**
 * Placeholders (-, /, —, 无) and blank cells: read as null and flagged where they were read
 * (value-placeholder, value-blank); this rule counts them into the audit.
 */
export const blankCells: Rule = {
  id: 'blank-cells',
  description: 'placeholders (-, /, —, 无) or blank cells where the template expects a number',
  severity: 'warning',
  run({ tables, reading }) {
    const found = (reading ?? []).filter(isBlankCell);
    if (found.length > 0) {
      return { result: { rule: this.id, outcome: 'failed', message: `${found.length} cell${found.length === 1 ? '' : 's'} blank or a placeholder` }, diagnostics: [] };
    }
    const missing = Object.entries(tables).filter(([, t]) => t === null).map(([k]) => k);
    return outcome(this.id, [], missing.length > 0 ? [`not found: ${missing.join(', ')}`] : []);
  },
};

const isBlankCell = (d: { rule: string }) => d.rule === 'value-placeholder' || d.rule === 'value-blank';
