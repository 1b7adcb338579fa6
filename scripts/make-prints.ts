/**
 * Writes the PDFs people make from other PDFs and from web pages: fixtures/print/ (a report page
 * of a government site printed by Chromium, `--print-to-pdf`, with and without the browser's
 * header and footer) and fixtures/scanned/*.redistilled.pdf (our PDFs through `pdftops` and
 * Ghostscript's `ps2pdf`: a text layer without usable Unicode, read by OCR), and
 * fixtures/scanned/*.remapped.pdf (a text layer of wrong CJK characters). Run by hand (needs
 * chromium, fonts-noto-cjk, poppler-utils, ghostscript and qpdf):
 *
 *   npx tsx scripts/make-prints.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderHtml } from './synthetic/html.js';
import { PRINT_FIXTURES, REDISTILLED_FIXTURES, REMAPPED_FIXTURES } from './synthetic/print-fixtures.js';

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

// A text layer of wrong CJK: our PDF with every ToUnicode destination in the CJK block moved
// along it, as a broken font map gives. The characters are CJK, but no word of a report is among them.
for (const f of REMAPPED_FIXTURES) {
  const qdf = path.join(work, `${f.file}.qdf`);
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', path.join('fixtures/pdf', f.from), qdf]);
  const text = readFileSync(qdf, 'latin1').replace(/beginbf(char|range)([\s\S]*?)endbf\1/g, (block) =>
    block.replace(/<([0-9A-Fa-f]{4})>(\s*)$/gm, (whole, hex: string, space: string) => {
      const c = parseInt(hex, 16);
      if (c < 0x4e00 || c > 0x9fff) return whole;
      return `<${(0x4e00 + ((c - 0x4e00 + 0x1234) % 0x5200)).toString(16).toUpperCase()}>${space}`;
    }),
  );
  writeFileSync(qdf, text, 'latin1');
  execFileSync('sh', ['-c', `fix-qdf < "${qdf}" > "${path.join('fixtures/scanned', f.file)}"`]);
  console.log(`fixtures/scanned/${f.file}: fixtures/pdf/${f.from} with its ToUnicode maps moved along the CJK block`);
}
