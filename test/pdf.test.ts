import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDF_FIXTURES } from '../scripts/synthetic/pdf-fixtures.js';
import { expectedTables } from '../scripts/synthetic/spec.js';
import { segmentsToGrids } from '../src/extract/pdf/grid.js';
import { readFileSync } from 'node:fs';
import { bytesToLayouts, layoutsToLines } from '../src/extract/pdf/index.js';
import { withPdf } from '../src/extract/pdf/pdfjs/load.js';
import { stitchRows } from '../src/extract/pdf/stitch.js';
import type { Line } from '../src/extract/document.js';
import { documentToReport, pagesNeedingRulings, parseFile, readSource } from '../src/index.js';
import { describeShared, pdftotext, sharedPath } from './shared.js';

/** Taken before this file loads pdf.js. */
const NATIVES = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

const plain = (t: string) => (/^\d+(\.\d+)?$/.test(t) ? Number(t) : t.startsWith('增') ? Number(t.slice(1)) : t.startsWith('减') ? 0 - Number(t.slice(1)) || 0 : null);

describeShared('real PDFs: 洪泽区 2023 and 2024 (WPS exports, 表三 over a page break)', ['real/hzq2023.pdf', 'real/hzq2024.pdf'], async () => {
  for (const year of [2023, 2024]) {
    const pdf = await parseFile(sharedPath(`real/hzq${year}.pdf`));
    const layout = await parseFile(pdftotext(`real/hzq${year}.pdf`, ['-layout'])!);
    it(`${year}: every table value equals the values checked by hand (test/real-values.test.ts)`, () => {
      expect(pdf.tables).toEqual(layout.tables);
      expect(pdf.report).toEqual(layout.report);
      expect(pdf.checks).toEqual(layout.checks);
    });
    it(`${year}: page count, sections, no page numbers in the text`, () => {
      expect(pdf.source).toMatchObject({ format: 'pdf', pages: 5, encoding: null });
      expect(pdf.sections.map((s) => s.heading)).toEqual(layout.sections.map((s) => s.heading));
      expect(pdf.sections.map((s) => s.text).join('\n')).not.toMatch(/-\s*\d\s*-/);
      // No space pdf.js put between CJK characters or around digits survives.
      expect(pdf.sections[0]!.text).toContain(`${year}年`);
      expect(pdf.sections[0]!.text).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
    });
  }
  it('2023: the published 表四 errors are reported with their page', async () => {
    const r = await parseFile(sharedPath('real/hzq2023.pdf'));
    expect(r.diagnostics.filter((d) => d.rule === 'review-litigation-total').map((d) => d.where)).toEqual([
      { table: 'reviewLitigation', row: 'review', column: 'total', page: 4 },
      { table: 'reviewLitigation', row: 'litigationAfterReview', column: 'total', page: 4 },
    ]);
  });
  it('pdf.js reads rulings only when the text reading needs them: not for these', async () => {
    expect(pagesNeedingRulings(await readSource(sharedPath('real/hzq2023.pdf'), { rulings: () => [], engine: 'pdfjs' }))).toEqual([]);
  });
  it.each([2023, 2024])('%i: with ruling lines read on every page, the same tables', async (year) => {
    const ruled = documentToReport(await readSource(sharedPath(`real/hzq${year}.pdf`), { rulings: 'always' }));
    expect(ruled.tables).toEqual((await parseFile(pdftotext(`real/hzq${year}.pdf`, ['-layout'])!)).tables);
  });
}, { poppler: true });

const generated = PDF_FIXTURES.filter((f) => !f.imageOnly).map((f) => [f.file, f] as const);

