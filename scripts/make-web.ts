/**
 * Writes the generated web-page and Word fixtures to fixtures/html/ and fixtures/docx/, from the
 * reports specified in scripts/synthetic/web-fixtures.ts. Run by hand (needs libreoffice-writer
 * for the .docx files and glibc iconv for GB2312):
 *
 *   npx tsx scripts/make-web.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderHtml } from './synthetic/html.js';
import { WEB_FIXTURES } from './synthetic/web-fixtures.js';

const work = mkdtempSync(path.join(tmpdir(), 'gov-report-web-'));
for (const f of WEB_FIXTURES) {
  const html = renderHtml(f.spec, f.options);
  if (f.kind === 'html') {
    mkdirSync('fixtures/html', { recursive: true });
    const bytes = f.options.charset && f.options.charset !== 'utf-8' ? execFileSync('iconv', ['-f', 'UTF-8', '-t', f.options.charset.toUpperCase()], { input: html }) : Buffer.from(html);
    writeFileSync(path.join('fixtures/html', f.file), bytes);
  } else {
    mkdirSync('fixtures/docx', { recursive: true });
    const name = f.file.replace(/\.docx$/, '');
    writeFileSync(path.join(work, `${name}.html`), html);
    execFileSync('soffice', ['--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, path.join(work, `${name}.html`)], { stdio: 'ignore' });
    renameSync(path.join(work, `${name}.docx`), path.join('fixtures/docx', f.file));
  }
  console.log(`${f.file}: ${f.why}`);
}
