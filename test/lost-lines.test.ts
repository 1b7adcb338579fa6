import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_FIXTURES } from '../scripts/synthetic/check-fixtures.js';
import { FIXTURES, REAL_SHAPE_FIXTURES } from '../scripts/synthetic/fixtures.js';
import { DERIVED_FIXTURES, PDF_FIXTURES } from '../scripts/synthetic/pdf-fixtures.js';
import { expectedTables, type Spec } from '../scripts/synthetic/spec.js';
import { bytesToDocument } from '../src/extract/read.js';
import { documentToReport } from '../src/pipeline.js';
import { flatCells, type FlatCells } from './helpers.js';
import { oracle } from './oracle.js';

// Scrapers and converters lose lines: a row's values, a label, a table row. A text that lost one
// may read less than the whole, but never a wrong value: each of our text fixtures, without each
// of its lines in turn, against the specification it was made from (the check fixtures, whose
// specifications hold placeholders and a mixed template, against their goldens).


const fromSpec = (spec: Spec) => () => flatCells(expectedTables(spec, oracle));
const fromGolden = (file: string) => () => flatCells(JSON.parse(readFileSync(path.join('test/golden', `${file}.json`), 'utf8')).tables);
const truths: Array<[string, () => FlatCells]> = [
  ...FIXTURES.map((f) => [`synthetic/${f.file}`, fromSpec(f.spec)] as [string, () => FlatCells]),
  ...CHECK_FIXTURES.map((f) => [`checks/${f.file}`, fromGolden(`checks/${f.file}`)] as [string, () => FlatCells]),
  ...REAL_SHAPE_FIXTURES.map((f) => [`shapes/${f.file}`, fromSpec(f.spec)] as [string, () => FlatCells]),
  ...DERIVED_FIXTURES.map((d) => [`derived/${d.file}`, fromSpec(PDF_FIXTURES.find((p) => p.file === d.from)!.spec)] as [string, () => FlatCells]),
];
const linesOf = (file: string) => readFileSync(path.join('fixtures', file), 'utf8').split(/\r\n|\r|\n/);
// A whole report on one line (run-together text) has no line to lose.
const files = truths.filter(([file]) => linesOf(file).filter((l) => l.trim() !== '').length > 1);

async function tablesOf(file: string, text: string): Promise<FlatCells> {
  return flatCells(documentToReport(await bytesToDocument(file, Buffer.from(text))).tables);
}

describe('a text that lost one line reads no wrong value', () => {
  it('covers every text shape that has lines', () => {
    expect(files.length).toBeGreaterThanOrEqual(35);
    expect(files.filter(([f]) => f.startsWith('derived/'))).toHaveLength(DERIVED_FIXTURES.length);
  });
  it.each(files)('%s', async (file, truth) => {
    const expected = truth();
    const lines = linesOf(file);
    const wrong: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]!.trim() === '') continue;
      const text = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
      for (const [key, value] of Object.entries(await tablesOf(file, text))) {
        if (value !== null && value !== expected[key]) wrong.push(`without line ${i + 1}: ${key} = ${value}, not ${expected[key]}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
