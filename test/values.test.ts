import { describe, expect, it } from 'vitest';
import { bytesToText } from '../src/extract/decode.js';
import { normalizeChars } from '../src/normalize/index.js';
import { readCell } from '../src/text/values.js';
import { matchHeading } from '../src/segment/index.js';

describe('readCell', () => {
  it.each([
    ['34', 34], ['增34', 34], ['减3', -3], ['+43', 43], ['-1', -1], ['减0', 0], ['1,234', 1234], ['１２３', 123],
    ['＋５', 5], ['－２', -2], ['1001.115万元', 1001.115], ['84933.6787（万元）', 84933.6787], ['84933.6787(万元)', 84933.6787],
    ['251000元', 25.1], ['7730.28', 7730.28], ['1 2', 12], [' 0 ', 0], ['0\u00a0', 0], ['１，２３４', 1234],
  ])('%s → %s', (text, value) => {
    expect(readCell(normalizeChars(text))).toEqual({ kind: 'number', value });
  });
  it.each(['-', '/', '—', '——', '－', '无', '／'])('placeholder %s → null', (text) => {
    expect(readCell(text)).toEqual({ kind: 'placeholder', value: null });
  });
  it.each(['', '  '])('blank "%s" → null', (text) => {
    expect(readCell(text)).toEqual({ kind: 'empty', value: null });
  });
  it.each(['abc', '1.', '3.其他', '12件', '1,2', '-3-'])('unreadable %s → null', (text) => {
    expect(readCell(text)).toEqual({ kind: 'unreadable', value: null });
  });
});

describe('bytesToText', () => {
  const text = '二、主动公开政府信息情况';
  it('reads UTF-8, UTF-8 with BOM, UTF-16 with BOM', () => {
    expect(bytesToText(Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
    expect(bytesToText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, encoding: 'utf-8-bom' });
    expect(bytesToText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf-16le' });
  });
  it('falls back to GB18030 for GBK bytes', () => {
    // 中文 in GBK
    expect(bytesToText(Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4]))).toEqual({ text: '中文', encoding: 'gb18030' });
  });
  it('refuses binary', () => {
    expect(() => bytesToText(Uint8Array.from([0x41, 0x00, 0x42]))).toThrow(/binary/);
  });
});

describe('normalizeChars', () => {
  it('maps Kangxi radicals and compatibility ideographs, but keeps full-width forms', () => {
    expect(normalizeChars('⼀、总体情况（２０２３年）')).toBe('一、总体情况（２０２３年）');
    expect(normalizeChars('\uF9B2')).toBe('零');
    expect(normalizeChars('[bookmark: _GoBack]第二十条')).toBe('第二十条');
  });
});

describe('matchHeading', () => {
  it.each([
    ['一、总体情况', 1], ['一.总体情况', 1], ['一总体情况', 1], ['四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', 4],
    ['五、存在问题及改进情况', 5], ['六、其他需要报告的事项', 6], ['三．收到和处理政府信息公开申请情况', 3],
  ])('%s → %i', (text, n) => {
    expect(matchHeading(text)?.number).toBe(n);
  });
  it.each(['三、本年度办理结果', '四、结转下年度继续办理', '一、本年新收政府信息公开申请数量', '二是深化主动公开', '二、上年结转政府信息公开申请数量'])(
    'not a heading: %s',
    (text) => {
      expect(matchHeading(text)).toBeNull();
    },
  );
});

describe('detectTemplate', async () => {
  const { detectTemplate } = await import('../src/tables/index.js');
  it('agrees, disagrees, or has nothing to go on', () => {
    expect(detectTemplate(['2019', '2019'])).toBe('2019');
    expect(detectTemplate(['2021', null])).toBe('2021');
    expect(detectTemplate(['2021', '2019'])).toBe('mixed');
    expect(detectTemplate(['mixed', null])).toBe('mixed');
    expect(detectTemplate([null, null])).toBe('unknown');
  });
});

describe('a garbled cell among the values of a tab row', () => {
  // Digits amid marks after the row's values: the cell is a value that cannot be read, not label
  // text. Taken as label, it left "found 6 values for 7 columns" and every cell of the row null.
  it('is that cell unreadable, the others read', async () => {
    const { parseFile } = await import('../src/index.js');
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = `${mkdtempSync(`${tmpdir()}/gov-report-garbled-`)}/garbled.txt`;
    const text = readFileSync('fixtures/synthetic/2021-tabs.txt', 'utf8').replace(/^(三、本年度办理结果\t（一）予以公开(?:\t\d+){6})\t\d+/m, '$1\t<i>6</i>');
    expect(text).toContain('\t<i>6</i>');
    writeFileSync(file, text);
    const r = await parseFile(file);
    const granted = (r.tables.applications as Record<string, Record<string, number | null>>)['granted']!;
    expect(Object.values(granted).slice(0, 6).every((v) => typeof v === 'number')).toBe(true);
    expect(granted['total']).toBeNull();
    expect(r.diagnostics.filter((d) => d.where?.row === 'granted').map((d) => [d.rule, d.where?.column, d.actual])).toEqual([['value-unreadable', 'total', '<i>6</i>']]);
  });
  // Letters where the row's only value stands: taken as label text, the row read as blank, raw ''.
  it('letters in a value cell are that cell unreadable, not a blank', async () => {
    const { parseFile } = await import('../src/index.js');
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = `${mkdtempSync(`${tmpdir()}/gov-report-letters-`)}/letters.txt`;
    const text = readFileSync('fixtures/synthetic/2021-tabs.txt', 'utf8').replace(/^行政强制\t640$/m, '行政强制\tabc');
    expect(text).toContain('行政强制\tabc');
    writeFileSync(file, text);
    const r = await parseFile(file);
    const disclosure = r.tables.activeDisclosure as Record<string, Record<string, number | null>>;
    expect(disclosure['coercion']).toEqual({ decisions: null });
    expect(disclosure['penalty']!['decisions']).toBe(17);
    expect((r.raw.activeDisclosure as Record<string, Record<string, string | null>>)['coercion']).toEqual({ decisions: 'abc' });
    expect(r.diagnostics.filter((d) => d.where?.row === 'coercion').map((d) => [d.rule, d.where?.column, d.actual])).toEqual([['value-unreadable', 'decisions', 'abc']]);
  });
});
