import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';
import { mutant } from './mutants.js';

// Mutants of our PDF fixtures in one batch: byte flips, truncations, random blocks, spliced
// copies. Every one must come back as a clean record: read, partial, or failed with the reason —
// never a crashed worker, never an internal error. MUTANTS=2000 for a long run. Without OCR (a
// scanned page is named, not read: OCR of a mutant's page is 12 s); a few are read with OCR below.
const COUNT = Number(process.env.MUTANTS ?? 240);
describe('fuzz: mutants of our PDFs, in one batch', () => {
  it(`${COUNT} mutants: each a clean record, none a worker crash`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-fuzz-'));
    for (let n = 0; n < COUNT; n++) writeFileSync(path.join(dir, `m${String(n).padStart(4, '0')}.pdf`), mutant(n));
    const r = await cli('parse', dir, '-f', 'ndjson', '-q', '-j', '2', '--timeout', '60', '--no-ocr');
    const reports = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(reports).toHaveLength(COUNT);
    const rules = reports.filter((x) => x.status === 'failed').map((x) => x.diagnostics[0].rule);
    expect(rules.filter((x: string) => ['worker-crash', 'internal-error', 'timeout'].includes(x))).toEqual([]);
    const byStatus = Object.fromEntries(['ok', 'partial', 'failed'].map((s) => [s, reports.filter((x) => x.status === s).length]));
    console.log(`fuzz: ${COUNT} mutants: ${JSON.stringify(byStatus)}; failed as ${JSON.stringify(Object.fromEntries([...new Set(rules)].map((x) => [x, rules.filter((y: string) => y === x).length])))}; engines ${JSON.stringify(Object.fromEntries(['pdfium', 'pdfjs'].map((e) => [e, reports.filter((x) => x.source.engine === e).length])))}`);
  }, 300_000);
});

describe('fuzz: mutants of our scans, read by OCR', () => {
  // The mixed PDF with a block of random bytes over it (a mutant of kind 2): PDFium, the image decoders and OCR on
  // damaged pixels; and image files cut short or with their headers overwritten.
  it('each a clean record, none a worker crash', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-fuzz-ocr-'));
    const scans = [0, 1, 2, 3].map((n) => mutant(n * 4 + 2)); // every fourth source is the scanned one
    scans.forEach((b, n) => writeFileSync(path.join(dir, `s${n}.pdf`), b));
    const jpg = readFileSync('fixtures/scanned/2021-ruled.p2.jpg');
    const png = readFileSync('fixtures/scanned/2019-blank-cells.p1.png');
    writeFileSync(path.join(dir, 'cut.jpg'), jpg.subarray(0, jpg.length >> 1));
    writeFileSync(path.join(dir, 'cut.png'), png.subarray(0, png.length >> 1));
    const header = Buffer.from(png);
    header.fill(0xff, 16, 24); // IHDR width and height: 4 294 967 295 each
    writeFileSync(path.join(dir, 'header.png'), header);
    const r = await cli('parse', dir, '-f', 'ndjson', '-q', '-j', '2');
    const reports = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(reports).toHaveLength(7);
    const rules = reports.filter((x) => x.status === 'failed').map((x) => x.diagnostics[0].rule);
    expect(rules.filter((x: string) => ['worker-crash', 'internal-error', 'timeout'].includes(x))).toEqual([]);
    const byFile = Object.fromEntries(reports.map((x) => [path.basename(x.source.path), x.status === 'failed' ? x.diagnostics[0].rule : x.status]));
    expect(byFile['header.png']).toBe('read-too-large');
    console.log(`fuzz (OCR): ${JSON.stringify(byFile)}`);
  }, 300_000);
});
