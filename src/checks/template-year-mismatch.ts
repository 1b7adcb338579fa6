import { diagnostic } from '../diagnostics.js';
import { outcome, type Rule } from './rule.js';

/** The 2019 layout was replaced for report years 2021 on (国办公开办函〔2021〕30号). */
export const templateYearMismatch: Rule = {
  id: 'template-year-mismatch',
  description: '2019 layout in a report for 2021 or later, or 2021 layout before 2021',
  severity: 'warning',
  run({ info }) {
    const { template, year } = info;
    if (year === null) return outcome(this.id, [], ['report year not found']);
    if (template !== '2019' && template !== '2021') return outcome(this.id, [], [`template is ${template}`]);
    const expected = year >= 2021 ? '2021' : '2019';
    if (template === expected) return outcome(this.id, [], []);
    return outcome(
      this.id,
      [
        diagnostic('warning', this.id, `report for ${year} uses the ${template} layout; ${expected} was expected`, {
          expected,
          actual: template,
        }),
      ],
      [],
    );
  },
};
