import { diagnostic } from '../diagnostics.js';
import { SECTIONS, TABLES } from '../schema/template.js';
import { outcome, type Rule } from './rule.js';

export const missingSection: Rule = {
  id: 'missing-section',
  description: 'one of the six sections 一 … 六 not found',
  severity: 'warning',
  run({ sections, outline }) {
    const missing = SECTIONS.filter((s) => !sections.includes(s.number));
    if (outline === 'nonstandard') {
      // One finding for an outline of its own, not one per standard heading it does not use.
      const found = missing.length === 0 ? 'each standard section was found by its words' : `not found: ${missing.map((s) => `${s.label} (${s.id})`).join(', ')}`;
      return {
        result: missing.length === 0 ? { rule: this.id, outcome: 'passed' } : { rule: this.id, outcome: 'failed', message: `${missing.length} not found in an outline of its own` },
        diagnostics: [diagnostic('warning', 'nonstandard-outline', `the report's headings are not the six standard ones; its sections were mapped by their words; ${found}`)],
      };
    }
    const failures = missing.map((s) =>
      diagnostic('warning', this.id, `section ${s.label} (${s.id}) not found`, { where: { section: s.number } }),
    );
    return outcome(this.id, failures, []);
  },
};

/** The table parsers already say which table is missing; this rule only counts it. */
export const missingTable: Rule = {
  id: 'missing-table',
  description: 'one of 表二, 表三, 表四 not found',
  severity: 'warning',
  run({ tables }) {
    const missing = TABLES.filter((t) => tables[t.key] === null);
    return {
      result:
        missing.length === 0
          ? { rule: this.id, outcome: 'passed' }
          : { rule: this.id, outcome: 'failed', message: `not found: ${missing.map((t) => t.label).join(', ')}` },
      diagnostics: [],
    };
  },
};
