/**
 * Writes the generated PDF fixtures to fixtures/pdf/ (and their HTML sources to test/sources/pdf/):
 * reports of both layouts rendered as HTML from their specification, converted with LibreOffice.
 * Run by hand, not in CI (needs libreoffice-writer, fonts-noto-cjk, poppler-utils):
 *
 *   npx tsx scripts/make-pdfs.ts
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDF_FIXTURES } from './synthetic/pdf-fixtures.js';
import { renderHtml } from './synthetic/html.js';

const out = 'fixtures/pdf';
const src = 'test/sources/pdf';
mkdirSync(src, { recursive: true });
const work = mkdtempSync(path.join(tmpdir(), 'gov-report-pdf-'));

function soffice(html: string, name: string): string {
  const file = path.join(work, `${name}.html`);
  writeFileSync(file, html);
  execFileSync('soffice', ['--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', work, file], { stdio: 'ignore' });
  return path.join(work, `${name}.pdf`);
}

// A page image to stand for a scan: page 1 of a rendered report, as pixels only.
const page = soffice(renderHtml(PDF_FIXTURES[0]!.spec), 'scan-source');
execFileSync('pdftoppm', ['-r', '100', '-f', '1', '-l', '1', '-png', '-singlefile', page, path.join(work, 'scan')]);
const scanPng = path.join(work, 'scan.png');

for (const f of PDF_FIXTURES) {
  const name = f.file.replace(/\.pdf$/, '');
  const html = f.imageOnly ? `<!DOCTYPE html><html><body><p><img src="${scanPng}" width="600"></p></body></html>` : renderHtml(f.spec, f.options);
  renameSync(soffice(html, name), path.join(f.dir ?? out, f.file));
  writeFileSync(path.join(src, `${name}.html`), html.replace(scanPng, 'scan.png'));
  console.log(`${f.file}: ${f.why}`);
}
copyFileSync(scanPng, path.join(src, 'scan.png'));
