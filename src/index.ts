import { readSource, type ReadOptions } from './extract/read.js';
import { documentToReport, pagesNeedingRulings, readErrorToReport } from './pipeline.js';
import type { Report } from './schema/index.js';

export * from './schema/index.js';
export { documentToReport, failedReport, pagesNeedingRulings, readErrorToReport } from './pipeline.js';
export { bytesToDocument, readSource, sniffFormat, REPORT_EXTENSIONS, type ReadOptions } from './extract/read.js';
export { ReadError, type Line, type SourceDocument } from './extract/document.js';
export { bytesToLayouts, layoutsToLines, type PageLayout } from './extract/pdf/index.js';
export { PDF_ENGINES, type PdfEngineName } from './extract/pdf/engine.js';
export { RULES, runChecks, type Rule } from './checks/index.js';
export { readCell, type CellReading } from './normalize/index.js';

/** Parse one report file. Never throws for a bad file: the record says `failed` and why. */
export async function parseFile(path: string, options: Pick<ReadOptions, 'sync' | 'engine' | 'ocr' | 'onOcr'> = {}): Promise<Report> {
  try {
    return documentToReport(await readSource(path, { ...options, rulings: pagesNeedingRulings }));
  } catch (error) {
    return readErrorToReport(path, error);
  }
}
