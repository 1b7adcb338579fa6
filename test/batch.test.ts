import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressLine } from '../src/batch/progress.js';
import { parseInOrder } from '../src/batch/run.js';
import { inShard, parseShard } from '../src/batch/shard.js';
import { openOutputDir } from '../src/export/directory.js';
import { parseFile, type Report } from '../src/index.js';
import { cli, cliWith, fixtureFiles } from './helpers.js';

const faultWorker = fileURLToPath(new URL('./batch/fault-worker.mjs', import.meta.url));

describe('isolation: a file that hangs, crashes or exhausts memory fails alone', () => {
  it('a file read by OCR has more time: its limit grows by the pages it announced', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-batch-'));
    // Limit 1 s, and 1.5 s more per OCR page: a file taking 2.5 s with 2 OCR pages is within it.
    const names = ['a-ocr-2500ms.txt', 'b-ocr-forever.txt', 'c-slow-2500ms.txt', 'd-slow-500ms.txt'];
    for (const n of names) copyFileSync('fixtures/synthetic/2021-tabs.txt', path.join(dir, n));
    const files = names.map((n) => path.join(dir, n));
    const out: Report[] = [];
    await parseInOrder(files, { jobs: 2, timeoutMs: 1000, ocrPageTimeoutMs: 1500, maxMemoryMb: 512, workerFile: faultWorker }, async (r) => {
      out.push(r);
    });
    expect(out.map((r) => [path.basename(r.source.path), r.status === 'failed' ? r.diagnostics[0]!.rule : r.status])).toEqual([
      ['a-ocr-2500ms.txt', 'ok'],
      ['b-ocr-forever.txt', 'timeout'],
      ['c-slow-2500ms.txt', 'timeout'],
      ['d-slow-500ms.txt', 'ok'],
    ]);
    expect(out[2]!.diagnostics[0]!.message).toBe(`${files[2]}: still parsing after 1 s; stopped (raise --timeout if the file is just large)`);
    expect(out[1]!.diagnostics[0]!.message).toBe(`${files[1]}: still parsing after 4 s (1 s, and 3 s for the pages read by OCR); stopped (raise --timeout if the file is just large)`);
  });
  it('good files all come out, in path order, beside failed records naming the cause', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-batch-'));
    const good = ['fixtures/synthetic/2019-layout.txt', 'fixtures/synthetic/2021-tabs.txt', 'fixtures/pdf/2021-ruled.pdf'];
    const names = ['a-good.txt', 'b-hang.txt', 'c-good.txt', 'd-crash.txt', 'e-oom.txt', 'f-throw.txt', 'g-good.pdf'];
    names.forEach((n, i) => copyFileSync(good[i % good.length]!.endsWith('.pdf') || n.endsWith('.pdf') ? good[2]! : good[i % 2]!, path.join(dir, n)));
    const files = names.map((n) => path.join(dir, n));
    const out: Report[] = [];
    await parseInOrder(files, { jobs: 2, timeoutMs: 5000, maxMemoryMb: 64, workerFile: faultWorker }, async (r) => {
      out.push(r);
    });
    expect(out.map((r) => r.source.path)).toEqual(files);
    expect(out.map((r) => [path.basename(r.source.path), r.status, r.status === 'failed' ? r.diagnostics[0]!.rule : ''])).toEqual([
      ['a-good.txt', 'ok', ''],
      ['b-hang.txt', 'failed', 'timeout'],
      ['c-good.txt', 'ok', ''],
      ['d-crash.txt', 'failed', 'worker-crash'],
      ['e-oom.txt', 'failed', 'out-of-memory'],
      ['f-throw.txt', 'failed', 'worker-crash'],
      ['g-good.pdf', 'ok', ''],
    ]);
    expect(out[1]!.diagnostics[0]!.message).toBe(`${files[1]}: still parsing after 5 s; stopped (raise --timeout if the file is just large)`);
    expect(out[4]!.diagnostics[0]!.message).toContain('needed more than the 64 MB heap a worker may use');
    // The good files are exactly what a run without the bad ones gives.
    const alone: Report[] = [];
    await parseInOrder([files[0]!, files[2]!, files[6]!], { jobs: 2, timeoutMs: 30000, maxMemoryMb: 2048 }, async (r) => {
      alone.push(r);
    });
    expect([out[0], out[2], out[6]]).toEqual(alone);
  }, 60_000);
});

