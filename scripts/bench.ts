/**
 * npm run bench — what gov-report costs, against pdf.js and poppler, on this machine.
 *
 * 1. PDF, in one process: every PDF under fixtures/ (and the real PDFs in ../shared/real when
 *    present) × ROUNDS: a gov-report parse with PDFium, one with pdf.js, and pdf.js's own text
 *    pass (open, getTextContent on every page, destroy), rounds alternating so machine noise
 *    falls on all; heap after GC as the run goes.
 * 2. Batch, through the CLI: a corpus of CORPUS files copied from fixtures/ (all formats), parsed
 *    with --jobs 1 and --jobs N: wall time and peak RSS (GNU time).
 * 3. PDFs against poppler: PDFS copies of those PDFs; gov-report --jobs 1 against `pdftotext
 *    -layout` run file after file, and --jobs N against `xargs -P N pdftotext -layout`, the four
 *    runs in CLI_ROUNDS alternating rounds (medians; the machine's slow spells last minutes); peak RSS;
 *    and PDFium's own calls on the same files (open, load each page and its text, nothing of
 *    ours), the floor the engine sets (skipped when poppler is not installed); and what a
 *    worker pays to warm up (scripts/bench-passes.ts: its share of the files, parsed twice).
 * 4. Text reports: throughput of --jobs N over TEXT copies of the text fixtures, and over 5 × TEXT
 *    (the difference gives the rate once start-up is paid); a worker's warm-up, and the rate of
 *    a warm process with nothing else to pay.
 * 5. Peak RSS of the CLI over 100 and over LARGE files, mixed and PDFs only: it must not grow
 *    with the batch.
 * 6. A one-file run, start to end: a text report and a PDF.
 * 7. OCR: the scans of fixtures/scanned through the CLI, --jobs 1 and --jobs N: seconds per page
 *    read by OCR, peak RSS; and the same files with --no-ocr (what OCR adds). Parts 1–6 leave
 *    the scans out (their time is OCR's, measured here).
 *
 * 8. The audit page: `check -f html` over AUDIT files of every format (no scans): the time to
 *    write it, its size, and in Debian's chromium (when /usr/bin/chromium is there) the time to
 *    load it and to open and draw one report.
 *
 * 9. Web pages in one process: our HTML fixtures and (when ../shared holds them) the real saved
 *    pages, ROUNDS rounds alternating: gov-report's whole parse of a page against parse5 alone
 *    building the DOM of the same page as saved (cheerio.load), the floor a browser-exact HTML
 *    parser sets.
 *
 * 10. Word documents in one process: our DOCX fixtures, ROUNDS rounds alternating: gov-report's
 *    whole parse against mammoth alone converting the same file as it came, the library the
 *    reading is built on.
 *
 * PARTS=1,3 runs only those parts; ROUNDS, CLI_ROUNDS, CORPUS, PDFS, TEXT and LARGE size them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { expandInputs } from '../dist/cli/inputs.js';
import { existsSync } from 'node:fs';
import { withPdf } from '../dist/extract/pdf/pdfjs/load.js';
import { parseFile } from '../dist/index.js';

const ROUNDS = Number(process.env.ROUNDS ?? 20);
const CORPUS = Number(process.env.CORPUS ?? 300);
const TEXT = Number(process.env.TEXT ?? 2000);
const LARGE = Number(process.env.LARGE ?? 2000);
const PDFS = Number(process.env.PDFS ?? 300);
const AUDIT = Number(process.env.AUDIT ?? 1000);
/** Part 3's CLI runs: alternating rounds, medians. */
const CLI_ROUNDS = Number(process.env.CLI_ROUNDS ?? 3);
const PARTS = new Set((process.env.PARTS ?? '1,2,3,4,5,6,7,8,9,10').split(',').map(Number));
const JOBS = availableParallelism();
const CLI = path.resolve('dist/cli/main.js');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const withScans = (await expandInputs(['fixtures'])).files;
const scans = withScans.filter((f) => f.startsWith('fixtures/scanned/'));
const all = withScans.filter((f) => !scans.includes(f));
// The real PDFs (WPS exports) beside our own, when ../shared holds them.
const realPdfs = ['../shared/real/hzq2023.pdf', '../shared/real/hzq2024.pdf'].filter((f) => existsSync(f));
const pdfs = [...all.filter((f) => f.endsWith('.pdf')), ...realPdfs];
const texts = all.filter((f) => f.endsWith('.txt') || f.endsWith('.md'));
const work = mkdtempSync(path.join(tmpdir(), 'gov-report-bench-'));

