import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordTextToText } from '../src/extract/doc.js';
import { parseFile, type Report } from '../src/index.js';
import { cli } from './helpers.js';

// Word 97–2003 files (fixtures/doc, LibreOffice's saves of fixtures/docx): each must read as
// the .docx it was made from, value for value.
const same = (r: Report) => ({ status: r.status, report: r.report, sections: r.sections, tables: r.tables, raw: r.raw, checks: r.checks });

describe('.doc (Word 97–2003)', () => {
  it.each(['2019', '2021'])('%s.doc reads as %s.docx: every value, raw text, section and check', async (name) => {
    const doc = await parseFile(`fixtures/doc/${name}.doc`);
    const docx = await parseFile(`fixtures/docx/${name}.docx`);
    expect(doc.source.format).toBe('doc');
    expect(doc.status).toBe('ok');
    expect(same(doc)).toEqual(same(docx));
    expect(doc.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('a .wps holding a Word document is read as one; the format is decided by content', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-wps-'));
    copyFileSync('fixtures/doc/2021.doc', path.join(dir, 'report.wps'));
    const wps = await parseFile(path.join(dir, 'report.wps'));
    expect(wps.source.format).toBe('doc');
    expect(same(wps)).toEqual(same(await parseFile('fixtures/doc/2021.doc')));
  });

  it('puts the paragraph after a table on its own line (Word ends a row as it ends a cell)', () => {
    // 表三's last row, its row mark, then the next heading with no line break between.
    expect(wordTextToText('四、结转下年度继续办理\t0\t2\t6\t\t四、政府信息公开行政复议、行政诉讼情况\n')).toBe('四、结转下年度继续办理\t0\t2\t6\t\n四、政府信息公开行政复议、行政诉讼情况\n');
    // Rows with empty cells, and rows that end in their marks, are left as they are.
    expect(wordTextToText('\t\t商业企业\t科研机构\t\n规章\t\t849\t\n')).toBe('\t\t商业企业\t科研机构\t\n规章\t\t849\t\n');
  });

  it('a folder of .doc, .docx, PDF and HTML reports in one batch', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-formats-'));
    const files = ['fixtures/doc/2021.doc', 'fixtures/docx/2019.docx', 'fixtures/pdf/2021-ruled.pdf', 'fixtures/html/2021-site-gbk.html', 'fixtures/html/2019-web-page.doc'];
    files.forEach((f, i) => copyFileSync(f, path.join(dir, `${i}-${path.basename(f)}`)));
    const r = await cli('parse', dir, '-f', 'ndjson', '-q', '-j', '2');
    expect(r.code).toBe(0);
    const reports = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Report);
    expect(reports.map((x) => [path.basename(x.source.path), x.source.format, x.status])).toEqual([
      ['0-2021.doc', 'doc', 'ok'],
      ['1-2019.docx', 'docx', 'ok'],
      ['2-2021-ruled.pdf', 'pdf', 'ok'],
      ['3-2021-site-gbk.html', 'html', 'ok'],
      ['4-2019-web-page.doc', 'html', 'ok'], // a web page named .doc stays a web page
    ]);
    for (const [i, f] of files.entries()) expect(same(reports[i]!)).toEqual(same(await parseFile(f)));
  });
});
