import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as ReportModule from '../src/schema/report.js';
import { validateReport } from '../src/schema/validate.js';
import type { Report } from '../src/schema/index.js';
import { fixtureFiles, goldenPath } from './helpers.js';

// validateReport runs zod's compiled checks (schema/zod.ts). They are held here to zod's
// ordinary parser: a second copy of the schemas, built with compiling switched off.

const goldens = (await fixtureFiles())
  .map(goldenPath)
  .filter((f) => existsSync(f))
  .map((f) => ({ file: f, report: JSON.parse(readFileSync(f, 'utf8')) as Report }));

/** The report schemas again, built while zod's compile hook is off: zod's runtime parser. */
async function runtimeSchemas() {
  const config = (globalThis as { __zod_globalConfig?: { postProcessor?: unknown } }).__zod_globalConfig!;
  const saved = config.postProcessor;
  config.postProcessor = undefined;
  try {
    const spec = '../src/schema/report.js?runtime';
    const m = (await import(/* @vite-ignore */ spec)) as typeof ReportModule;
    return { status: m.ReportSchema.shape.status, schemas: { envelope: m.ReportSchema.omit({ tables: true, raw: true, confidence: true }), tables: m.TABLE_SCHEMAS } };
  } finally {
    config.postProcessor = saved;
  }
}

const runtime = await runtimeSchemas();

/** The verdict of zod's runtime parser on the same parts. */
const runtimeAccepts = (report: Report) => validateReport(report, runtime.schemas) === null;

/** A copy to break on purpose: its type cannot describe what the mutants put in it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const clone = (r: Report): any => structuredClone(r);
const anyGolden = () => goldens.find((g) => g.file.endsWith('synthetic/2021-layout.txt.json'))!.report;

describe('report validation (zod compiled)', () => {
  it('the oracle is zod’s runtime parser, not the compiled one', () => {
    runtime.status.validate('ok');
    expect(runtime.status._zod.bag.validator).toBeUndefined();
  });

  it(`accepts every golden report (${goldens.length})`, () => {
    expect(goldens.length).toBeGreaterThan(40);
    for (const { file, report } of goldens) expect(validateReport(report), file).toBeNull();
  });

  // Each a defect of ours that validation must turn into a diagnostic, naming the part.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const mutants: Array<[string, string, (r: any) => void]> = [
    ['an unknown status', 'report:', (r) => (r.status = 'done')],
    ['a count as text', 'tables.applications:', (r) => (r.tables.applications.total.naturalPerson = '300')],
    ['NaN in a cell', 'tables.applications:', (r) => (r.tables.applications.granted.total = Number.NaN)],
    ['a number among raw texts', 'raw.reviewLitigation:', (r) => (r.raw.reviewLitigation.review.upheld = 6)],
    ['a row the template does not have', 'tables.activeDisclosure:', (r) => (r.tables.activeDisclosure.extra = { issued: 1 })],
    ['a row missing', 'tables.applications:', (r) => delete r.tables.applications.carriedOver],
    ['a diagnostic of unknown severity', 'report:', (r) => (r.diagnostics[0].severity = 'fatal')],
    ['an indicator as text', 'report:', (r) => (r.indicators.substantiveDisclosureRate.value = '9%')],
    ['a fractional page read by OCR', 'report:', (r) => (r.source.ocr = [1.5])],
    ['a key the envelope does not have', 'report:', (r) => (r.extra = true)],
  ];
  for (const [what, where, mutate] of mutants) {
    it(`rejects ${what}`, () => {
      const r = clone(anyGolden());
      mutate(r);
      const problem = validateReport(r);
      expect(problem).not.toBeNull();
      expect(problem!.startsWith(where), problem!).toBe(true);
      expect(problem).not.toContain('rejected by the compiled check');
      expect(runtimeAccepts(r)).toBe(false);
    });
  }

  it('agrees with zod’s runtime parser on mutated reports', () => {
    const values = fc.constantFrom<unknown>(null, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '', 'x', true, [], {}, [1], undefined);
    /** Every place in a report below its top-level keys. */
    const places = (value: unknown, at: Array<string | number> = []): Array<Array<string | number>> => {
      if (value === null || typeof value !== 'object') return [at];
      const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
      return [at, ...keys.flatMap((k) => places((value as Record<string | number, unknown>)[k], [...at, k]))];
    };
    const reports = goldens.map((g) => ({ report: g.report, places: places(g.report).filter((p) => p.length >= 2) }));
    let rejected = 0;
    fc.assert(
      fc.property(fc.nat(), fc.nat(), values, fc.boolean(), (which, where, value, addKey) => {
        const g = reports[which % reports.length]!;
        const at = g.places[where % g.places.length]!;
        const r = clone(g.report);
        const parent = at.slice(0, -1).reduce<any>((o, k) => o[k], r);
        const key = at[at.length - 1]!;
        if (addKey && parent[key] !== null && typeof parent[key] === 'object' && !Array.isArray(parent[key])) parent[key].zz = value ?? 0;
        else if (value === undefined) delete parent[key];
        else parent[key] = value;
        const problem = validateReport(r);
        if (problem !== null) rejected++;
        expect(problem === null).toBe(runtimeAccepts(r));
        if (problem !== null) expect(problem).not.toContain('rejected by the compiled check');
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 2000) },
    );
    // Most mutations break the schema; a few (null where null is allowed) do not.
    expect(rejected).toBeGreaterThan(1000);
  });
});
