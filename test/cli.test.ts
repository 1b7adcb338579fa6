import { parseString } from 'fast-csv';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportToTidyRows } from '../src/export/index.js';
import { escapeFormulas } from '../src/export/writers.js';
import { TIDY_COLUMNS, type Report } from '../src/index.js';
import { expandInputs } from '../src/cli/inputs.js';
import { cli, fixtureFiles } from './helpers.js';

const files = await fixtureFiles();
let devicesAreSafe = false;
// Without OCR: the scans are read (slowly) in ocr.test.ts; here they are failed records, and
// what is tested is the formats.
const json = await cli('parse', 'fixtures', '--quiet', '--no-ocr');
const reports = JSON.parse(json.stdout) as Report[];

function csvRows(text: string): Promise<Record<string, string>[]> {
  return new Promise((resolve, reject) => {
    const rows: Record<string, string>[] = [];
    parseString(text, { headers: true })
      .on('data', (r) => rows.push(r))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

describe('parse: output formats', () => {
  it('writes a JSON array for a folder, sorted by path', () => {
    expect(json.code).toBe(1); // the scans, unread without OCR
    expect(reports.filter((r) => r.status === 'failed').map((r) => [r.source.path, r.diagnostics[0]!.rule])).toEqual(
      [
        ['2019-blank-cells.p1.png', 'read-scanned'],
        ['2019-ruled.redistilled.pdf', 'read-text-layer'],
        ['2019-ruled.scan.pdf', 'read-scanned'],
        ['2021-ruled.p2.jpg', 'read-scanned'],
        ['2021-ruled.redistilled.pdf', 'read-text-layer'],
        ['2021-ruled.remapped.pdf', 'read-text-layer'],
        ['2021-ruled.scan.pdf', 'read-scanned'],
      ].map(([f, rule]) => [`fixtures/scanned/${f}`, rule]),
    );
    expect(reports.map((r) => r.source.path)).toEqual(files);
    expect([...files].sort()).toEqual(files);
  });
  it('writes one JSON object for one file', async () => {
    const one = await cli('parse', 'fixtures/synthetic/2019-tabs.txt');
    expect(JSON.parse(one.stdout)).toEqual(reports.find((r) => r.source.path.endsWith('synthetic/2019-tabs.txt')));
  });
  it('NDJSON round-trips to the same reports, one per line', async () => {
    const nd = await cli('parse', 'fixtures', '-f', 'ndjson', '-q', '--no-ocr');
    const lines = nd.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(files.length);
    expect(lines.map((l) => JSON.parse(l))).toEqual(reports);
  });
  it('CSV (UTF-8 with BOM) round-trips to the same values and raw text', async () => {
    const csv = await cli('parse', 'fixtures', '-f', 'csv', '-q', '--no-ocr');
    expect(csv.stdout.startsWith('\uFEFFpath,agency,year,template,table,row,column,value,raw\n')).toBe(true);
    const rows = await csvRows(csv.stdout.slice(1));
    // Text cells a spreadsheet would run as formulas (-1, +1953) are written escaped.
    const expected = reports.flatMap(reportToTidyRows).map(escapeFormulas);
    expect(rows).toHaveLength(expected.length);
    expect(Object.keys(rows[0]!)).toEqual(TIDY_COLUMNS);
    rows.forEach((row, i) => {
      const e = expected[i]!;
      expect({ ...row, value: row.value === '' ? null : Number(row.value), year: Number(row.year), raw: row.raw }).toEqual({
        ...e,
        agency: e.agency ?? '',
        raw: e.raw ?? '',
      });
    });
    // 4 layouts × (2019: 22 + 161 + 15 values, 2021: 10 + 175 + 15) — every value of every table.
    expect(rows.filter((r) => r['path']?.endsWith('2019-tabs.txt'))).toHaveLength(22 + 161 + 15);
    expect(rows.filter((r) => r['path']?.endsWith('2021-tabs.txt'))).toHaveLength(10 + 175 + 15);
  });
  it('--out writes the file atomically and leaves no temporary file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-'));
    const out = path.join(dir, 'all.ndjson');
    const r = await cli('parse', 'fixtures/derived', '-f', 'ndjson', '-o', out, '-q');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(5);
    expect(readdirSync(dir)).toEqual(['all.ndjson']);
  });
  it('--out to a named pipe writes into it and leaves it a pipe (bug: the rename replaced /dev/null with a file)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-'));
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const received = readFile(fifo, 'utf8');
    const r = await cli('parse', 'fixtures/derived', '-f', 'ndjson', '-o', fifo, '-q');
    expect(r.code).toBe(0);
    expect((await received).trimEnd().split('\n')).toHaveLength(5);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
    devicesAreSafe = true;
  });
  // Only once the pipe test passed: with the rename bug back, this test would replace /dev/full with a file.
  it('exits 74 naming the output when it cannot be written, for every format', async (t) => {
    if (!devicesAreSafe || !existsSync('/dev/full') || !statSync('/dev/full').isCharacterDevice()) t.skip();
    for (const format of ['json', 'ndjson', 'csv']) {
      const r = await cli('parse', 'fixtures/derived', '-f', format, '-o', '/dev/full', '-q');
      expect(r).toEqual({ code: 74, stdout: '', stderr: 'gov-report: cannot write /dev/full: no space left on device (ENOSPC)\n' });
    }
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });
  it('exits 74 before parsing when the output folder does not exist', async () => {
    const out = path.join(tmpdir(), 'gov-report-no-such-folder', 'x.json');
    const r = await cli('parse', 'fixtures/derived', '-o', out);
    expect(r.code).toBe(74);
    expect(r.stderr).toBe(`gov-report: cannot write ${out}: no such file or directory (ENOENT)\n`);
  });
  it('CSV: a file without rows after the first adds no second header (bug: fast-csv wrote one)', async () => {
    const r = await cli('parse', 'fixtures/synthetic/2019-tabs.txt', 'test/bad/empty.txt', 'fixtures/synthetic/2021-tabs.txt', '-f', 'csv', '-q');
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => l.replace(/^\uFEFF/, '').startsWith('path,'))).toHaveLength(1);
    expect(lines).toHaveLength(1 + 22 + 161 + 15 + 10 + 175 + 15 + 1);
  });
  it('CSV of a batch without table rows is still the BOM and the header', async () => {
    const r = await cli('parse', 'test/bad/no-such-file.txt', '-f', 'csv', '-q');
    expect(r.stdout).toBe('\uFEFFpath,agency,year,template,table,row,column,value,raw\n');
  });
  it('prints a summary on stderr and data only on stdout', async () => {
    const r = await cli('parse', 'fixtures/derived');
    expect(r.stderr).toBe('gov-report: 5 files: 3 ok, 2 partial, 0 failed; 2 with error diagnostics\n');
  });
});

