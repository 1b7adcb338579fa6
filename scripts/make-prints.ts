/**
 * Writes the PDFs people make from other PDFs and from web pages: fixtures/print/ (a report page
 * of a government site printed by Chromium, `--print-to-pdf`, with and without the browser's
 * header and footer) and fixtures/scanned/*.redistilled.pdf (our PDFs through `pdftops` and
 * Ghostscript's `ps2pdf`: a text layer without usable Unicode, read by OCR). Run by hand (needs
 * chromium, fonts-noto-cjk, poppler-utils and ghostscript):
 *
 *   npx tsx scripts/make-prints.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderHtml } from './synthetic/html.js';
import { PRINT_FIXTURES, REDISTILLED_FIXTURES } from './synthetic/print-fixtures.js';

const work = mkdtempSync(path.join(tmpdir(), 'gov-report-print-'));
mkdirSync('fixtures/print', { recursive: true });
for (const f of PRINT_FIXTURES) {
  const html = path.join(work, f.file.replace(/\.pdf$/, '.html'));
  writeFileSync(html, renderHtml(f.spec, { chrome: true }));
  const out = path.resolve('fixtures/print', f.file);
  execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', ...(f.headerFooter ? [] : ['--no-pdf-header-footer']), `--print-to-pdf=${out}`, `file://${html}`], { stdio: 'ignore' });
  console.log(`fixtures/print/${f.file}: ${f.why}`);
}
for (const f of REDISTILLED_FIXTURES) {
  const ps = path.join(work, `${f.file}.ps`);
  execFileSync('pdftops', [path.join('fixtures/pdf', f.from), ps]);
  execFileSync('ps2pdf', [ps, path.join('fixtures/scanned', f.file)]);
  console.log(`fixtures/scanned/${f.file}: fixtures/pdf/${f.from} through pdftops and ps2pdf`);
}
