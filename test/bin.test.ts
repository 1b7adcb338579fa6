import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The installed command, as a user runs it (built by `npm install` / the pretest script).
describe('bin gov-report', () => {
  it('parses the bundled fixtures and exits 0', () => {
    const out = execFileSync('node', ['dist/cli/main.js', 'parse', 'fixtures', '-f', 'ndjson', '-q'], { encoding: 'utf8' });
    expect(out.trimEnd().split('\n').length).toBeGreaterThanOrEqual(17);
  });
  it('exits 1 for a missing file and 2 for bad usage', () => {
    expect(spawnSync('node', ['dist/cli/main.js', 'parse', 'nope.txt']).status).toBe(1);
    expect(spawnSync('node', ['dist/cli/main.js', 'parse', '--format', 'xml', 'fixtures']).status).toBe(2);
  });
  it.runIf(existsSync('/dev/full') && statSync('/dev/full').isCharacterDevice())('exits 74 when standard output fails (disk full), for parse and check', () => {
    for (const command of ['parse', 'check']) {
      const full = openSync('/dev/full', 'w');
      const r = spawnSync('node', ['dist/cli/main.js', command, 'fixtures/seeds'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      closeSync(full);
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 74, stderr: 'gov-report: cannot write standard output: no space left on device (ENOSPC)\n' });
    }
  });
});