describe('exit codes', () => {
  it('0 when every file was read, 1 with --strict when a report has errors', async () => {
    expect((await cli('parse', 'fixtures/synthetic/2019-tabs.txt', '--strict')).code).toBe(0);
    expect((await cli('parse', 'fixtures/synthetic/checks-failing.txt')).code).toBe(0);
    expect((await cli('parse', 'fixtures/synthetic/checks-failing.txt', '--strict')).code).toBe(1);
  });
  it('2 on bad usage', async () => {
    expect((await cli('parse', 'fixtures', '--format', 'xml')).code).toBe(2);
    expect((await cli('parse')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('parse', 'fixtures', '--bogus')).code).toBe(2);
  });
  it('documents them in --help', async () => {
    const help = await cli('parse', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    expect(help.stdout).toMatch(/0 {2}every file was read/);
    expect(help.stdout).toMatch(/2 {2}bad usage/);
  });
});

describe('bad input: a clear message naming the file, and the other files still parsed', () => {
  const good = 'fixtures/synthetic/2019-tabs.txt';
  it.each([
    ['test/bad/not-a-report.txt', 'not-a-report', 'no section heading and no table of an annual report found'],
    ['test/bad/empty.txt', 'read-empty', 'file is empty'],
    ['test/bad/whitespace.txt', 'read-empty', 'file contains only white space'],
    ['test/bad/report.pdf', 'read-pdf', 'not a readable PDF'],
    ['test/bad/no-such-file.txt', 'read-not-found', 'no such file or folder'],
  ])('%s', async (bad, rule, message) => {
    const r = await cli('parse', bad, good, '-f', 'ndjson');
    expect(r.code).toBe(1);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Report);
    const failed = out.find((x) => x.source.path === bad)!;
    expect(failed.status).toBe('failed');
    expect(failed.diagnostics).toEqual([expect.objectContaining({ severity: 'error', rule, message: expect.stringContaining(message) })]);
    expect(failed.diagnostics[0]!.message.startsWith(`${bad}: `)).toBe(true);
    expect(r.stderr).toContain(`gov-report: ${bad}: `);
    expect(out.find((x) => x.source.path === good)).toEqual(reports.find((x) => x.source.path === good));
  });
  it('a folder without reports is named on stderr and fails the run', async () => {
    const r = await cli('parse', 'test/bad/no-reports', good, '-f', 'ndjson');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('gov-report: test/bad/no-reports: no report files (.txt, .md, .markdown, .pdf, .html, .htm, .docx, .doc, .wps, .jpg, .jpeg, .png) in this folder');
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
  });
  it('a broken link and a link loop inside a folder are reported, not followed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-'));
    mkdirSync(path.join(dir, 'sub'));
    copyFileSync(good, path.join(dir, 'sub', 'good.txt'));
    symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'sub', 'broken.txt'));
    symlinkSync(dir, path.join(dir, 'sub', 'loop'));
    const r = await cli('parse', dir, '-f', 'ndjson');
    expect(r.stderr).toContain('broken.txt: broken or looping symbolic link; skipped');
    expect(r.stderr).toContain('symbolic link loop; folder skipped');
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
  });
  it('a saved web page\'s X_files/ folder (its images and scripts) is not walked; other folders are', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-'));
    for (const sub of ['报告_files', '报告.files', 'photos_files', 'a']) mkdirSync(path.join(dir, sub));
    copyFileSync('fixtures/html/2021-site-gbk.html', path.join(dir, '报告.html'));
    copyFileSync('fixtures/scanned/2019-blank-cells.p1.png', path.join(dir, '报告_files', 'logo.png'));
    copyFileSync('fixtures/html/2021-site-gbk.html', path.join(dir, '报告.files', 'frame.html'));
    copyFileSync(good, path.join(dir, 'photos_files', 'kept.txt')); // no photos.html beside it
    copyFileSync(good, path.join(dir, 'a', 'b.txt'));
    const found = (await expandInputs([dir])).files.map((f) => path.relative(dir, f));
    expect(found).toEqual(['a/b.txt', 'photos_files/kept.txt', '报告.html']);
  });
});

