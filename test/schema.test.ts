import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../src/cli/commands/schema.js';
import { ReportSchema, TIDY_COLUMNS } from '../src/index.js';
import { cli } from './helpers.js';

describe('schema', () => {
  it('the committed schema/report.schema.json matches the zod schemas (regenerate: npm run schema)', () => {
    expect(JSON.parse(readFileSync('schema/report.schema.json', 'utf8'))).toEqual(reportJsonSchema());
  });
  it('gov-report schema prints it', async () => {
    const r = await cli('schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(reportJsonSchema());
  });
  it('has the output contract keys', () => {
    // `confidence` (OCR's, optional), `split` (optional) and `indicators` were added after the contract's keys; none was renamed.
    expect(Object.keys(ReportSchema.shape)).toEqual(['source', 'status', 'report', 'sections', 'tables', 'raw', 'checks', 'diagnostics', 'confidence', 'split', 'indicators']);
    expect(ReportSchema.shape.confidence.safeParse(undefined).success).toBe(true);
    expect(ReportSchema.shape.split.safeParse(undefined).success).toBe(true);
    expect(Object.keys(ReportSchema.shape.report.shape)).toEqual(['title', 'agency', 'year', 'template', 'publishedOn', 'publishedFrom', 'agencyKind', 'deadline', 'onTime']);
    expect(TIDY_COLUMNS).toEqual(['path', 'agency', 'year', 'template', 'table', 'row', 'column', 'value', 'raw']);
  });
  it('rejects a table with a key that is not in the template', () => {
    const bad = { regulations: { issued: 1, repealed: 0, inForce: 1, extra: 2 } };
    expect(ReportSchema.shape.tables.shape.activeDisclosure.safeParse(bad).success).toBe(false);
  });
});
