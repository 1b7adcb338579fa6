import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToDocument } from '../src/extract/read.js';
import { ReadError } from '../src/extract/document.js';
import { readCell } from '../src/text/values.js';
import { documentToReport } from '../src/pipeline.js';
import { validateReport } from '../src/schema/index.js';
import { APPLICATION_ROWS, REVIEW_GROUPS, type TemplateVersion } from '../src/schema/template.js';
import { render } from '../scripts/synthetic/render.js';
import { consistentSpec, expectedTables, type Spec } from '../scripts/synthetic/spec.js';
import { flatCells } from './helpers.js';
import { oracle } from './oracle.js';
import { chunksToSplits, type CellKind } from '../src/tables/split.js';

// FC_RUNS=10000 npx vitest run test/properties.test.ts for the long run (reported in the notes).
const RUNS = Number(process.env.FC_RUNS ?? 300);
const SEEDS = ['fixtures/synthetic/2019-tabs.txt', 'fixtures/synthetic/2021-cells.txt', 'fixtures/synthetic/2021-layout.txt', 'fixtures/shapes/2021-runon.txt', 'fixtures/shapes/2019-markdown.md', 'fixtures/derived/2021-ruled.raw.txt'].map((f) => readFileSync(f, 'utf8'));

/** Read text as the pipeline does: a ReadError (empty, binary…) is an answer; anything else thrown is a bug. */
async function readText(text: string) {
  try {
    const doc = await bytesToDocument('fuzz.txt', Buffer.from(text, 'utf8'));
    return documentToReport(doc);
  } catch (error) {
    if (error instanceof ReadError) return null;
    throw error;
  }
}

const pieces = fc.constantFrom('\t', '\n', '\r\n', ' ', '　', '0', '12', '-', '/', '增3', '减1', '（三）不予公开', '1.', '总计', '一、', '三、收到和处理政府信息公开申请情况', '四、结转下年度继续办理', '第二十条第（一）项', '信息内容', '⼀', '\u00a0', '\uFEFF', '[bookmark: _GoBack]', '=SUM(A1)', '\u0000');

/** A real report, cut, spliced and sprinkled with table debris. */
const mutatedReport = fc
  .tuple(
    fc.constantFrom(...SEEDS),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 400 }), fc.oneof(fc.string({ maxLength: 20 }), pieces)), { maxLength: 12 }),
  )
  .map(([text, edits]) => edits.reduce((t, [at, cut, insert]) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + insert + t.slice(i + cut);
  }, text));

describe('the text reader never throws, and what it returns always fits the schema', () => {
  it('on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 400 }), fc.array(pieces, { maxLength: 80 }).map((p) => p.join(''))), async (text) => {
        const r = await readText(text);
        if (r) expect(validateReport(r)).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });
  it('on mutated real reports', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedReport, async (text) => {
        const r = await readText(text);
        if (r) {
          expect(validateReport(r)).toBeNull();
          expect(['ok', 'partial', 'failed']).toContain(r.status);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('numbers that parse round-trip', () => {
  const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  it('counts, deltas, full-width digits and thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(readCell(String(n))).toEqual({ kind: 'number', value: n });
        expect(readCell(`增${n}`).value).toBe(n);
        expect(readCell(`减${n}`).value).toBe(n === 0 ? 0 : -n);
        expect(readCell(`-${n}`).value).toBe(n === 0 ? 0 : -n);
        expect(readCell(toFullWidth(String(n))).value).toBe(n);
        expect(readCell(n.toLocaleString('en-US')).value).toBe(n);
      }),
      { numRuns: RUNS * 10 },
    );
  });
  it('decimals in 万元 and in 元', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 9999 }), (whole, frac) => {
        const text = `${whole}.${String(frac).padStart(4, '0')}`;
        expect(readCell(text).value).toBe(Number(text));
        expect(readCell(`${text}万元`).value).toBe(Number(text));
        expect(readCell(`${text}（万元）`).value).toBe(Number(text));
        expect(readCell(`${whole}元`).value).toBe(Number(`${whole}e-4`));
      }),
      { numRuns: RUNS * 10 },
    );
  });
  it('anything else is a placeholder, blank or unreadable — never a number made up', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        const r = readCell(s);
        if (r.kind === 'number') expect(Number.isFinite(r.value)).toBe(true);
        else expect(r.value).toBeNull();
      }),
      { numRuns: RUNS * 10 },
    );
  });
});

