import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { PDF_FIXTURES } from '../scripts/synthetic/pdf-fixtures.js';
import { REDISTILLED_FIXTURES } from '../scripts/synthetic/print-fixtures.js';
import { SCAN_FIXTURES } from '../scripts/synthetic/scan-fixtures.js';
import { unusableTextLayer } from '../src/extract/pdf/text-layer.js';
import { expectedTables } from '../scripts/synthetic/spec.js';
import { parseFile, type Report } from '../src/index.js';
import { OCR_MIN_CONFIDENCE } from '../src/tables/table-builder.js';
import { cli, matchGolden } from './helpers.js';
import { oracle } from './oracle.js';

// Scans of our own PDFs (fixtures/scanned, made by scripts/make-scans.ts): what OCR reads must be
// the specification the PDF was made from, cell by cell, or null with a diagnostic naming the
// cell — never another number. Each file is read once; the tests below look at that reading.
const reports = new Map<string, Promise<Report>>();
function read(file: string): Promise<Report> {
  if (!reports.has(file)) reports.set(file, parseFile(path.join('fixtures/scanned', file)));
  return reports.get(file)!;
}
/** OCR takes some 12 s a page on one core. */
const OCR_TIMEOUT = 240_000;

type Cells = Map<string, unknown>;
function leaves(o: unknown, p = '', out: Cells = new Map()): Cells {
  if (o !== null && typeof o === 'object') for (const [k, v] of Object.entries(o)) leaves(v, p ? `${p}.${k}` : k, out);
  else out.set(p, o);
  return out;
}

/** Every cell of the specification, as OCR gave it: right, null, or wrong. */
function compare(report: Report, from: string) {
  const spec = PDF_FIXTURES.find((p) => p.file === from)!.spec;
  const expected = leaves(expectedTables(spec, oracle));
  const actual = leaves(report.tables);
  const out = { right: 0, null: 0, wrong: [] as string[], silent: [] as string[] };
  for (const [cell, value] of expected) {
    const got = actual.get(cell) ?? null;
    if (got === value) out.right++;
    else if (got !== null) out.wrong.push(`${cell}: ${String(value)} read as ${String(got)}`);
    else if (value !== null) {
      out.null++;
      // A value the page holds and the reading lacks is named: its cell, its row, or its table.
      const [table, ...rest] = cell.split('.');
      const column = rest.pop();
      const row = rest.join('.');
      const named = report.diagnostics.some(
        ({ where: w }) => w !== undefined && w.table === table && (w.row === undefined || w.row === row) && (w.column === undefined || w.column === column),
      );
      if (!named && report.tables[table as keyof Report['tables']] !== null) out.silent.push(cell);
    }
  }
  return out;
}

// Measured when the fixtures were made (cells right of those the pages hold); a better
// recogniser may raise them, never lower them, and none may be wrong.
const LEAST_RIGHT: Record<string, number> = {
  '2021-ruled.scan.pdf': 196,
  '2019-ruled.scan.pdf': 192,
  '2021-ruled.p2.jpg': 139,
  '2019-blank-cells.p1.png': 65,
  '2021-scanned-page.pdf': 200,
};

