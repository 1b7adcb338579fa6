import { ACTIVE_DISCLOSURE, APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_GROUPS, type TemplateVersion } from '../../src/schema/template.js';

/** What a synthetic report says: the truth its rendered text must parse back to. */
export interface Spec {
  name: string;
  version: TemplateVersion;
  agency: string;
  year: number;
  /** 表二: row → column → cell text as printed. */
  t2: Record<string, Record<string, string>>;
  /** 表三: dotted row → 7 cell texts (six applicant columns, then 总计). */
  t3: Record<string, string[]>;
  /** 表四: group → 5 cell texts. */
  t4: Record<string, string[]>;
  /** Prose of 一、总体情况 and 六、其他需要报告的事项, when a fixture needs its own. */
  overview?: string[];
  problems?: string;
  other?: string;
}

/**
 * Consistent values: every outcome row sums to （七）总计, every row's 总计 is its applicant sum,
 * 本年新收 + 上年结转 = 总计 + 结转下年度. Distinct numbers, so a value in the wrong cell shows.
 */
export function consistentSpec(name: string, version: TemplateVersion, year: number, seed: number, agencyName?: string, carried?: readonly number[]): Spec {
  const rows = APPLICATION_ROWS[version];
  const t3: Record<string, number[]> = {};
  const outcomes = rows.filter((r) => r.outcome);
  outcomes.forEach((r, i) => {
    const base = APPLICANT_COLUMNS.map((_, c) => ((i * 7 + c * 3 + seed) % 11) * (c === 0 ? 3 : 1));
    t3[r.key] = [...base, sum(base)];
  });
  const total = APPLICANT_COLUMNS.map((_, c) => sum(outcomes.map((r) => t3[r.key]![c]!)));
  const carriedOver = carried ? [...carried] : APPLICANT_COLUMNS.map((_, c) => (c + seed) % 3);
  const carriedForward = APPLICANT_COLUMNS.map((_, c) => (c * 2 + seed) % 4);
  // Chosen so that 本年新收 + 上年结转 = 总计 + 结转下年度 in every column (never negative).
  const newReceived = total.map((t, c) => t + carriedForward[c]! - carriedOver[c]!);
  if (newReceived.some((n) => n < 0)) throw new Error(`${name}: carried-over figures larger than the year's total`);
  t3['newReceived'] = [...newReceived, sum(newReceived)];
  t3['carriedOver'] = [...carriedOver, sum(carriedOver)];
  t3['total'] = [...total, sum(total)];
  t3['carriedForward'] = [...carriedForward, sum(carriedForward)];

  const t2: Spec['t2'] = {};
  let n = seed;
  for (const block of ACTIVE_DISCLOSURE[version]) {
    for (const row of block.rows) {
      t2[row.key] = Object.fromEntries(
        block.columns.map((c) => {
          n = (n * 37 + 11) % 997;
          if (c.kind === 'signed') return [c.key, n % 2 ? `增${n % 40}` : `减${n % 9}`];
          if (c.kind === 'money') return [c.key, `${n}.${(n * 13) % 100}`];
          return [c.key, String(n)];
        }),
      );
    }
  }
  const t4: Spec['t4'] = {};
  REVIEW_GROUPS.forEach((g, i) => {
    const v = [i + seed, (i * 2) % 3, i % 2, (seed + i) % 3];
    t4[g.key] = [...v, sum(v)].map(String);
  });
  const agency = agencyName ?? (version === '2019' ? '示例市交通运输局' : '示例县自然资源局');
  return {
    name,
    version,
    agency,
    year,
    t2,
    t3: Object.fromEntries(rows.map((r) => [r.key, t3[r.key]!.map(String)])),
    t4,
  };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** The numbers a spec's cell texts stand for, as gov-report should read them. */
export function expectedTables(spec: Spec, read: (text: string) => number | null) {
  const nest = (rows: Record<string, Record<string, unknown>>) => {
    const out: Record<string, unknown> = {};
    for (const [key, cols] of Object.entries(rows)) {
      const [head, tail] = key.split('.');
      if (tail) ((out[head!] ??= {}) as Record<string, unknown>)[tail] = cols;
      else out[head!] = cols;
    }
    return out;
  };
  const cols = ['naturalPerson', 'commercialEnterprise', 'researchInstitution', 'socialWelfareOrganization', 'legalServiceOrganization', 'otherOrganization', 'total'];
  const rc = ['upheld', 'corrected', 'other', 'pending', 'total'];
  return {
    activeDisclosure: Object.fromEntries(
      Object.entries(spec.t2).map(([r, c]) => [r, Object.fromEntries(Object.entries(c).map(([k, v]) => [k, read(v)]))]),
    ),
    applications: nest(Object.fromEntries(Object.entries(spec.t3).map(([r, v]) => [r, Object.fromEntries(cols.map((c, i) => [c, read(v[i]!)]))]))),
    reviewLitigation: Object.fromEntries(Object.entries(spec.t4).map(([g, v]) => [g, Object.fromEntries(rc.map((c, i) => [c, read(v[i]!)]))])),
  };
}