describe('debug: the reader intermediates', () => {
  it('debug tables prints each page grid with spans', async () => {
    const r = await cli('debug', 'tables', 'fixtures/pdf/2021-ruled.pdf');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('page 3: 2 tables');
    expect(r.stdout).toContain('c0⟨3×3⟩ "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"  c3⟨1×7⟩ "申请人情况"');
    expect(r.stdout).toContain('c1⟨3×1⟩ "（四）无法提供"  c2 "1.本机关不掌握相关政府信息"  c3 "9"');
  });
  it('debug lines prints the line stream with pages and cells', async () => {
    const r = await cli('debug', 'lines', 'fixtures/pdf/2021-ruled.pdf');
    expect(r.stdout.match(/申请人情况/g)).toHaveLength(1); // the header page 3 repeats is dropped
    expect(r.stdout).toMatch(/p3 +\d+ + │ （六）其他处理 │ 1\.申请人无正当理由逾期不补正/);
  });
  it('debug lines marks the lines OCR read, with its confidence; digital lines are unmarked', async () => {
    const r = await cli('debug', 'lines', 'fixtures/scanned/2021-scanned-page.pdf');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => /^\s+p[12] /.test(l) && / ocr /.test(l))).toEqual([]);
    expect(lines.find((l) => l.includes('五、存在的主要问题及改进情况'))).toMatch(/^\s+p3 \d+ ocr (0\.9\d|1\.00)  五、存在的主要问题及改进情况$/);
  }, 120_000);
  it('debug units prints each table\'s label pieces and the value units after them, glued runs marked', async () => {
    const r = await cli('debug', 'units', 'fixtures/shapes/2021-runon.txt');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^表二 主动公开政府信息情况: lines 1–1$/m);
    expect(r.stdout).toMatch(/\[二、上年结转政府信息公开申请数量\] → 2012016 \*$/m);
    expect(r.stdout).toMatch(/^表四 行政复议、行政诉讼情况: lines 1–1$/m);
  });
  it('debug tables refuses a text file with a clear message', async () => {
    const r = await cli('debug', 'tables', 'fixtures/synthetic/2019-tabs.txt');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('debug tables reads PDFs');
  });
});