// ── 1. PDF in one process ────────────────────────────────────────────────────
if (PARTS.has(1)) {
  const bytes = new Map(pdfs.map((f) => [f, new Uint8Array(readFileSync(f))] as const));
  async function textPass(file: string): Promise<void> {
    await withPdf(bytes.get(file)!, async (doc) => {
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        await page.getTextContent();
        page.cleanup();
      }
    });
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  let pages = 0;
  for (const f of pdfs) {
    await textPass(f);
    await parseFile(f, { engine: 'pdfjs' });
    pages += (await parseFile(f)).source.pages ?? 0;
  }
  const t = { text: 0, pdfjs: 0, pdfium: 0 };
  const heap: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const f of pdfs) {
      const a = performance.now();
      await textPass(f);
      const b = performance.now();
      await parseFile(f, { engine: 'pdfjs' });
      const c = performance.now();
      await parseFile(f);
      const d = performance.now();
      t.text += b - a;
      t.pdfjs += c - b;
      t.pdfium += d - c;
    }
    if (gc && (round % Math.max(1, Math.floor(ROUNDS / 4)) === 0 || round === ROUNDS - 1)) {
      gc();
      heap.push(`${(round + 1) * pdfs.length}: ${mb(process.memoryUsage().heapUsed)}`);
    }
  }
  const p = ROUNDS * pages;
  console.log(`1. PDF in one process: ${pdfs.length} PDFs, ${pages} pages × ${ROUNDS} rounds (${process.version})`);
  console.log(`   pdf.js text pass          ${(t.text / p).toFixed(2).padStart(6)} ms/page`);
  console.log(`   gov-report with pdf.js    ${(t.pdfjs / p).toFixed(2).padStart(6)} ms/page`);
  console.log(`   gov-report with PDFium    ${(t.pdfium / p).toFixed(2).padStart(6)} ms/page   ${(t.pdfjs / t.pdfium).toFixed(2)}× faster than with pdf.js, ${(t.text / t.pdfium).toFixed(2)}× pdf.js's text pass alone`);
  if (gc) console.log(`   heap after GC (parses: MB)  ${heap.join(', ')}`);
}

// ── helpers for the CLI runs ──────────────────────────────────────────────────
function corpus(name: string, sources: readonly string[], count: number): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const src = sources[i % sources.length]!;
    copyFileSync(src, path.join(dir, `${String(i).padStart(5, '0')}-${path.basename(src)}`));
  }
  return dir;
}
/** Wall and CPU seconds (user + system, all threads and children) and peak RSS (MB) of a command, by GNU time. */
function timed(cmd: string, args: string[], input?: string): { wall: number; cpu: number; rss: number } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, input, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'] });
  const last = r.stderr.trim().split('\n').pop()!.split(' ');
  return { wall: Number(last[0]), cpu: Number(last[1]) + Number(last[2]), rss: Number(last[3]) / 1024 };
}
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;
/** Each round's ratio, ours against theirs: how much the machine moved them. */
const ratios = (ours: readonly number[], theirs: readonly number[]) => ours.map((o, i) => `${(o / theirs[i]!).toFixed(2)}×`).join(' ');
const parse = (dir: string, jobs: number) => timed('node', [CLI, 'parse', dir, '-f', 'ndjson', '-q', '-o', '/dev/null', '-j', String(jobs)]);
/**
 * One worker's share of a corpus (its files / JOBS), parsed twice in a fresh process by the
 * worker's own task function: the first pass against the second is what each worker pays to
 * warm up (V8 compiling the parsers, and running them unoptimised meanwhile).
 */
