import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToDocument } from '../src/extract/read.js';
import { ReadError } from '../src/extract/document.js';
import { readCell } from '../src/text/values.js';
import { documentToReport } from '../src/pipeline.js';
import { validateReport } from '../src/schema/index.js';

// FC_RUNS=10000 npx vitest run test/properties.test.ts for the long run (reported in the notes).
const RUNS = Number(process.env.FC_RUNS ?? 300);
const SEEDS = ['fixtures/seeds/wuzhong-city-2020-tabs.txt', 'fixtures/seeds/zhuji-emergency-2020-cells.txt', 'fixtures/layout/hongze-2023-layout.txt', 'fixtures/seeds/wuzhong-emergency-2020-garbled.txt'].map((f) => readFileSync(f, 'utf8'));

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
