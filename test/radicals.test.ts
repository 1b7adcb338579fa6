import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_FILE, equivalentIdeographs } from '../scripts/make-radicals.js';
import { normalizeChars } from '../src/text/index.js';

// Radicals that fonts emit in place of ideographs (browsers' CJK fonts: ⻚ for 页), against
// Unicode's own data file (Debian's unicode-data, which .ci/run installs).
describe.runIf(existsSync(DATA_FILE))('CJK radicals become their equivalent ideographs', () => {
  const data = existsSync(DATA_FILE) ? equivalentIdeographs(readFileSync(DATA_FILE, 'utf8')) : new Map<number, number>();
  it('every character of U+2E80–2FDF the data maps is mapped to its ideograph, the rest left alone', () => {
    const wrong: string[] = [];
    let mapped = 0;
    for (let c = 0x2e80; c <= 0x2fdf; c++) {
      const ch = String.fromCodePoint(c);
      const want = data.has(c) ? String.fromCodePoint(data.get(c)!) : ch;
      if (data.has(c)) mapped++;
      if (normalizeChars(ch) !== want) wrong.push(`U+${c.toString(16).toUpperCase()} ${ch} → ${normalizeChars(ch)}, data says ${want}`);
    }
    expect(wrong).toEqual([]);
    expect(mapped).toBe(328); // the 115 supplement and 214 Kangxi radicals but U+2E80 CJK RADICAL REPEAT, which has none
  });
  it('in text: the breadcrumb a browser print gives', () => {
    expect(normalizeChars('首⻚>政府信息公开>年度报告')).toBe('首页>政府信息公开>年度报告');
    expect(normalizeChars('⼀、总体情况')).toBe('一、总体情况');
  });
});
it.skipIf(existsSync(DATA_FILE))(`radical mapping test skipped: ${DATA_FILE} absent (apt-get install unicode-data)`, () => {});
