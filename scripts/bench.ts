/**
 * npm run bench: the cost of gov-report's own work, measured against pdf.js's text pass.
 *
 * For every PDF under fixtures/ (real and generated), repeated ROUNDS times in one process:
 *   A. pdf.js text pass: open, getTextContent on every page, destroy (what any text extractor pays);
 *   B. gov-report parse: read, hash, text + rulings, grids, tables, checks, validation.
 * Rounds alternate A and B so machine noise falls on both. RSS is sampled as the run goes, to
 * show memory stays flat. Text reports are timed on their own.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { withPdf } from '../dist/extract/pdf/load.js';
import { parseFile } from '../dist/index.js';
import { expandInputs } from '../dist/cli/inputs.js';

const ROUNDS = Number(process.env.ROUNDS ?? 30);
const all = (await expandInputs(['fixtures'])).files;
const pdfs = all.filter((f) => f.endsWith('.pdf'));
const texts = all.filter((f) => f.endsWith('.txt'));
const bytes = new Map(await Promise.all(pdfs.map(async (f) => [f, new Uint8Array(await readFile(f))] as const)));

async function textPass(file: string): Promise<number> {
  return withPdf(bytes.get(file)!, async (doc) => {
    let items = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      items += (await page.getTextContent()).items.length;
      page.cleanup();
    }
    return items;
  });
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
let pages = 0;
let tA = 0;
let tB = 0;
let peak = 0;
const rss: string[] = [];
const heap: string[] = [];
const perFile = new Map<string, [number, number]>();
const gc = (globalThis as { gc?: () => void }).gc;
for (const f of pdfs) {
  await textPass(f); // warm-up: module load, font and cMap caches
  pages += (await parseFile(f)).source.pages ?? 0;
}
for (let round = 0; round < ROUNDS; round++) {
  for (const f of pdfs) {
    const a0 = performance.now();
    await textPass(f);
    const a1 = performance.now();
    const r = await parseFile(f);
    const b1 = performance.now();
    if (r.status === 'failed') throw new Error(`${f}: ${r.diagnostics[0]?.message}`);
    tA += a1 - a0;
    tB += b1 - a1;
    const pf = perFile.get(f) ?? [0, 0];
    perFile.set(f, [pf[0] + a1 - a0, pf[1] + b1 - a1]);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  if (round % Math.max(1, Math.floor(ROUNDS / 5)) === 0 || round === ROUNDS - 1) {
    rss.push(`${(round + 1) * pdfs.length}: ${mb(process.memoryUsage().rss)}`);
    gc?.();
    heap.push(`${(round + 1) * pdfs.length}: ${mb(process.memoryUsage().heapUsed)}`);
  }
}
const n = ROUNDS * pdfs.length;
const p = ROUNDS * pages;
const t0 = performance.now();
let textReports = 0;
while (performance.now() - t0 < 2000) for (const f of texts) (await parseFile(f), textReports++);
const textRate = textReports / ((performance.now() - t0) / 1000);

console.log(`PDFs: ${pdfs.length} files, ${pages} pages, × ${ROUNDS} rounds = ${n} parses, ${p} pages (${path.basename(process.execPath)} ${process.version})`);
console.log(`  pdf.js text pass     ${tA.toFixed(0).padStart(7)} ms   ${(tA / p).toFixed(2)} ms/page`);
console.log(`  gov-report parse     ${tB.toFixed(0).padStart(7)} ms   ${(tB / p).toFixed(2)} ms/page`);
console.log(`  ratio parse / text   ${(tB / tA).toFixed(3)}×   (target ≤ 1.15×)`);
console.log(`  RSS after n files    ${rss.join(', ')}; peak ${mb(peak)}`);
if (gc) console.log(`  heap after GC        ${heap.join(', ')}`);
for (const [f, [a, b]] of perFile) console.log(`    ${(b / a).toFixed(2)}×  ${f}`);
console.log(`Text reports: ${texts.length} files, ${textRate.toFixed(0)} reports/s in one thread`);