describe('streaming', () => {
  it('hands on each report as soon as it and those before it are done, while later files still run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-batch-'));
    const names = ['a-good.txt', 'b-good.txt', 'c-hang.txt'];
    for (const n of names) copyFileSync('fixtures/synthetic/2021-tabs.txt', path.join(dir, n));
    let finished = 0;
    const finishedAtDelivery: number[] = [];
    await parseInOrder(
      names.map((n) => path.join(dir, n)),
      { jobs: 2, timeoutMs: 3000, maxMemoryMb: 256, workerFile: faultWorker },
      async () => {
        finishedAtDelivery.push(finished);
      },
      (p) => {
        finished = p.done;
      },
    );
    // The two good reports went out while the hanging file was still running, not at the end.
    expect(finishedAtDelivery.slice(0, 2).every((n) => n < 3)).toBe(true);
    expect(finishedAtDelivery[2]).toBe(3);
  }, 30_000);
});

describe('--out DIR: one JSON per report, a manifest, re-runs skip unchanged files', () => {
  it('parses only new or changed content the second time', async () => {
    const src = mkdtempSync(path.join(tmpdir(), 'gov-report-src-'));
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'gov-report-out-')), 'reports/');
    copyFileSync('fixtures/synthetic/2021-cells.txt', path.join(src, 'a.txt'));
    copyFileSync('fixtures/synthetic/2019-tabs.txt', path.join(src, 'b.txt'));
    const first = await cli('parse', src, '-o', out, '-j', '2');
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('gov-report: 2 files: 2 ok, 0 partial, 0 failed; 0 with error diagnostics\n');
    const written = readdirSync(out).sort();
    expect(written).toHaveLength(3);
    expect(written).toContain('manifest.json');
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(Object.values(manifest.reports).map((e) => (e as { path: string }).path).sort()).toEqual([path.join(src, 'a.txt'), path.join(src, 'b.txt')]);
    const mtime = statSync(path.join(out, written[0]!)).mtimeMs;

    copyFileSync('fixtures/synthetic/2021-tabs.txt', path.join(src, 'c.txt'));
    const second = await cli('parse', src, '-o', out);
    expect(second.stderr).toBe('gov-report: 1 file: 1 ok, 0 partial, 0 failed; 0 with error diagnostics; 2 unchanged, skipped\n');
    expect(readdirSync(out)).toHaveLength(4);
    expect(statSync(path.join(out, written[0]!)).mtimeMs).toBe(mtime);

    writeFileSync(path.join(src, 'b.txt'), `${readFileSync(path.join(src, 'b.txt'), 'utf8')}\n附：修订。\n`);
    const third = await cli('parse', src, '-o', out);
    expect(third.stderr).toContain('1 file: 1 ok');
    expect(third.stderr).toContain('2 unchanged, skipped');
  }, 60_000);
  it('refuses a format other than JSON, naming the way out, and writes nothing', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'gov-report-out-')), 'reports/');
    const r = await cli('parse', 'fixtures/synthetic/2021-tabs.txt', '-o', out, '--format', 'wide');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`gov-report: --out ${out} is a folder, which gets one JSON file per report; --format wide writes one file for the whole batch: give -o a file name (e.g. -o reports.csv)\n`);
    expect(existsSync(out)).toBe(false);
  });
  it('saves the manifest while the batch runs, so a run stopped halfway resumes instead of starting over', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-out-'));
    const report = await parseFile('fixtures/synthetic/2019-tabs.txt');
    const [a, b] = ['a'.repeat(64), 'b'.repeat(64)];
    const quick = await openOutputDir(dir, '0.0.0-test', { saveEveryMs: 0 });
    await quick.write(report, a); // no save() at the end: the run was stopped here
    expect((await openOutputDir(dir, '0.0.0-test')).done(a)).toBe(true);
    const slow = await openOutputDir(dir, '0.0.0-test', { saveEveryMs: 60_000 });
    await slow.write(report, b); // within the interval: not saved yet
    expect((await openOutputDir(dir, '0.0.0-test')).done(b)).toBe(false);
  });
});