function warmUp(name: string, files: readonly string[]): { files: number; first: { wall: number; cpu: number }; warm: { wall: number; cpu: number } } {
  const share = files.slice(0, Math.ceil(files.length / JOBS));
  const list = path.join(work, `${name}-share.txt`);
  writeFileSync(list, share.join('\n'));
  const out = execFileSync('node', ['--import', 'tsx', 'scripts/bench-passes.ts', list], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { files: share.length, ...JSON.parse(out.trim().split('\n').pop()!) };
}
const warmUpLine = (w: ReturnType<typeof warmUp>) =>
  `   a worker's share (${w.files} files) in one fresh process: first pass ${w.first.wall.toFixed(2)} s (${w.first.cpu.toFixed(2)} s CPU), the same files warm ${w.warm.wall.toFixed(2)} s (${w.warm.cpu.toFixed(2)} s CPU): warming up costs each worker ${(w.first.cpu - w.warm.cpu).toFixed(2)} s of CPU`;

// ── 2. batch through the CLI ──────────────────────────────────────────────────
if (PARTS.has(2)) {
  const mixed = corpus('mixed', all, CORPUS);
  const one = parse(mixed, 1);
  const many = parse(mixed, JOBS);
  console.log(`2. Batch (CLI), ${CORPUS} files of every format`);
  console.log(`   --jobs 1   ${one.wall.toFixed(1).padStart(6)} s   peak RSS ${one.rss.toFixed(0)} MB`);
  console.log(`   --jobs ${JOBS}   ${many.wall.toFixed(1).padStart(6)} s   peak RSS ${many.rss.toFixed(0)} MB   speed-up ${(one.wall / many.wall).toFixed(2)}×`);
}

// ── 3. against pdftotext ──────────────────────────────────────────────────────
if (PARTS.has(3)) {
  const pdfDir = corpus('pdf', pdfs, PDFS);
  const havePoppler = spawnSync('pdftotext', ['-v']).status === 0;
  const list = (await expandInputs([pdfDir])).files;
  const listFile = path.join(work, 'pdf-list.txt');
  writeFileSync(listFile, list.join('\n'));
  // File after file from a shell loop: spawning from Node would add Node's own cost to poppler's.
  const shell = (script: string) => timed('sh', ['-c', script], list.join('\n'));
  // Rounds alternate the runs, so that the machine's slow spells fall on all of them; medians.
  // At --jobs 2 both tools keep the two cores busy, so CPU seconds, not wall, say what each needs;
  // PDFium's own calls in a fresh process (bench-engine.ts) are the floor under ours.
  type Run = ReturnType<typeof timed>;
  const runs = { one: [] as Run[], seq: [] as Run[], many: [] as Run[], par: [] as Run[], engine: [] as Run[] };
  for (let round = 0; round < CLI_ROUNDS; round++) {
    runs.one.push(parse(pdfDir, 1));
    if (havePoppler) runs.seq.push(shell('while read -r f; do pdftotext -layout "$f" /dev/null; done'));
    runs.many.push(parse(pdfDir, JOBS));
    if (havePoppler) runs.par.push(shell(`xargs -P ${JOBS} -I{} pdftotext -layout {} /dev/null`));
    runs.engine.push(timed('node', ['--import', 'tsx', 'scripts/bench-engine.ts', listFile]));
  }
  const med = (rs: readonly Run[], key: 'wall' | 'cpu') => median(rs.map((r) => r[key]));
  const rss = Math.max(...runs.many.map((r) => r.rss));
  console.log(`3. ${PDFS} PDFs (${pdfs.length} distinct${realPdfs.length ? ', the real ones included' : ''}) against poppler, medians of ${CLI_ROUNDS} alternating rounds ${havePoppler ? '' : '(pdftotext not installed: not compared)'}`);
  if (!havePoppler) console.log(`   --jobs 1 ${med(runs.one, 'wall').toFixed(2)} s, --jobs ${JOBS} ${med(runs.many, 'wall').toFixed(2)} s, peak RSS ${rss.toFixed(0)} MB`);
  if (havePoppler) {
    const line = (label: string, ours: Run[], theirs: Run[], target: string) =>
      `   ${label}   ${med(ours, 'wall').toFixed(2).padStart(6)} s (${med(ours, 'cpu').toFixed(2)} s CPU)   ${med(theirs, 'wall').toFixed(2)} s (${med(theirs, 'cpu').toFixed(2)} s CPU)   ratio ${(med(ours, 'wall') / med(theirs, 'wall')).toFixed(2)}× (target ${target}; rounds ${ratios(ours.map((r) => r.wall), theirs.map((r) => r.wall))}), CPU ${(med(ours, 'cpu') / med(theirs, 'cpu')).toFixed(2)}×`;
    console.log(`   gov-report against pdftotext:`);
    console.log(line('--jobs 1 against file after file', runs.one, runs.seq, '≤ 1.5×'));
    console.log(line(`--jobs ${JOBS} against xargs -P ${JOBS}   `, runs.many, runs.par, '≤ 1.0×') + `   peak RSS ${rss.toFixed(0)} MB (target ≤ 300 MB)`);
    console.log(`   PDFium's own calls alone (open, load each page and its text; a fresh process): ${med(runs.engine, 'wall').toFixed(2)} s, ${med(runs.engine, 'cpu').toFixed(2)} s CPU = ${(med(runs.engine, 'cpu') / med(runs.seq, 'cpu')).toFixed(2)}× pdftotext's CPU (rounds ${ratios(runs.engine.map((r) => r.cpu), runs.seq.map((r) => r.cpu))})`);
    console.log(warmUpLine(warmUp('pdf', list)));
  }
}

// ── 4. text throughput ────────────────────────────────────────────────────────
if (PARTS.has(4)) {
  const textDir = corpus('text', texts, TEXT);
  const t = parse(textDir, JOBS);
  console.log(`4. Text reports (${texts.length} distinct, every shape): ${TEXT} files, --jobs ${JOBS}: ${t.wall.toFixed(1)} s = ${(TEXT / t.wall).toFixed(0)} reports/s`);
  // Start-up (Node, modules, workers compiling the parsers) is paid once a run; the marginal
  // rate between two corpus sizes is what a large batch sees.
  const more = parse(corpus('text-more', texts, TEXT * 5), JOBS);
  console.log(`   ${TEXT * 5} files: ${more.wall.toFixed(1)} s = ${((TEXT * 5) / more.wall).toFixed(0)} reports/s (target ≥ 2000/s); marginal rate ${((TEXT * 4) / (more.wall - t.wall)).toFixed(0)} reports/s`);
  const w = warmUp('text', (await expandInputs([textDir])).files);
  console.log(warmUpLine(w));
  console.log(`   warm, one process parses ${(w.files / w.warm.wall).toFixed(0)} reports/s with ${(w.warm.cpu / w.files * 1000).toFixed(2)} ms of CPU each: ${JOBS} such processes, with nothing else to pay, would make ${((JOBS * w.files) / w.warm.cpu).toFixed(0)}/s`);
}

// ── 5. memory over batch size ─────────────────────────────────────────────────
if (PARTS.has(5)) {
  const small = parse(corpus('small', all, 100), JOBS);
  const large = parse(corpus('large', all, LARGE), JOBS);
  const pdfSmall = parse(corpus('pdf-small', pdfs, 100), JOBS);
  const pdfLarge = parse(corpus('pdf-large', pdfs, LARGE), JOBS);
  console.log(`5. Peak RSS, --jobs ${JOBS}: mixed 100 files ${small.rss.toFixed(0)} MB, ${LARGE} files ${large.rss.toFixed(0)} MB; PDFs 100 files ${pdfSmall.rss.toFixed(0)} MB, ${LARGE} files ${pdfLarge.rss.toFixed(0)} MB`);
}

// ── 6. one file ───────────────────────────────────────────────────────────────
if (PARTS.has(6)) {
  const once = (file: string) => timed('node', [CLI, 'parse', file, '-q', '-o', '/dev/null']);
  const runs = (file: string) => median([once(file), once(file), once(file)].map((r) => r.wall));
  const version = median([0, 1, 2].map(() => timed('node', [CLI, '--version']).wall));
  console.log(`6. One file, start to end (median of 3): a text report ${runs(texts[0]!).toFixed(2)} s, a PDF ${runs(pdfs[0]!).toFixed(2)} s; \`--version\` ${version.toFixed(2)} s`);
}

// ── 7. OCR ────────────────────────────────────────────────────────────────────
if (PARTS.has(7)) {
  const dir = corpus('scans', scans, scans.length);
  // Pages read by OCR, as the goldens record them (checked against the specification in test/ocr.test.ts).
  const pages = scans.reduce((n, f) => n + (JSON.parse(readFileSync(path.join('test/golden', `${f.slice('fixtures/'.length)}.json`), 'utf8')) as { source: { ocr: number[] } }).source.ocr.length, 0);
  const one = parse(dir, 1);
  const many = parse(dir, JOBS);
  const off = timed('node', [CLI, 'parse', dir, '-f', 'ndjson', '-q', '-o', '/dev/null', '-j', String(JOBS), '--no-ocr']);
  console.log(`7. OCR: ${scans.length} scans, ${pages} pages read by OCR`);
  console.log(`   --jobs 1   ${one.wall.toFixed(1).padStart(6)} s = ${(one.wall / pages).toFixed(1)} s/page   peak RSS ${one.rss.toFixed(0)} MB`);
  console.log(`   --jobs ${JOBS}   ${many.wall.toFixed(1).padStart(6)} s = ${(many.wall / pages).toFixed(1)} s/page   peak RSS ${many.rss.toFixed(0)} MB   speed-up ${(one.wall / many.wall).toFixed(2)}×`);
  console.log(`   --no-ocr   ${off.wall.toFixed(1).padStart(6)} s (the digital pages and the rest): OCR is ${(many.wall / off.wall).toFixed(0)}× the run without it`);
}

// ── 8. the audit page ─────────────────────────────────────────────────────────
if (PARTS.has(8)) {
  const dir = corpus('audit', all, AUDIT);
  const page = path.join(work, 'audit.html');
  const made = timed('node', [CLI, 'check', dir, '-f', 'html', '-o', page, '-j', String(JOBS)]);
  const bytes = readFileSync(page).length;
  let opened = 'chromium not installed';
  if (existsSync('/usr/bin/chromium')) {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    const loads: number[] = [];
    const draws: number[] = [];
    for (let i = 0; i < 3; i++) {
      const view = await browser.newPage({ viewport: { width: 1300, height: 900 } });
      const t0 = performance.now();
      await view.goto(`file://${page}`, { waitUntil: 'load' });
      loads.push(performance.now() - t0);
      const t1 = performance.now();
      await view.locator(`#r${AUDIT - 1} > summary`).click();
      await view.locator(`#r${AUDIT - 1} table.t`).first().waitFor();
      draws.push(performance.now() - t1);
      await view.close();
    }
    await browser.close();
    opened = `loads in ${(median(loads) / 1000).toFixed(2)} s (median of 3), a report opens and draws its tables in ${median(draws).toFixed(0)} ms`;
  }
  console.log(`8. Audit page, ${AUDIT} reports of every format: written in ${made.wall.toFixed(1)} s (parse and check included), ${mb(bytes)} (${(bytes / AUDIT / 1024).toFixed(1)} KB a report); ${opened}`);
}

/**
 * Milliseconds of `ours` and of `theirs` over ROUNDS rounds, after 5 to warm up. Round by round,
 * not file by file: each side's garbage is then mostly collected in its own time.
 */
async function alternate(ours: () => Promise<void>, theirs: () => Promise<void>): Promise<{ ours: number; theirs: number }> {
  for (let warm = 0; warm < 5; warm++) {
    await ours();
    await theirs();
  }
  const total = { ours: 0, theirs: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const a = performance.now();
    await ours();
    const b = performance.now();
    await theirs();
    total.ours += b - a;
    total.theirs += performance.now() - b;
  }
  return total;
}

// ── 9. web pages ──────────────────────────────────────────────────────────────
if (PARTS.has(9)) {
  const { load } = await import('cheerio');
  const { htmlBytesToText } = await import('../dist/extract/html/decode.js');
  const realPages = ['pingtan-2019', 'pingtan-2021', 'pingtan-2022', 'pingtan-2023'].map((n) => `../shared/real/${n}.html`).filter((f) => existsSync(f));
  const sets = [['ours', all.filter((f) => f.endsWith('.html'))], ['real saved pages', realPages]] as const;
  for (const [name, files] of sets) {
    if (files.length === 0) continue;
    const texts = files.map((f) => htmlBytesToText(readFileSync(f)).text);
    const { ours, theirs: parse5 } = await alternate(
      async () => {
        for (const f of files) await parseFile(f);
      },
      async () => {
        for (const t of texts) load(t);
      },
    );
    const n = ROUNDS * files.length;
    const kb = texts.reduce((k, t) => k + t.length, 0) / files.length / 1024;
    console.log(`9. Web pages, ${name} (${files.length}, ${kb.toFixed(0)} K characters on average) × ${ROUNDS} rounds: gov-report ${(ours / n).toFixed(2)} ms/page, parse5 building the saved page's DOM ${(parse5 / n).toFixed(2)} ms/page: ${(ours / parse5).toFixed(2)}×`);
  }
}

// ── 10. Word documents ────────────────────────────────────────────────────────
if (PARTS.has(10)) {
  const { default: mammoth } = await import('mammoth');
  const files = all.filter((f) => f.endsWith('.docx'));
  const bytes = files.map((f) => readFileSync(f));
  const { ours, theirs: alone } = await alternate(
    async () => {
      for (const f of files) await parseFile(f);
    },
    async () => {
      for (const b of bytes) await mammoth.convertToHtml({ buffer: b });
    },
  );
  const n = ROUNDS * files.length;
  console.log(`10. Word documents (${files.length} DOCX) × ${ROUNDS} rounds: gov-report ${(ours / n).toFixed(1)} ms/file, mammoth alone on the file as it came ${(alone / n).toFixed(1)} ms/file: ${(ours / alone).toFixed(2)}×`);
}

rmSync(work, { recursive: true, force: true });
