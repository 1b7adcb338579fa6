import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesToDocument } from '../src/extract/read.js';
import { compilePdfium, discardPdfium, loadPdfium, pdfiumMemoryBytes, usePdfiumModule } from '../src/extract/pdf/pdfium/module.js';
import { pdfiumEngine } from '../src/extract/pdf/pdfium/index.js';
import { documentToReport, pagesNeedingRulings, parseFile } from '../src/index.js';
import { shared } from './shared.js';

// The two PDF engines behind one page-content contract: PDFium (default) and pdf.js.

const fixtures = ['fixtures/pdf', 'fixtures/print'].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.pdf')).map((f) => path.join(dir, f)));
const real = ['real/hzq2023.pdf', 'real/hzq2024.pdf'].map(shared).filter((f): f is string => f !== null);
if (real.length < 2) console.warn('engines: the real PDFs of ../shared/real are not present; compared on the fixtures only');

const read = async (file: string, engine: 'pdfium' | 'pdfjs') =>
  documentToReport(await bytesToDocument(file, readFileSync(file), { rulings: pagesNeedingRulings, engine }));

describe('PDFium and pdf.js read every PDF alike', () => {
  it.each([...fixtures, ...real])('%s', async (file) => {
    const [a, b] = [await read(file, 'pdfium'), await read(file, 'pdfjs')];
    expect(a.source.engine).toBe('pdfium');
    expect(b.source.engine).toBe('pdfjs');
    expect(a.tables).toEqual(b.tables);
    // Known, left: pdf.js reads Chromium's prints by text alignment, and pieces of 表三's header
    // and of a wrapped last label are left after the table, in section 三's text (the tables are
    // the same). PDFium's sections of the prints are checked in print.test.ts.
    if (file.startsWith('fixtures/print/')) expect(b.sections.find((s) => s.number === 3)!.text).toContain('续办理');
    else expect(a.sections).toEqual(b.sections);
    expect(a.report).toEqual(b.report);
    expect(a.checks).toEqual(b.checks);
  });
  it('pdf.js: a PDF that needs no ruling lines is the text-only document itself, so its reading is made once', async () => {
    // 2021-unruled.pdf has no lines to read; pdf.js reads rulings only where the policy asks.
    const file = 'fixtures/pdf/2021-unruled.pdf';
    const seen: unknown[] = [];
    const doc = await bytesToDocument(file, readFileSync(file), {
      engine: 'pdfjs',
      rulings: (textOnly) => {
        seen.push(textOnly);
        return pagesNeedingRulings(textOnly);
      },
    });
    expect(seen).toHaveLength(1);
    expect(pagesNeedingRulings(doc)).toEqual([]);
    expect(doc).toBe(seen[0]);
    expect(doc.engine).toBe('pdfjs');
  });
  it('with ruling lines read on every page, the same tables as the parse', async () => {
    for (const file of fixtures.filter((f) => !f.includes('scanned'))) {
      for (const engine of ['pdfium', 'pdfjs'] as const) {
        const ruled = documentToReport(await bytesToDocument(file, readFileSync(file), { rulings: 'always', engine }));
        expect(ruled.tables, `${file} ${engine}`).toEqual((await parseFile(file)).tables);
      }
    }
  });
});

describe.skipIf(real.length < 2)('the vertical label 三、本年度办理结果 (Identity-V, down a merged cell of the real 洪泽区 PDF)', () => {
  it('is read whole by PDFium; pdf.js keeps only 三、本年', async () => {
    const lines = async (engine: 'pdfium' | 'pdfjs') =>
      (await bytesToDocument('hzq2023.pdf', readFileSync(real[0]!), { rulings: 'always', engine })).lines.filter((l) => l.cells?.[1] === '（一）予以公开');
    expect((await lines('pdfium')).map((l) => l.cells![0])).toEqual(['三、本年度办理结果']);
    expect((await lines('pdfjs')).map((l) => l.cells![0])).toEqual(['三、本年']);
  });
});