describe('--shard i/n', () => {
  it('partitions the corpus: every file in exactly one shard, the same on every run', async () => {
    const files = (await fixtureFiles()).map((f) => path.relative('fixtures', f));
    for (const n of [1, 2, 3, 7]) {
      const shards = Array.from({ length: n }, (_, i) => files.filter((f) => inShard(f, { index: i + 1, count: n })));
      expect(shards.flat().sort()).toEqual([...files].sort());
      expect(shards.reduce((a, s) => a + s.length, 0)).toBe(files.length);
    }
    expect(parseShard('0/3')).toMatch(/--shard takes i\/n/);
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
  });
  it('the CLI parses only its shard, and the shards together give the whole output', async () => {
    const all = (await cli('parse', 'fixtures/derived', '-f', 'ndjson', '-q')).stdout.trimEnd().split('\n');
    const parts = await Promise.all([1, 2, 3].map((i) => cli('parse', 'fixtures/derived', '-f', 'ndjson', '-q', '--shard', `${i}/3`)));
    const lines = parts.flatMap((p) => (p.stdout.trim() === '' ? [] : p.stdout.trimEnd().split('\n')));
    expect(lines.sort()).toEqual([...all].sort());
    expect((await cli('parse', 'fixtures', '--shard', '4/3')).code).toBe(2);
  });
});

describe('progress on stderr', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  it('draws files done / total, rate, ETA and failures, at most 10 times a second, and clears its line', () => {
    vi.useFakeTimers();
    const drawn: string[] = [];
    const stderr = Object.assign(new Writable({ write: (chunk, _e, cb) => (drawn.push(String(chunk)), cb()) }), { isTTY: true });
    const progress = progressLine(stderr);
    const at = (ms: number, done: number, failed: number, total = 10) => {
      vi.setSystemTime(ms);
      progress.update({ done, total, failed, startedAt: 0 });
    };
    at(1000, 1, 0);
    at(1050, 2, 0); // within 100 ms of the last draw: skipped
    at(2000, 4, 1);
    at(2010, 10, 1); // the last file is always drawn
    at(3000, 3, 0, 100_000);
    progress.clear();
    expect(drawn).toEqual([
      '\r\x1b[2K1/10 files · 1.0/s · ETA 0:09',
      '\r\x1b[2K4/10 files · 2.0/s · ETA 0:03 · 1 failed',
      '\r\x1b[2K10/10 files · 5.0/s · ETA 0:00 · 1 failed',
      '\r\x1b[2K3/100000 files · 1.0/s · ETA 27h46m',
      '\r\x1b[2K',
    ]);
  });
  it('the CLI draws it only on a terminal and without --quiet, and clears it before the summary', async () => {
    const summary = 'gov-report: 5 files: 3 ok, 2 partial, 0 failed; 2 with error diagnostics\n';
    const tty = await cliWith({ ttyStderr: true }, 'parse', 'fixtures/derived', '-f', 'ndjson');
    expect(tty.stderr).toMatch(/\r\x1b\[2K5\/5 files · [\d.]+\/s · ETA 0:00/);
    expect(tty.stderr.endsWith(`\r\x1b[2K${summary}`)).toBe(true);
    expect((await cliWith({ ttyStderr: true }, 'parse', 'fixtures/derived', '-f', 'ndjson', '--quiet')).stderr).toBe('');
    expect((await cli('parse', 'fixtures/derived', '-f', 'ndjson')).stderr).toBe(summary);
  });
});