describe('scans read by OCR', () => {
  it.each(SCAN_FIXTURES.map((f) => [f.file, f] as const))('%s: every cell right or null with a diagnostic, none wrong', async (file, f) => {
    const r = await read(file);
    const { right, wrong, silent } = compare(r, f.from);
    expect(wrong).toEqual([]);
    expect(silent).toEqual([]);
    expect(right).toBeGreaterThanOrEqual(LEAST_RIGHT[file]!);
    const { expected, actual } = matchGolden(`scanned/${file}`, r);
    expect(actual).toEqual(expected);
  }, OCR_TIMEOUT);

  it('says which pages OCR read, and the recogniser\'s confidence in each value', async () => {
    const whole = await read('2021-ruled.scan.pdf');
    expect(whole.source).toMatchObject({ format: 'pdf', pages: 3, ocr: [1, 2, 3], engine: 'pdfium' });
    expect(whole.report).toMatchObject({ title: '示例县自然资源局2022年政府信息公开工作年度报告', agency: '示例县自然资源局', year: 2022, template: '2021' });
    expect(whole.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    // Every value kept was read with a confidence of at least OCR_MIN_CONFIDENCE; a cell read
    // with less is null (its confidence stays, for whoever looks at the page).
    const confidence = leaves(whole.confidence);
    const values = [...leaves(whole.tables)].filter(([, v]) => v !== null);
    expect(values.length).toBeGreaterThanOrEqual(196);
    for (const [cell] of values) expect([cell, confidence.get(cell)]).toEqual([cell, expect.toSatisfy((c: unknown) => typeof c === 'number' && c >= OCR_MIN_CONFIDENCE && c <= 1)]);

    const mixed = await read('2021-scanned-page.pdf');
    expect(mixed.source.ocr).toEqual([3]);
    expect(mixed.status).toBe('ok');
    // Values from the digital pages carry no confidence; those of the scanned page do.
    expect(leaves(mixed.confidence).get('applications.newReceived.total')).toBeNull();
    expect(leaves(mixed.confidence).get('reviewLitigation.review.total')).toEqual(expect.any(Number));

    const image = await read('2021-ruled.p2.jpg');
    expect(image.source).toMatchObject({ format: 'image', pages: 1, ocr: [1], engine: null });
  }, OCR_TIMEOUT);

  it('a cell OCR is unsure of is null with ocr-uncertain, naming table, row, column and page', async () => {
    const r = await read('2019-ruled.scan.pdf');
    const unsure = r.diagnostics.filter((d) => d.rule === 'ocr-uncertain');
    expect(unsure.length).toBeGreaterThan(0);
    for (const d of unsure) {
      expect(d).toMatchObject({ severity: 'error', where: { table: expect.any(String), row: expect.any(String), column: expect.any(String), page: expect.any(Number) } });
      expect(leaves(r.tables).get(`${d.where!.table}.${d.where!.row}.${d.where!.column}`)).toBeNull();
    }
  }, OCR_TIMEOUT);
});

describe('--no-ocr: scans are named, not read', () => {
  it('a PDF with one scanned page: the rest read, the page named', async () => {
    const r = await parseFile('fixtures/scanned/2021-scanned-page.pdf', { ocr: false });
    expect(r.status).toBe('partial');
    expect(r.source.ocr).toEqual([]);
    expect(r.confidence).toBeUndefined();
    expect(r.diagnostics.filter((d) => d.rule === 'scanned-page')).toEqual([
      { severity: 'error', rule: 'scanned-page', message: 'page 3 is a scanned image without a text layer; what they hold is missing from this report', where: { page: 3 } },
    ]);
  });
  it('a PDF of scans only, and an image file, fail saying OCR was off', async () => {
    const cases = [
      ['test/bad/scanned-only.pdf', 'test/bad/scanned-only.pdf: no text layer: page 1 is a scanned image; OCR was turned off (--no-ocr), so nothing of it is read'],
      ['fixtures/scanned/2021-ruled.p2.jpg', 'fixtures/scanned/2021-ruled.p2.jpg: an image of a page; OCR was turned off (--no-ocr), so nothing of it is read'],
    ];
    for (const [file, message] of cases) {
      const r = await parseFile(file!, { ocr: false });
      expect(r.status).toBe('failed');
      expect(r.diagnostics).toEqual([{ severity: 'error', rule: 'read-scanned', message }]);
    }
  });
  it('on the command line, for parse and check', async () => {
    for (const command of ['parse', 'check']) {
      const r = await cli(command, 'test/bad/scanned-only.pdf', '--no-ocr');
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toContain('test/bad/scanned-only.pdf: no text layer: page 1 is a scanned image; OCR was turned off (--no-ocr)');
    }
  });
});

describe('a PDF of scans only is read by OCR', () => {
  it('test/bad/scanned-only.pdf: a 96-ppi image of page 1 of a report', async () => {
    const r = await parseFile('test/bad/scanned-only.pdf');
    expect(r.source).toMatchObject({ pages: 1, ocr: [1] });
    expect(r.status).toBe('partial'); // one page of a report: 表三 goes on past it
    // The page is page 1 of the report of 2021-ruled.pdf's specification (scripts/make-pdfs.ts),
    // its right edge cut off: 表三 shows five of its seven columns, so its rows are not read.
    const { right, wrong, silent } = compare(r, '2021-ruled.pdf');
    expect(wrong).toEqual([]);
    expect(silent).toEqual([]);
    expect(right).toBeGreaterThanOrEqual(7); // of 表二's 10 (at 96 ppi, 行政规范性文件's row is unsure)
    expect(r.diagnostics.find((d) => d.where?.row === 'newReceived')?.message).toContain('found 5 values for 7 columns');
  }, OCR_TIMEOUT);
});

describe('image files that are not page scans', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-images-'));
  const png = (width: number, height: number) => PNG.sync.write({ width, height, data: Buffer.alloc(width * height * 4, 255) });
  /** A PNG header claiming a size, and nothing after it: refused before anything is inflated. */
  const hugeHeader = () => {
    const b = Buffer.from(png(600, 600));
    b.writeUInt32BE(40_000, 16);
    b.writeUInt32BE(40_000, 20);
    return b;
  };
  it.each([
    ['icon.png', () => png(320, 200), 'read-not-a-page', 'image of 320×200 pixels: too small to be a page of a report; not read'],
    ['huge.png', hugeHeader, 'read-too-large', 'image of 40000×40000 pixels; a page scan has fewer'],
    ['broken.jpg', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 0x5a)]), 'read-unreadable', 'not a readable image'],
    ['cut.png', () => png(800, 1100).subarray(0, 300), 'read-unreadable', 'not a readable image'],
  ])('%s', async (name, make, rule, message) => {
    const file = path.join(dir, name);
    writeFileSync(file, make());
    const r = await parseFile(file);
    expect(r.status).toBe('failed');
    expect(r.diagnostics).toEqual([{ severity: 'error', rule, message: expect.stringContaining(`${file}: ${message}`) }]);
  });
});

