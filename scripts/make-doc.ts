/**
 * Writes the Word 97–2003 fixtures (fixtures/doc/) from our DOCX fixtures, as LibreOffice saves
 * them (`--convert-to "doc:MS Word 97"`): the same reports, so each .doc must read as its .docx
 * does. Run by hand (needs libreoffice-writer):
 *
 *   npx tsx scripts/make-doc.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

mkdirSync('fixtures/doc', { recursive: true });
for (const file of readdirSync('fixtures/docx').filter((f) => f.endsWith('.docx'))) {
  execFileSync('soffice', ['--headless', '--convert-to', 'doc:MS Word 97', '--outdir', 'fixtures/doc', path.join('fixtures/docx', file)], { stdio: 'ignore' });
  console.log(`fixtures/doc/${file.replace(/\.docx$/, '.doc')}: fixtures/docx/${file} saved as Word 97–2003`);
}
