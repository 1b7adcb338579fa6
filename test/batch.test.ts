import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseInOrder } from '../src/batch/run.js';
import { inShard, parseShard } from '../src/batch/shard.js';
import type { Report } from '../src/index.js';
import { cli, fixtureFiles } from './helpers.js';

const faultWorker = fileURLToPath(new URL('./batch/fault-worker.mjs', import.meta.url));

describe('isolation: a file that hangs, crashes or exhausts memory fails alone', () => {
  it('good files all come out, in path order, beside failed records naming the cause', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-batch-'));
    const good = ['fixtures/seeds/wuzhong-city-2020-tabs.txt', 'fixtures/synthetic/2021-tabs.txt', 'fixtures/pdf/hongze-2024.pdf'];
    const names = ['a-good.txt', 'b-hang.txt', 'c-good.txt', 'd-crash.txt', 'e-oom.txt', 'f-throw.txt', 'g-good.pdf'];
    names.forEach((n, i) => copyFileSync(good[i % good.length]!.endsWith('.pdf') || n.endsWith('.pdf') ? good[2]! : good[i % 2]!, path.join(dir, n)));
    const files = names.map((n) => path.join(dir, n));
    const out: Report[] = [];
    await parseInOrder(files, { jobs: 2, timeoutMs: 5000, maxMemoryMb: 64, workerFile: faultWorker }, async (r) => {
      out.push(r as Report); // no text format asked for: report objects
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
      alone.push(r as Report);
    });
    expect([out[0], out[2], out[6]]).toEqual(alone);
  }, 60_000);
});

describe('--out DIR: one JSON per report, a manifest, re-runs skip unchanged files', () => {
  it('parses only new or changed content the second time', async () => {
    const src = mkdtempSync(path.join(tmpdir(), 'gov-report-src-'));
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'gov-report-out-')), 'reports/');
    copyFileSync('fixtures/seeds/wuzhong-city-2020-tabs.txt', path.join(src, 'a.txt'));
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
    const all = (await cli('parse', 'fixtures/seeds', '-f', 'ndjson', '-q')).stdout.trimEnd().split('\n');
    const parts = await Promise.all([1, 2, 3].map((i) => cli('parse', 'fixtures/seeds', '-f', 'ndjson', '-q', '--shard', `${i}/3`)));
    const lines = parts.flatMap((p) => (p.stdout.trim() === '' ? [] : p.stdout.trimEnd().split('\n')));
    expect(lines.sort()).toEqual([...all].sort());
    expect((await cli('parse', 'fixtures', '--shard', '4/3')).code).toBe(2);
  });
});
