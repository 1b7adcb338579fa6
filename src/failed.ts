import { diagnostic } from './diagnostics.js';
import { ReadError } from './extract/document.js';
import { tablesToIndicators } from './indicators/index.js';
import type { Report } from './schema/index.js';

// Records for files that could not be parsed. Kept apart from the pipeline so the CLI's main
// thread, which only hands files to workers, need not load the parsers.

const NO_TABLES: Report['tables'] = { activeDisclosure: null, applications: null, reviewLitigation: null };

export function failedReport(path: string, rule: string, message: string, source?: Partial<Report['source']>): Report {
  return {
    source: { path, format: null, sha256: null, pages: null, encoding: null, engine: null, ocr: [], ...source },
    status: 'failed',
    report: { title: null, agency: null, year: null, template: 'unknown', publishedOn: null, publishedFrom: null, agencyKind: 'unknown', deadline: null, onTime: null },
    sections: [],
    tables: NO_TABLES,
    raw: { activeDisclosure: null, applications: null, reviewLitigation: null },
    checks: [],
    diagnostics: [diagnostic('error', rule, `${path}: ${message}`)],
    indicators: tablesToIndicators(NO_TABLES),
  };
}

/** A read failure as a record, so a batch reports it in place of the file. */
export function readErrorToReport(path: string, error: unknown): Report {
  if (error instanceof ReadError) return failedReport(path, `read-${error.code.slice(2).toLowerCase().replace(/_/g, '-')}`, error.message);
  return failedReport(path, 'internal-error', `unexpected error: ${(error as Error)?.stack ?? String(error)}`);
}
