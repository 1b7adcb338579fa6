import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli, fixtureFiles } from './helpers.js';
import { describe, expect, it } from 'vitest';

// The installed command, as a user runs it (built by `npm install` / the pretest script).
describe('bin gov-report', () => {
  // The README's quick start, scans and all (OCR of 18 pages: a minute or two on two cores).
  it('parses the bundled fixtures and exits 0', () => {
    const out = execFileSync('node', ['dist/cli/main.js', 'parse', 'fixtures', '-f', 'ndjson', '-q'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const reports = out.trimEnd().split('\n').map((l) => JSON.parse(l) as { status: string; source: { ocr: number[] } });
    expect(reports.length).toBeGreaterThanOrEqual(17);
    expect(reports.filter((r) => r.status === 'failed')).toEqual([]);
    expect(reports.filter((r) => r.source.ocr.length > 0)).toHaveLength(8);
  }, 300_000);
  it('exits 1 for a missing file and 2 for bad usage', () => {
    expect(spawnSync('node', ['dist/cli/main.js', 'parse', 'nope.txt']).status).toBe(1);
    expect(spawnSync('node', ['dist/cli/main.js', 'parse', '--format', 'xml', 'fixtures']).status).toBe(2);
  });
  it.runIf(existsSync('/dev/full') && statSync('/dev/full').isCharacterDevice())('exits 74 when standard output fails (disk full), for parse and check', () => {
    for (const command of ['parse', 'check']) {
      const full = openSync('/dev/full', 'w');
      const r = spawnSync('node', ['dist/cli/main.js', command, 'fixtures/derived'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      closeSync(full);
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 74, stderr: 'gov-report: cannot write standard output: no space left on device (ENOSPC)\n' });
    }
  });
});

/** A folder of `count` text reports, copies of the text fixtures. */
async function textCorpus(count: number): Promise<string> {
  const texts = (await fixtureFiles()).filter((f) => f.endsWith('.txt'));
  const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-corpus-'));
  for (let i = 0; i < count; i++) copyFileSync(texts[i % texts.length]!, path.join(dir, `${String(i).padStart(4, '0')}-${path.basename(texts[i % texts.length]!)}`));
  return dir;
}

/** Start the CLI, send `signal` once `ready()` holds, and resolve with its exit code and stderr. */
function stopWhen(args: string[], ready: () => boolean, signal: NodeJS.Signals): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', ['dist/cli/main.js', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const poll = setInterval(() => {
      if (ready()) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 10);
    child.on('close', (status) => {
      clearInterval(poll);
      resolve({ status, stderr });
    });
  });
}

describe('stopped halfway (Ctrl-C, kill)', () => {
  it('--out DIR: exits 130, the manifest lists what was written, and the next run resumes', async () => {
    const src = await textCorpus(400);
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'gov-report-out-')), 'reports');
    const written = () => existsSync(out) && readdirSync(out).some((f) => f.endsWith('.json') && f !== 'manifest.json');
    const r = await stopWhen(['parse', src, '-o', `${out}/`, '-j', '2'], written, 'SIGINT');
    expect(r).toEqual({ status: 130, stderr: '\ngov-report: stopped by SIGINT\n' });
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { reports: Record<string, { file: string }> };
    const entries = Object.values(manifest.reports);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(existsSync(path.join(out, e.file))).toBe(true);
    const again = await cli('parse', src, '-o', `${out}/`);
    expect(again.stderr).toMatch(/unchanged, skipped\n$/);
  }, 60_000);
  it('--out FILE: exits 143 and leaves neither the file nor its temporary', async () => {
    const src = await textCorpus(400);
    const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-out-'));
    const r = await stopWhen(['parse', src, '-f', 'ndjson', '-o', path.join(dir, 'all.ndjson')], () => readdirSync(dir).length > 0, 'SIGTERM');
    expect(r).toEqual({ status: 143, stderr: '\ngov-report: stopped by SIGTERM\n' });
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});
