import { execFileSync, spawnSync } from 'node:child_process';
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
});
