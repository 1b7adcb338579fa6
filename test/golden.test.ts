import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/index.js';
import { fixtureFiles, matchGolden } from './helpers.js';

// Every fixture has a golden JSON, checked by hand against the source; see fixtures/README.md.
// The scans (fixtures/scanned) are compared in test/ocr.test.ts, which reads each once.
const files = await fixtureFiles();

describe('golden reports', () => {
  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });
  it.each(files.filter((f) => !f.startsWith('fixtures/scanned/')))('%s', async (file) => {
    const { expected, actual } = matchGolden(file, await parseFile(file));
    expect(actual).toEqual(expected);
  });
});