describe('PDFium rendering (for OCR): a grey bitmap drawn by PDFium itself', () => {
  it('draws a page at the resolution asked, white paper and dark text', async () => {
    const bitmap = await pdfiumEngine.withDocument(readFileSync('fixtures/pdf/2021-ruled.pdf'), (doc) => doc.render!(1, 100));
    // A4 at 100 dpi: 595.3 × 841.9 pt.
    expect([bitmap.width, bitmap.height]).toEqual([827, 1169]);
    const dark = bitmap.data.filter((v) => v < 128).length / bitmap.data.length;
    expect(dark).toBeGreaterThan(0.005);
    expect(dark).toBeLessThan(0.2);
  });
  it('draws the scanned page (an image) too', async () => {
    const bitmap = await pdfiumEngine.withDocument(readFileSync('fixtures/scanned/2021-scanned-page.pdf'), async (doc) => doc.render!(doc.pageCount, 72));
    expect(bitmap.data.filter((v) => v < 128).length).toBeGreaterThan(1000);
  });
});

describe('PDFium on bad input: the reasons, and every byte given back', () => {
  it('maps its errors to the failed records pdf.js gave', async () => {
    expect((await parseFile('test/hostile/encrypted-user-password.pdf')).diagnostics[0]!.rule).toBe('read-encrypted');
    expect((await parseFile('test/hostile/encrypted-owner-only.pdf')).status).not.toBe('failed');
    const truncated = await parseFile('test/hostile/truncated.pdf');
    expect(truncated.diagnostics[0]).toMatchObject({ rule: 'read-pdf' });
    // PDFium could not open it, so pdf.js was tried: both reasons are given.
    expect(truncated.diagnostics[0]!.message).toMatch(/PDFium: .+; pdf\.js: /);
  });
  it('frees all it took: 240 documents read and failed (a leak of the bytes alone would be 25 MB) leave its memory where one did', async () => {
    const bytes = readFileSync('fixtures/pdf/2021-ruled.pdf');
    const bad = readFileSync('test/hostile/truncated.pdf');
    await pdfiumEngine.withDocument(bytes, async (doc) => doc.page(1, true));
    const before = pdfiumMemoryBytes(await loadPdfium());
    for (let i = 0; i < 120; i++) {
      await pdfiumEngine.withDocument(bytes, async (doc) => {
        for (let n = 1; n <= doc.pageCount; n++) await doc.page(n, true);
      });
      await pdfiumEngine.withDocument(bad, async () => null).catch(() => null);
    }
    expect(pdfiumMemoryBytes(await loadPdfium())).toBe(before);
  });
});

describe('PDFium compiled once, for all the workers of a batch', () => {
  const instantiatedFrom = async <T>(module: WebAssembly.Module, fn: () => Promise<T>): Promise<T> => {
    usePdfiumModule(module);
    discardPdfium();
    try {
      return await fn();
    } finally {
      usePdfiumModule(undefined);
      discardPdfium();
    }
  };
  it('an instance of the shared compiled module reads every fixture as one compiled from the bytes', async () => {
    const own = await Promise.all(fixtures.map((f) => read(f, 'pdfium')));
    const shared = await instantiatedFrom(await compilePdfium(), () => Promise.all(fixtures.map((f) => read(f, 'pdfium'))));
    expect(shared).toEqual(own);
  });
  it('a module that cannot be instantiated fails the load (Emscripten alone would wait for ever), and the next load starts afresh', async () => {
    // (module (import "x" "y" (func))): an import PDFium's glue does not provide.
    const foreign = new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 2, 7, 1, 1, 0x78, 1, 0x79, 0, 0]));
    await instantiatedFrom(foreign, async () => {
      await expect(loadPdfium()).rejects.toThrow(/import/i);
      usePdfiumModule(undefined);
      // No discard here: the failed load itself must not be kept.
      expect((await loadPdfium()).exports['FPDF_LoadMemDocument']).toBeTypeOf('function');
    });
  });
});
