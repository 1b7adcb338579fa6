import type { Line } from '../extract/document.js';
import { isTitleText } from '../schema/headings.js';
import { compact } from '../text/index.js';
import type { Tables } from './index.js';

/** Why a document is not one report: a list of reports, a template never filled in, two reports' tables. */
export interface NotOneReport {
  rule: 'report-list' | 'blank-template' | 'several-reports';
  message: string;
}

/** A line that starts a table: 表二's first block, 表三's first row, 表四's header. */
const TABLE_STARTS: ReadonlyArray<[string, RegExp]> = [
  ['表二', /^第二十条第[（(]?一[)）]?项/],
  ['表三', /^[一1][、.．]?本年新收政府信息公开申请数量/],
  ['表四', /^行政复议行政诉讼/],
];
const TITLE_YEAR = /((?:19|20)\d{2})年/;

/** A page of report titles with no section or table of its own. */
export function linesToReportList(lines: readonly Line[]): NotOneReport | null {
  const titles = new Set<string>();
  for (const l of lines) {
    const t = compact(l.text).replace(/\d{4}[-/.]\d{1,2}[-/.]\d{1,2}.*$/, '');
    if (isTitleText(t) && TITLE_YEAR.test(t)) titles.add(t);
  }
  if (titles.size < 3) return null;
  const sample = [...titles].slice(0, 3).join('; ');
  return { rule: 'report-list', message: `a list of ${titles.size} reports (${sample} …), not a report: parse the reports it links to` };
}

/** Tables read, but not one number in them: the blank national template. */
export function tablesToBlankTemplate(tables: Tables, located: number): NotOneReport | null {
  const found = Object.values(tables).filter((t) => t !== null);
  // Blank rows are no rows to the 表三 reader: a table located but not read counts as found.
  if (located < 2) return null;
  const numbers = (o: unknown): number =>
    typeof o === 'number' ? 1 : o && typeof o === 'object' ? Object.values(o).reduce((n: number, v) => n + numbers(v), 0) : 0;
  if (found.some((t) => numbers(t) > 0)) return null;
  return { rule: 'blank-template', message: `the ${located} tables found hold no numbers: a blank template, not a report` };
}

/** The start of some table twice: a comparison of two years, or two reports in one file. */
export function linesToSeveralReports(lines: readonly Line[]): NotOneReport | null {
  const twice: string[] = [];
  // Only lines that can start a table are compacted (most lines of a report cannot).
  const candidates = lines.filter((l) => /第二十条|本年新收|行政复议/.test(l.text)).map((l) => ({ no: l.no, text: compact(l.cells ? l.cells.join('') : l.text) }));
  for (const [name, start] of TABLE_STARTS) {
    const at = candidates.filter((l) => start.test(l.text)).map((l) => l.no);
    if (at.length >= 2) twice.push(`${name} at lines ${at.join(', ')}`);
  }
  if (twice.length === 0) return null;
  return { rule: 'several-reports', message: `holds the tables of more than one report (${twice.join('; ')}); save each report as a file of its own` };
}
