/**
 * Writes the hand-made text fixtures to fixtures/synthetic/. The values of each report are
 * specified in scripts/synthetic/fixtures.ts, and test/synthetic.test.ts checks the parser
 * against that specification, not against its own output.
 *
 *   npx tsx scripts/make-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CHECK_FIXTURES } from './synthetic/check-fixtures.js';
import { FIXTURES, NOT_ONE_FIXTURES, REAL_SHAPE_FIXTURES, type FixtureDef } from './synthetic/fixtures.js';
import { render } from './synthetic/render.js';

for (const [dir, list] of [
  ['fixtures/synthetic', FIXTURES],
  ['fixtures/checks', CHECK_FIXTURES],
  ['fixtures/shapes', REAL_SHAPE_FIXTURES],
  ['test/bad/not-one', NOT_ONE_FIXTURES],
] as const) write(dir, list);

function write(dir: string, list: readonly FixtureDef[]) {
mkdirSync(dir, { recursive: true });
for (const f of list) {
  const text = (f.edit ?? ((t: string) => t))(render(f.spec, f.shape));
  const bytes =
    f.encoding === 'gb18030'
      ? encodeGb18030(text)
      : Buffer.concat([f.encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text)]);
  writeFileSync(path.join(dir, f.file), bytes);
  console.log(`${f.file}: ${f.why}`);
}
}

/** Node has no GB18030 encoder; iconv (glibc) is on every Debian machine, and this runs only by hand. */
function encodeGb18030(text: string): Buffer {
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
}
