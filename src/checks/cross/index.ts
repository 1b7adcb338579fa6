import type { CheckResult, Diagnostic, Report } from '../../schema/index.js';
import { carryOver } from './carry-over.js';
import { inForce } from './in-force.js';
import type { CrossRule, YearPair } from './pair.js';
import { repeatedText } from './repeated-text.js';

export type { CrossRule, YearPair } from './pair.js';
export { repeatedShare } from './repeated-text.js';

/** Rules across the reports of one agency in one run, in the order results are reported. */
export const CROSS_RULES: readonly CrossRule[] = [carryOver, inForce, repeatedText];

export interface CrossResult {
  agency: string;
  earlier: { path: string; year: number };
  later: { path: string; year: number };
  checks: CheckResult[];
  diagnostics: Diagnostic[];
}

/**
 * Pair the reports of each agency for consecutive years (agency and year as read from the
 * titles) and run the cross-year rules on every pair.
 */
export function reportsToYearPairs(reports: readonly Report[]): YearPair[] {
  const pairs: YearPair[] = [];
  for (const [agency, list] of reportsByAgency(reports)) {
    for (let i = 1; i < list.length; i++) {
      if (list[i]!.report.year === list[i - 1]!.report.year! + 1) pairs.push({ agency, earlier: list[i - 1]!, later: list[i]! });
    }
  }
  return pairs;
}

/** The read reports of each agency (sameAgency), by year, agencies in name order. */
export function reportsByAgency<R extends Report>(reports: readonly R[]): Array<[string, R[]]> {
  const byAgency = new Map<string, R[]>();
  for (const r of reports) {
    if (r.status === 'failed' || !r.report.agency || r.report.year === null) continue;
    const name = r.report.agency;
    const key = [...byAgency.keys()].find((k) => sameAgency(k, name));
    const group = key === undefined ? [] : byAgency.get(key)!;
    if (key !== undefined) byAgency.delete(key);
    // The group goes by the shorter name (洪泽区人民政府, not 淮安市洪泽区人民政府).
    byAgency.set(key === undefined || name.length < key.length ? name : key, [...group, r]);
  }
  return [...byAgency]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([agency, list]) => [agency, [...list].sort((a, b) => a.report.year! - b.report.year! || (a.source.path < b.source.path ? -1 : 1))]);
}

/** Region prefixes a title may or may not carry before the agency's own name. */
const REGION = /^[\u4e00-\u9fff]{2,8}?(?:省|市|自治区|自治州|州|盟|地区)$/;

/** One agency: the same name, or one the other with its province or city in front (淮安市洪泽区人民政府). */
export function sameAgency(a: string, b: string): boolean {
  if (a === b) return true;
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.endsWith(short) && REGION.test(long.slice(0, long.length - short.length));
}

export function runCrossChecks(reports: readonly Report[], rules: readonly CrossRule[] = CROSS_RULES): CrossResult[] {
  return reportsToYearPairs(reports).map((pair) => {
    const outcomes = rules.map((rule) => rule.run(pair));
    return {
      agency: pair.agency,
      earlier: { path: pair.earlier.source.path, year: pair.earlier.report.year! },
      later: { path: pair.later.source.path, year: pair.later.report.year! },
      checks: outcomes.map((o) => o.result),
      diagnostics: outcomes.flatMap((o) => o.diagnostics),
    };
  });
}
