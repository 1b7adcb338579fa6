import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/index.js';
import { fixtureFiles, matchGolden } from './helpers.js';

// Every fixture has a golden JSON, checked by hand against the source; see fixtures/README.md.
const files = await fixtureFiles();

describe('golden reports', () => {
  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });
  it.each(files)('%s', async (file) => {
    const { expected, actual } = matchGolden(file, await parseFile(file));
    expect(actual).toEqual(expected);
  });
});
