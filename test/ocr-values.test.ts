import { describe, expect, it } from 'vitest';
import type { Line, SourceDocument } from '../src/extract/document.js';
import { documentToReport, readSource } from '../src/index.js';
import { OCR_MIN_CONFIDENCE } from '../src/tables/table-builder.js';

// What the table parsers do with values OCR read: the lines of a tab-separated report, marked
// as OCR would mark them (a confidence per cell), with chosen cells made doubtful.
const FIXTURE = 'fixtures/synthetic/2021-tabs.txt';
const SURE = 0.99;

/** A value of a report's tables (their keys come from the template, so the type does not name them). */
const at = (tables: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | null | undefined)?.[k], tables);

async function ocrDocument(edit: (lines: Line[]) => void = () => {}): Promise<SourceDocument> {
  const doc = await readSource(FIXTURE);
  for (const line of doc.lines) {
    if (line.cells) line.ocr = { confidence: SURE, cells: line.cells.map(() => SURE) };
    else line.ocr = { confidence: SURE };
  }
  edit(doc.lines);
  return doc;
}

/** Set cell `i` of the line starting with `label` (or the line `at`) to `text`, read with `confidence`. */
function setCell(lines: Line[], find: (l: Line) => boolean, i: number, text: string, confidence: number): void {
  const line = lines.find(find)!;
  line.cells![i] = text;
  line.text = line.cells!.join('\t');
  line.ocr!.cells![i] = confidence;
  line.ocr!.confidence = Math.min(...line.ocr!.cells!.map((c) => c ?? 1));
}
const newReceived = (l: Line) => l.text.startsWith('一、本年新收');
const reviewValues = (l: Line) => /^4\t0\t0\t1\t5\t/.test(l.text);

describe('values read by OCR', () => {
  it('are kept when OCR is sure of them, with their confidence beside the tables', async () => {
    const r = documentToReport(await ocrDocument());
    expect(r.status).toBe('ok');
    expect(at(r.tables, 'applications.newReceived.naturalPerson')).toBe(305);
    expect(at(r.confidence, 'applications.newReceived.naturalPerson')).toBe(SURE);
    expect(r.confidence!.reviewLitigation!.review!.total).toBe(SURE);
    expect(r.diagnostics.filter((d) => d.rule === 'ocr-uncertain')).toEqual([]);
  });

  it('are null with ocr-uncertain when OCR is unsure, naming table, row, column and what was seen', async () => {
    const r = documentToReport(await ocrDocument((lines) => setCell(lines, newReceived, 2, '305', 0.61)));
    expect(at(r.tables, 'applications.newReceived.naturalPerson')).toBeNull();
    expect(at(r.raw, 'applications.newReceived.naturalPerson')).toBe('305');
    expect(at(r.confidence, 'applications.newReceived.naturalPerson')).toBe(0.61);
    expect(r.diagnostics.filter((d) => d.rule === 'ocr-uncertain')).toEqual([
      {
        severity: 'error',
        rule: 'ocr-uncertain',
        message: `表三 row 一、本年新收政府信息公开申请数量 (newReceived), column 自然人 (naturalPerson): OCR read "305", confidence 0.61 is below ${OCR_MIN_CONFIDENCE}; read as null`,
        where: { table: 'applications', row: 'newReceived', column: 'naturalPerson', line: expect.any(Number) },
        actual: '305',
      },
    ]);
    expect(r.status).toBe('partial');
    // The relations through that cell cannot be checked.
    expect(r.checks.find((c) => c.rule === 'applications-row-total')).toMatchObject({ outcome: 'not-assessable' });
  });

  it('are null when what OCR saw is not one clean number, however sure it was', async () => {
    const r = documentToReport(
      await ocrDocument((lines) => {
        const row = lines.find(reviewValues)!;
        setCell(lines, (l) => l === row, 0, '4 1', SURE); // two values in one cell: a lost row border
        setCell(lines, (l) => l === row, 1, '0.', SURE);
        setCell(lines, (l) => l === row, 2, '?', 0); // ink that read as nothing
      }),
    );
    const uncertain = r.diagnostics.filter((d) => d.rule === 'ocr-uncertain');
    expect(uncertain.map((d) => [d.where!.column, d.actual])).toEqual([
      ['upheld', '4 1'],
      ['corrected', '0.'],
      ['other', '?'],
    ]);
    expect(uncertain[0]!.message).toContain('not a clean number');
    expect(r.tables.reviewLitigation!.review).toMatchObject({ upheld: null, corrected: null, other: null, pending: 1, total: 5 });
  });

  it('a threshold test that can fail: just above it is believed, just below is not', async () => {
    const above = documentToReport(await ocrDocument((lines) => setCell(lines, newReceived, 2, '305', OCR_MIN_CONFIDENCE)));
    const below = documentToReport(await ocrDocument((lines) => setCell(lines, newReceived, 2, '305', OCR_MIN_CONFIDENCE - 0.01)));
    expect(at(above.tables, 'applications.newReceived.naturalPerson')).toBe(305);
    expect(at(below.tables, 'applications.newReceived.naturalPerson')).toBeNull();
  });

  it('a 勾稽 failure on values read by OCR says so', async () => {
    const r = documentToReport(await ocrDocument((lines) => setCell(lines, reviewValues, 4, '6', SURE)));
    const failure = r.diagnostics.find((d) => d.rule === 'review-litigation-total')!;
    expect(failure.message).toMatch(/\(values read by OCR: compare with the page image\)$/);
    expect(failure).toMatchObject({ expected: 5, actual: 6 });
    // The same failure in a digital report does not.
    const digital = await readSource(FIXTURE);
    setDigital(digital.lines, reviewValues, 4, '6');
    expect(documentToReport(digital).diagnostics.find((d) => d.rule === 'review-litigation-total')!.message).not.toMatch(/OCR/);
  });

  it('a digital report has no confidence map', async () => {
    expect(documentToReport(await readSource(FIXTURE))).not.toHaveProperty('confidence');
  });
});

function setDigital(lines: Line[], find: (l: Line) => boolean, i: number, text: string): void {
  const line = lines.find(find)!;
  line.cells![i] = text;
  line.text = line.cells!.join('\t');
}
