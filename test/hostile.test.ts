import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeFormulas } from '../src/export/writers.js';
import type { Report } from '../src/index.js';
import { cli } from './helpers.js';

// The hostile corpus (scripts/make-hostile.py) plus cases made here: too large to commit, or
// things only a file system has (odd names, a FIFO). All of it beside good reports, in one run.
const GOOD = ['fixtures/synthetic/2019-tabs.txt', 'fixtures/pdf/2021-ruled.pdf', 'fixtures/html/2021-site-gbk.html', 'fixtures/docx/2021.docx'];

function corpus(): { dir: string; good: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-hostile-'));
  for (const f of readdirSync('test/hostile')) copyFileSync(path.join('test/hostile', f), path.join(dir, f));
  writeFileSync(path.join(dir, 'fifty-megabytes.txt'), Buffer.alloc(50 * 1024 * 1024, '政'));
  writeFileSync(path.join(dir, 'deep.html'), `<html><body>${'<div>'.repeat(200_000)}一、总体情况${'</div>'.repeat(200_000)}<script>for(;;){}</script></body></html>`);
  writeFileSync(path.join(dir, 'scripts-only.html'), `<html><head><script>document.write('二、主动公开政府信息情况')</script></head><body><script>while(true){}</script></body></html>`);
  execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
  const names = ['name with spaces.txt', 'quote"s and \'apostrophes\'.pdf', 'new\nline.html', '表 格.docx'];
  const good = GOOD.map((g, i) => {
    const target = path.join(dir, names[i]!);
    copyFileSync(g, target);
    return target;
  });
  return { dir, good };
}

const EXPECTED: Record<string, [Report['status'], string, RegExp | null]> = {
  'broken-xref.pdf': ['ok', '', null], // rebuilt by scanning: nothing lost
  'encrypted-owner-only.pdf': ['ok', '', null], // restrictions only: readable
  'encrypted-user-password.pdf': ['failed', 'read-encrypted', /encrypted with a password/],
  'flate-bomb.pdf': ['failed', 'not-a-report', /no section heading and no table/],
  'many-pages.pdf': ['failed', 'read-pdf', /20000 pages; a report has a few dozen/],
  'path-traversal.docx': ['failed', 'read-docx', /"\.\.\/\.\.\/evil\.txt" points outside the archive/],
  'random-bytes.pdf': ['failed', 'read-pdf', /named \.pdf but holds no PDF/],
  'truncated.pdf': ['failed', 'read-pdf', /not a readable PDF/],
  'unknown-encoding.txt': ['failed', 'read-encoding', /neither UTF-8 nor GB18030/],
  'zero-bytes.pdf': ['failed', 'read-empty', /file is empty/],
  'zip-bomb.docx': ['failed', 'read-docx', /a ZIP bomb/],
  'doc-directory-loop.doc': ['failed', 'read-doc', /damaged Office 97–2003 file \(directory: sector chain leaves the file or loops\)/],
  'doc-truncated.doc': ['failed', 'read-doc', /damaged Office 97–2003 file/],
  'doc-encrypted.doc': ['failed', 'read-encrypted', /password-protected Word document/],
  'doc-not-word.doc': ['failed', 'read-unsupported', /not a Word document/],
  'formula-cells.txt': ['partial', '', null],
  'fifty-megabytes.txt': ['failed', 'read-too-large', /over 20971520 bytes is refused/],
  'deep.html': ['failed', 'read-html', /nested over 1000 levels deep/],
  'scripts-only.html': ['failed', 'not-a-report', /no section heading/],
};

describe('hostile input: every bad file gets a clear failed record, the rest is untouched', () => {
  it('runs the whole corpus in bounded time, each file named with its problem', async () => {
    const { dir, good } = corpus();
    const t0 = Date.now();
    const run = await cli('parse', dir, '-f', 'ndjson', '--timeout', '20', '-j', '2');
    const seconds = (Date.now() - t0) / 1000;
    const records = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Report);
    const byName = new Map(records.map((r) => [path.basename(r.source.path), r]));
    expect(run.code).toBe(1);
    for (const [name, [status, rule, message]] of Object.entries(EXPECTED)) {
      const r = byName.get(name);
      expect(r, name).toBeDefined();
      expect(r!.status, name).toBe(status);
      if (status === 'failed') {
        expect(r!.diagnostics[0]!.rule, name).toBe(rule);
        expect(r!.diagnostics[0]!.message.startsWith(`${path.join(dir, name)}: `), name).toBe(true);
        expect(r!.diagnostics[0]!.message, name).toMatch(message!);
        expect(run.stderr).toContain(`gov-report: ${path.join(dir, name)}: `);
      }
    }
    // A FIFO in a folder is not a report file: passed over, never read (a read would block).
    expect(byName.has('pipe.txt')).toBe(false);
    // Good files under awkward names come out exactly as when parsed alone.
    const alone = new Map(
      (await cli('parse', ...good, '-f', 'ndjson')).stdout.trimEnd().split('\n').map((l) => [(JSON.parse(l) as Report).source.path, l] as const),
    );
    const differing = good.filter((g) => JSON.stringify(records.find((r) => r.source.path === g)) !== alone.get(g));
    expect(differing).toEqual([]);
    expect(good.map((g) => byName.get(path.basename(g))?.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(seconds).toBeLessThan(60);
  }, 90_000);

  it('refuses a FIFO named on the command line instead of blocking on it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-fifo-'));
    execFileSync('mkfifo', [path.join(dir, 'report.txt')]);
    const r = await cli('parse', path.join(dir, 'report.txt'), '-f', 'ndjson');
    expect(JSON.parse(r.stdout).diagnostics[0].message).toMatch(/not a regular file/);
  });

  it('a folder named like a report is walked as a folder', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'gov-report-dir-')), 'report.txt');
    mkdirSync(dir);
    const r = await cli('parse', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no report files');
  });
});

describe('CSV: formula-like text is escaped, numbers stay numbers', () => {
  it('escapes =, +, -, @, tab and return at the start of text cells only', () => {
    const row = { path: '=a.txt', agency: '@SUM(1)', year: 2020, template: '2019', table: 't', row: 'r', column: 'c', value: -2, raw: '-2' } as const;
    expect(escapeFormulas(row as never)).toEqual({ ...row, path: "'=a.txt", agency: "'@SUM(1)", raw: "'-2" });
    expect(escapeFormulas({ ...row, agency: '示例局', raw: '\tx', path: 'a.txt' } as never)).toMatchObject({ agency: '示例局', raw: "'\tx", value: -2 });
  });
  it('writes the hostile report so that a spreadsheet shows text', async () => {
    const csv = (await cli('parse', 'test/hostile/formula-cells.txt', '-f', 'csv', '-q')).stdout;
    expect(csv).toContain(`"'=HYPERLINK(""x"",""点击"")局",2020,2019,activeDisclosure,licensing,change,1,'+1`);
    expect(csv).toContain(',activeDisclosure,coercion,previousCount,-2,\'-2');
    expect(csv.split('\n').filter((l) => /,[=+@-]/.test(l.replace(/,-?\d+(\.\d+)?(?=,|$)/g, '')))).toEqual([]);
  });
});
