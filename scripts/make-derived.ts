/**
 * Text shapes derived from our own PDF fixtures, as users hold them: pdftotext's default
 * reading-order output (no -layout). Needs poppler-utils; run by hand, the output is committed:
 *
 *   npx tsx scripts/make-derived.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DERIVED_FIXTURES } from './synthetic/pdf-fixtures.js';

const out = 'fixtures/derived';
mkdirSync(out, { recursive: true });
for (const d of DERIVED_FIXTURES) {
  const text = execFileSync('pdftotext', [...d.args, path.join('fixtures/pdf', d.from), '-'], { encoding: 'utf8' });
  const edited = d.edit ? d.edit(text) : text;
  if (d.edit && edited === text) throw new Error(`${d.file}: the edit changed nothing`);
  writeFileSync(path.join(out, d.file), edited);
  console.log(`${d.file}: pdftotext ${d.args.join(' ')} ${d.from}${d.edit ? ', edited' : ''} — ${d.why}`);
}
