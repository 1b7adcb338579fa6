import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';
import { mutant } from './mutants.js';

// Mutants of our PDF fixtures in one batch: byte flips, truncations, random blocks, spliced
// copies. Every one must come back as a clean record: read, partial, or failed with the reason —
// never a crashed worker, never an internal error. MUTANTS=2000 for a long run.
const COUNT = Number(process.env.MUTANTS ?? 240);
describe('fuzz: mutants of our PDFs, in one batch', () => {
  it(`${COUNT} mutants: each a clean record, none a worker crash`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-fuzz-'));
    for (let n = 0; n < COUNT; n++) writeFileSync(path.join(dir, `m${String(n).padStart(4, '0')}.pdf`), mutant(n));
    const r = await cli('parse', dir, '-f', 'ndjson', '-q', '-j', '2', '--timeout', '60');
    const reports = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(reports).toHaveLength(COUNT);
    const rules = reports.filter((x) => x.status === 'failed').map((x) => x.diagnostics[0].rule);
    expect(rules.filter((x: string) => ['worker-crash', 'internal-error', 'timeout'].includes(x))).toEqual([]);
    const byStatus = Object.fromEntries(['ok', 'partial', 'failed'].map((s) => [s, reports.filter((x) => x.status === s).length]));
    console.log(`fuzz: ${COUNT} mutants: ${JSON.stringify(byStatus)}; failed as ${JSON.stringify(Object.fromEntries([...new Set(rules)].map((x) => [x, rules.filter((y: string) => y === x).length])))}; engines ${JSON.stringify(Object.fromEntries(['pdfium', 'pdfjs'].map((e) => [e, reports.filter((x) => x.source.engine === e).length])))}`);
  }, 300_000);
});
