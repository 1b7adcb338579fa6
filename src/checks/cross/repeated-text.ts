import { diagnostic } from '../../diagnostics.js';
import { compact } from '../../normalize/index.js';
import { SECTIONS } from '../../schema/template.js';
import { pairOutcome, years, type CrossRule } from './pair.js';

/** Evaluators deduct for a section more than half copied from the year before. */
export const REPEATED_LIMIT = 0.5;
const MIN_SENTENCE = 8;

/** Sentences of the text, white space removed; short fragments (headings, 无。) do not count. */
function sentences(text: string): string[] {
  return compact(text)
    .split(/[。！？；\n]/)
    .filter((s) => s.length >= MIN_SENTENCE);
}

/** Share of a section's sentences (by length) that stand word for word in last year's report. */
export function repeatedShare(earlier: string, later: string): number | null {
  const before = new Set(sentences(earlier));
  const now = sentences(later);
  const total = now.reduce((n, s) => n + s.length, 0);
  if (total === 0) return null;
  return now.filter((s) => before.has(s)).reduce((n, s) => n + s.length, 0) / total;
}

export const repeatedText: CrossRule = {
  id: 'repeated-text',
  description: 'share of each section repeated word for word from last year’s report (over 50 % is flagged)',
  severity: 'info',
  run(pair) {
    const failures = [];
    const unassessable = [];
    for (const s of SECTIONS) {
      const a = pair.earlier.sections.find((x) => x.number === s.number)?.text;
      const b = pair.later.sections.find((x) => x.number === s.number)?.text;
      const share = a === undefined || b === undefined ? null : repeatedShare(a, b);
      if (share === null) {
        unassessable.push(`section ${s.label}`);
        continue;
      }
      if (share > REPEATED_LIMIT) {
        const pct = Math.round(share * 100);
        failures.push(
          diagnostic('info', this.id, `${pair.agency} ${years(pair)}: ${pct} % of section ${s.label} repeats the year before word for word`, {
            where: { section: s.number },
            expected: `≤ ${REPEATED_LIMIT * 100} %`,
            actual: `${pct} %`,
          }),
        );
      }
    }
    // Sections without prose (only a table) cannot be compared; that is not a finding.
    return pairOutcome(this, failures, unassessable.length === SECTIONS.length ? ['no section text in both reports'] : []);
  },
};