describe('a text layer without usable Unicode is read by OCR, never as text', () => {
  // Our PDFs through pdftops and ps2pdf (scripts/make-prints.ts): the fonts draw the same
  // glyphs but map them to no character, so the text layer is `!"#$%&'()*+…`.
  const LEAST: Record<string, number> = { '2021-ruled.redistilled.pdf': 189, '2019-ruled.redistilled.pdf': 198 };
  it.each(REDISTILLED_FIXTURES.map((f) => [f.file, f] as const))('%s: every cell right or null with a diagnostic, the pages named', async (file, f) => {
    const r = await read(file);
    const { right, wrong, silent } = compare(r, f.from);
    expect(wrong).toEqual([]);
    expect(silent).toEqual([]);
    expect(right).toBeGreaterThanOrEqual(LEAST[file]!);
    const pages = Array.from({ length: r.source.pages! }, (_, i) => i + 1);
    expect(r.source.ocr).toEqual(pages);
    expect(r.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    const [note] = r.diagnostics.filter((d) => d.rule === 'text-layer-unusable');
    expect(note).toMatchObject({ severity: 'info', where: { page: 1 } });
    expect(note!.message).toMatch(new RegExp(`^the text layer has no usable Unicode \\(pages ${pages.join(', ')}: 0 CJK characters of \\d+; its fonts map no glyph to a character\\): read by OCR instead$`));
    const { expected, actual } = matchGolden(`scanned/${file}`, r);
    expect(actual).toEqual(expected);
  }, OCR_TIMEOUT);
  it('with --no-ocr: a failed record saying the text layer is unusable', async () => {
    const r = await parseFile('fixtures/scanned/2019-ruled.redistilled.pdf', { ocr: false });
    expect(r.status).toBe('failed');
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        rule: 'read-text-layer',
        message: expect.stringMatching(/^fixtures\/scanned\/2019-ruled\.redistilled\.pdf: the text layer has no usable Unicode \(pages 1, 2: 0 CJK characters of \d+; its fonts map no glyph to a character\), and OCR was turned off \(--no-ocr\), so nothing of it is read$/),
      },
    ]);
  });
  it('judged by its characters: ASCII where CJK belongs is unusable; CJK, or digits alone, are text', () => {
    const page = (...strs: string[]) => ({ number: 1, width: 595, height: 842, items: strs.map((str) => ({ str, x: 0, top: 0, baseline: 10, width: 10, fontSize: 10 })), segments: [], imageCoverage: 0, rulings: true });
    expect(unusableTextLayer(page('!"#$%&\'()*+,-./0123', '456789:;<=>?@ABC'))).toEqual({ chars: 35, cjk: 0, why: 'ascii' });
    expect(unusableTextLayer(page('一、总体情况', '规章 346 849 517'))).toBeNull();
    expect(unusableTextLayer(page('21 0 0 0 21 22 2 1 1 26 23 1 0 2 26'))).toBeNull(); // a page of 表四's values
    expect(unusableTextLayer(page('- 3 -'))).toBeNull(); // too little to judge
    // CJK that says nothing a report says: a font map pointing at the wrong ideographs.
    expect(unusableTextLayer(page('譮憿旳鐞荪齸胄湴炨睳烐戕犣掠焴瀙憐炨烚瓙晾', '祠瓙晾懑疢恡斂惮繅接曀椱睳烐戕犣掠焴禕憿'))).toEqual({ chars: 41, cjk: 41, why: 'words' });
    expect(unusableTextLayer(page('政策解读形式还不够丰富，下一步将加强培训，持续规范本机关的各项工作。'))).toBeNull();
  });
  it('a text layer of wrong CJK (fonts mapped to other ideographs) is read by OCR too', async () => {
    const r = await read('2021-ruled.remapped.pdf');
    const { right, wrong, silent } = compare(r, '2021-ruled.pdf');
    expect(wrong).toEqual([]);
    expect(silent).toEqual([]);
    expect(right).toBeGreaterThanOrEqual(189);
    expect(r.source.ocr).toEqual([1, 2, 3]);
    expect(r.report.agency).toBe('示例县自然资源局');
    expect(r.diagnostics.find((d) => d.rule === 'text-layer-unusable')!.message).toMatch(
      /^the text layer has no usable Unicode \(pages 1, 2, 3: \d+ CJK characters and not one word of a report among them \(公开, 信息, 政府 …\); its fonts map glyphs to the wrong characters\): read by OCR instead$/,
    );
    const { expected, actual } = matchGolden('scanned/2021-ruled.remapped.pdf', r);
    expect(actual).toEqual(expected);
  }, OCR_TIMEOUT);
});