describe('run-together text: our reports glued back into the shape scraped pages have', () => {
  // A report of random counts, every 勾稽 relation holding, as real reports are (mostly small numbers).
  const report = fc.record({
    version: fc.constantFrom<TemplateVersion>('2019', '2021'),
    counts: fc.array(fc.array(fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 1, max: 9 }) }, fc.integer({ min: 10, max: 400 })), { minLength: 6, maxLength: 6 }), { minLength: 25, maxLength: 25 }),
    carried: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 12, maxLength: 12 }),
    review: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 12, maxLength: 12 }),
    t2: fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 22, maxLength: 22 }),
    glue: fc.constantFrom('', ' '),
  });
  const totals = { right: 0, ambiguous: 0, cells: 0 };
  it('every cell is the original or null with value-ambiguous, never another number', async () => {
    await fc.assert(
      fc.asyncProperty(report, async (g) => {
        const spec = randomSpec(g);
        // Glued as textContent glues: cells run together, a space where the markup had one (between cells, never inside a number).
        const tabs = render(spec, 'tabs').replace(/\n/g, '');
        const r = await readText(tabs.replace(/\t/g, (_, i: number) => (g.glue === ' ' && i % 3 === 0 ? ' ' : '')));
        expect(r).not.toBeNull();
        const expected = flatCells(expectedTables(spec, oracle));
        const actual = flatCells(r!.tables);
        const why = new Map(r!.diagnostics.filter((d) => d.where?.column).map((d) => [`${d.where!.table}.${d.where!.row}.${d.where!.column}`, d.rule]));
        for (const [key, want] of Object.entries(expected)) {
          totals.cells++;
          if (actual[key] === want) totals.right++;
          else {
            expect(actual[key], key).toBeNull();
            expect(['value-ambiguous', 'value-unreadable'], key).toContain(why.get(key));
            totals.ambiguous++;
          }
        }
      }),
      { numRuns: Math.max(30, Math.floor(RUNS / 5)) },
    );
    // The share recovered, for the record (FC_RUNS=2000 for a long run).
    console.log(`run-together: ${totals.right} of ${totals.cells} cells read (${((100 * totals.right) / totals.cells).toFixed(1)} %), ${totals.ambiguous} null as ambiguous, 0 wrong`);
  }, 120_000);
});

/** A specification from random counts: totals computed, so that every relation holds. */
function randomSpec(g: { version: TemplateVersion; counts: number[][]; carried: number[]; review: number[]; t2: number[] }): Spec {
  const spec = consistentSpec('random', g.version, g.version === '2021' ? 2022 : 2020, 1);
  const rows = APPLICATION_ROWS[g.version];
  const outcomes = rows.filter((r) => r.outcome);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const t3: Record<string, number[]> = {};
  outcomes.forEach((r, i) => (t3[r.key] = [...g.counts[i]!, sum(g.counts[i]!)]));
  const total = [0, 1, 2, 3, 4, 5].map((c) => sum(outcomes.map((r) => t3[r.key]![c]!)));
  const over = g.carried.slice(0, 6).map((n, c) => Math.min(n, total[c]!));
  const forward = g.carried.slice(6).map((n, c) => Math.min(n, total[c]!));
  const received = total.map((t, c) => t + forward[c]! - over[c]!);
  t3['newReceived'] = [...received, sum(received)];
  t3['carriedOver'] = [...over, sum(over)];
  t3['total'] = [...total, sum(total)];
  t3['carriedForward'] = [...forward, sum(forward)];
  spec.t3 = Object.fromEntries(rows.map((r) => [r.key, t3[r.key]!.map(String)]));
  let k = 0;
  for (const row of Object.values(spec.t2)) for (const col of Object.keys(row)) row[col] = String(g.t2[k++ % g.t2.length]);
  REVIEW_GROUPS.forEach((grp, i) => {
    const v = g.review.slice(i * 4, i * 4 + 4);
    spec.t4[grp.key] = [...v, sum(v)].map(String);
  });
  return spec;
}

describe('cutting glued digits with the totals pruning gives the readings cutting without them and filtering does', () => {
  const sum = (r: readonly string[]) => r.reduce((a, c) => a + Number(c), 0);
  it('a 表三 row: six parts and their 总计', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('0', '1', '2', '3', '5', '7', '9'), { minLength: 7, maxLength: 16 }), fc.integer({ min: 0, max: 3 }), (digits, spaces) => {
        const text = digits.join('');
        // Some white space between cells, as pages leave it.
        const chunks = spaces === 0 ? [text] : [text.slice(0, spaces + 2), text.slice(spaces + 2)].filter((c) => c !== '');
        const kinds = Array(7).fill('count') as CellKind[];
        const all = chunksToSplits(chunks, kinds).readings.filter((r) => sum(r.slice(0, 6)) === Number(r[6]));
        const pruned = chunksToSplits(chunks, kinds, [{ parts: [0, 1, 2, 3, 4, 5], total: 6 }]).readings;
        expect(pruned.map((r) => r.join(' ')).sort()).toEqual(all.map((r) => r.join(' ')).sort());
      }),
      { numRuns: RUNS * 3 },
    );
  });
  it('表四: three groups of four parts and a total', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('0', '0', '1', '2', '3', '6'), { minLength: 15, maxLength: 18 }), (digits) => {
        const kinds = Array(15).fill('count') as CellKind[];
        const totals = [0, 5, 10].map((g) => ({ parts: [g, g + 1, g + 2, g + 3], total: g + 4 }));
        const ok = (r: readonly string[]) => totals.every((t) => sum(t.parts.map((p) => r[p]!)) === Number(r[t.total]));
        const all = chunksToSplits([digits.join('')], kinds).readings.filter(ok);
        const pruned = chunksToSplits([digits.join('')], kinds, totals).readings;
        expect(pruned.map((r) => r.join(' ')).sort()).toEqual(all.map((r) => r.join(' ')).sort());
      }),
      { numRuns: RUNS },
    );
  });
});