describe('loading pdf.js', () => {
  it("leaves the process with Node's own push and JSON (core-js replaced them with slower ones)", async () => {
    await parseFile('fixtures/pdf/2021-ruled.pdf', { engine: 'pdfjs' });
    expect((globalThis as { pdfjsWorker?: unknown }).pdfjsWorker).toBeDefined();
    // By identity: core-js also makes its functions print as `[native code]`.
    expect(Array.prototype.push === NATIVES.push && JSON.parse === NATIVES.parse && JSON.stringify === NATIVES.stringify).toBe(true);
  });
  it('lists a page\'s operators without building glyph outlines (its fonts bind to a document that drops them)', async () => {
    // Without a document pdf.js falls back to an outline per glyph (195 on this page): a third
    // of the operator list. A pdf.js that wants more of the document falls back again; this says so.
    const ids = await withPdf(new Uint8Array(readFileSync('fixtures/pdf/2019-blank-cells.pdf')), async (doc) => {
      const page = await doc.getPage(1);
      await page.getOperatorList();
      return [...page.commonObjs].map(([id]) => String(id));
    });
    expect(ids.filter((id) => id.includes('_path_'))).toEqual([]);
    expect(ids.length).toBeGreaterThan(0); // the fonts themselves are there
  });
});

describe('generated PDFs parse back to their specification', () => {
  it.each(generated)('%s', async (file, f) => {
    const r = await parseFile(path.join('fixtures/pdf', file));
    const expected = expectedTables(f.spec, plain);
    expect(r.tables).toEqual(expected);
    expect(r.report).toMatchObject({ title: `${f.spec.agency}${f.spec.year}年政府信息公开工作年度报告`, agency: f.spec.agency, year: f.spec.year, template: f.spec.version });
    expect(r.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    if (!file.includes('blank')) {
      const unexpected = r.checks.filter((c) => c.outcome !== 'passed' && !(c.rule === 'overview-figures' && c.outcome === 'not-assessable') && !(c.rule === 'fee-not-reported' && c.outcome === 'not-applicable'));
      expect(unexpected).toEqual([]);
    }
  });
  it('places blank cells by the ruling lines, naming table, row, column and page', async () => {
    const r = await parseFile('fixtures/pdf/2019-blank-cells.pdf');
    expect(r.status).toBe('ok');
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([
      ['activeDisclosure', 'licensing', 'change'],
      ['applications', 'granted', 'commercialEnterprise'],
      ['applications', 'denied.stateSecret', 'naturalPerson'],
      ['applications', 'unable.notHeld', 'total'],
      ['reviewLitigation', 'review', 'other'],
    ].map(([table, row, column]) => ({ severity: 'warning', rule: 'value-blank', message: expect.any(String), where: { table, row, column, page: expect.any(Number) } })));
  });
  it('maps Kangxi radicals and compatibility ideographs back to the usual characters', async () => {
    const r = await parseFile('fixtures/pdf/2019-kangxi.pdf');
    expect(JSON.stringify(r)).not.toMatch(/[\u2F00-\u2FDF\uF900-\uFAFF]/);
    expect(r.sections[0]!.text).toContain('（一）主动公开');
    expect(r.sections.find((s) => s.number === 1)!.heading).toBe('一、总体情况');
  });
});

describe('telling a scan from a page with a seal on it', () => {
  // Both pages hold 8 characters and an image over 80 % of the page; on page 1 the image is a
  // Stamp annotation (an electronic seal), on page 2 it is the page's own content.
  it('counts images in the page content only', async () => {
    const read = await bytesToLayouts(new Uint8Array(readFileSync('test/sources/stamp-and-scan.pdf')));
    expect(read.scanned).toEqual([2]);
  });
});

describe('the ruling-line reader, on every page', () => {
  // parseFile reads text first and rulings only where the tables need them; this reads every
  // page's rulings, so grids, spans and stitching carry every value of every PDF.
  const ruled = async (file: string) => documentToReport(await readSource(file, { rulings: 'always' }));
  it.each(generated)('%s', async (file, f) => {
    expect((await ruled(path.join('fixtures/pdf', file))).tables).toEqual(expectedTables(f.spec, plain));
  });
  it('pdf.js: reads rulings only when the text reading needs them (PDFium has them for nothing)', async () => {
    const needs = async (file: string) => pagesNeedingRulings(await readSource(file, { rulings: () => [], engine: 'pdfjs' }));
    expect(await needs('fixtures/pdf/2021-ruled.pdf')).toEqual([]);
    expect(await needs('fixtures/pdf/2019-blank-cells.pdf')).toEqual([1, 2]);
  });
});

describe('segmentsToGrids', () => {
  const h = (y: number, x0: number, x1: number) => ({ x0, x1, y0: y, y1: y });
  const v = (x: number, y0: number, y1: number) => ({ x0: x, x1: x, y0, y1 });
  it('finds merged cells where a ruling is missing, and snaps near-duplicate rulings', () => {
    // 3 columns × 3 rows; the top row is one cell (colspan 3); the first column's last two rows merge (rowspan 2).
    const segments = [h(0, 0, 300), h(20, 0, 300), h(20.8, 100, 300), h(40, 100, 300), h(60, 0, 300), v(0, 0, 60), v(100, 20, 60), v(200, 20, 60), v(300, 0, 60), v(300.5, 10, 50)];
    const [grid] = segmentsToGrids(segments, 1);
    expect(grid!.xs).toEqual([0, 100, 200, 300.25]);
    expect(grid!.cells.map((c) => [c.row, c.col, c.rowspan, c.colspan])).toEqual([
      [0, 0, 1, 3],
      [1, 0, 2, 1], [1, 1, 1, 1], [1, 2, 1, 1],
      [2, 1, 1, 1], [2, 2, 1, 1],
    ]);
  });
  it('closes a table whose bottom border fell to the page break', () => {
    const [grid] = segmentsToGrids([h(0, 0, 200), h(20, 0, 200), v(0, 0, 45), v(100, 0, 45), v(200, 0, 45)], 1);
    expect(grid!.ys).toEqual([0, 20, 45]);
  });
  it('ignores lines that do not make a table (an underline)', () => {
    expect(segmentsToGrids([h(10, 0, 200)], 1)).toEqual([]);
  });
});

describe('stitching a table across a page break', () => {
  const row = (...cells: string[]): Line => ({ no: 0, text: cells.join('\t'), cells });
  it('drops the repeated header and rejoins a row cut in two', () => {
    const before = [row('项目', '数量'), row('（三）不予', '5')];
    const after = [row('项目', '数量'), row('公开', ''), row('（四）无法提供', '2')];
    expect(stitchRows(before, after).rows.map((l) => l.cells)).toEqual([['项目', '数量'], ['（三）不予公开', '5'], ['（四）无法提供', '2']]);
  });
  it('keeps a continuation that starts with a full row', () => {
    const r = stitchRows([row('a', '1')], [row('b', '2')]);
    expect(r).toMatchObject({ repeatedHeader: 0, rejoined: false });
  });
  it('drops running headers repeated on every page, and stitches only matching columns', () => {
    const grid = (page: number, top: number, xs: number[], ...rows: string[][]) => ({
      top, bottom: top + 20,
      grid: { page, xs, ys: rows.map((_, i) => top + i * 10).concat(top + rows.length * 10), cells: rows.flatMap((r, i) => r.map((text, c) => ({ row: i, col: c, rowspan: 1, colspan: 1, x0: xs[c]!, x1: xs[c + 1]!, y0: 0, y1: 0, text }))) },
    });
    const lines = layoutsToLines([
      { page: 1, height: 800, blocks: [{ top: 20, bottom: 30, prose: '某某局文件' }, { top: 100, bottom: 110, prose: '正文' }, grid(1, 700, [0, 50, 100], ['a', '1'])] },
      { page: 2, height: 800, blocks: [{ top: 20, bottom: 30, prose: '某某局文件' }, grid(2, 60, [0, 50, 100], ['b', '2']), grid(2, 300, [0, 80, 100], ['c', '3'])] },
    ]);
    expect(lines.map((l) => l.text)).toEqual(['正文', 'a\t1', 'b\t2', 'c\t3']);
    expect(lines.map((l) => l.page)).toEqual([1, 1, 2, 2]);
  });
});
