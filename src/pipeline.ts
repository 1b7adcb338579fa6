import { runChecks } from './checks/index.js';
import { diagnostic } from './diagnostics.js';
import type { Line, SourceDocument } from './extract/document.js';
import { failedReport } from './failed.js';
import { agencyToKind, failedCells, publicationDeadline, publishedOnTime, tablesToIndicators } from './indicators/index.js';
import { normalizeLines } from './normalize/index.js';
import { SECTIONS, validateReport, type Diagnostic, type Report, type Section, type Status } from './schema/index.js';
import { linesToReportInfo, linesToSections, splitRunTogether, type SectionSpan } from './segment/index.js';
import { linesToTables, type ParsedTables } from './tables/index.js';
import { linesToReportList, linesToSeveralReports, tablesToBlankTemplate } from './tables/not-one-report.js';

type Reading = ReturnType<typeof readDocument>;
/**
 * The last document read and its reading: a PDF's text-only reading decides which pages need
 * ruling lines and is then the report's, so it is made once. One entry, dropped by
 * documentToReport, not a WeakMap: V8 clears a WeakMap's entries only in full GCs, so every
 * reading outlived the young generation (10,000 text reports: 0.55 MB promoted a scavenge
 * against 0.15 MB, twice the full GCs, each dropping the optimised code of live closures).
 */
let last: { doc: SourceDocument; reading: Reading } | undefined;

/** normalise → segment → tables: the reading of a document, before checks. Pure, so kept for the document last read. */
function documentToTables(doc: SourceDocument): Reading {
  if (last?.doc !== doc) last = { doc, reading: readDocument(doc) };
  return last.reading;
}

function readDocument(doc: SourceDocument) {
  const lines = splitRunTogether(normalizeLines(doc.lines));
  const { spans, outline } = linesToSections(lines);
  const overview = spans.find((s) => s.number === 1);
  const info = linesToReportInfo(lines, {
    firstSection: spans[0]?.headingIndex ?? -1,
    overview: overview ? lines.slice(overview.start, overview.end) : undefined,
    meta: doc.meta,
  });
  return { lines, spans, outline, info, parsed: linesToTables(lines, spans, info.year) };
}

/** Table problems that ruling lines can settle: values that could not be placed or read, a table not found. */
const NEEDS_RULINGS = new Set(['value-missing', 'value-unreadable', 'unknown-row', 'duplicate-row', 'missing-table']);

/**
 * The ruling policy for PDFs: read by text alignment first, and ask for the ruling lines of
 * the pages holding a table only when that reading had problems (a blank cell leaves a row
 * with too few values; it is never silently misplaced). A table not found: every page.
 */
export function pagesNeedingRulings(textOnly: SourceDocument): number[] {
  const { lines, parsed } = documentToTables(textOnly);
  const problems = parsed.diagnostics.filter((d) => NEEDS_RULINGS.has(d.rule));
  if (problems.length === 0) return [];
  const pages = new Set<number>();
  if (problems.some((d) => d.rule === 'missing-table')) lines.forEach((l) => l.page !== undefined && pages.add(l.page));
  for (const region of Object.values(parsed.regions)) {
    for (const l of lines.slice(region.start, region.end)) if (l.page !== undefined) pages.add(l.page);
  }
  return [...pages].sort((a, b) => a - b);
}

/** read → normalise → segment → tables → checks → validate, for one document already read. */
export function documentToReport(doc: SourceDocument): Report {
  const { lines, spans, outline, info, parsed } = documentToTables(doc);
  if (last?.doc === doc) last = undefined;
  const agencyKind = agencyToKind(info.agency);
  const deadline = publicationDeadline(info.year, agencyKind, info.agency);
  const { title, agency, year, publishedOn, publishedFrom } = info;
  const report = { title, agency, year, template: parsed.template, publishedOn, publishedFrom, agencyKind, deadline, onTime: publishedOnTime(publishedOn, deadline) };
  const source = { path: doc.path, format: doc.format, sha256: doc.sha256, pages: doc.pages, encoding: doc.encoding, engine: doc.engine ?? null, ocr: doc.ocr ?? [] };
  const none = spans.length === 0 && Object.values(parsed.tables).every((t) => t === null);
  const notOne = none ? linesToReportList(lines) : (linesToSeveralReports(lines) ?? tablesToBlankTemplate(parsed.tables, Object.keys(parsed.regions).length));
  if (notOne) return failedReport(doc.path, notOne.rule, notOne.message, source);
  if (none) return failedReport(doc.path, 'not-a-report', 'no section heading and no table of an annual report found', source);
  const sections = spansToSections(lines, spans, parsed.spans);
  const { checks, diagnostics } = runChecks({
    info: report,
    tables: parsed.tables,
    sections: [...new Set(spans.map((s) => s.number))],
    outline,
    lineOf: parsed.lineOf,
    texts: new Map(sections.map((s) => [s.number, s.text])),
    reading: parsed.diagnostics,
    assumed: parsed.assumed,
    confidence: parsed.confidence,
  });
  const all = locate([...(doc.notes ?? []), ...parsed.diagnostics, ...diagnostics], doc);
  const result: Report = {
    source,
    status: statusOf(all),
    report,
    sections,
    tables: parsed.tables as Report['tables'],
    raw: parsed.raw as Report['raw'],
    checks,
    diagnostics: all,
    indicators: tablesToIndicators(parsed.tables as Report['tables'], {
      split: parsed.split,
      confidence: parsed.confidence as Report['confidence'],
      failed: failedCells(diagnostics),
    }),
  };
  if (parsed.confidence) result.confidence = parsed.confidence as Report['confidence'];
  if (parsed.split.length > 0) result.split = parsed.split;
  return validate(result);
}

/** Reading problems make a report partial; consistency findings describe the report, not the reading. */
const READING_RULES = new Set(['value-missing', 'value-unreadable', 'value-ambiguous', 'ocr-uncertain', 'missing-table', 'missing-section', 'scanned-page', 'text-layer-unusable']);

/** For paged documents, a diagnostic names the page; our line numbers mean nothing to a reader of a PDF. */
function locate(diagnostics: Diagnostic[], doc: SourceDocument): Diagnostic[] {
  if (doc.pages === null) return diagnostics;
  const pageOf = new Map(doc.lines.map((l) => [l.no, l.page]));
  return diagnostics.map((d) => {
    if (d.where?.line === undefined) return d;
    const { line, ...where } = d.where;
    const page = pageOf.get(line);
    return { ...d, where: page === undefined ? where : { ...where, page } };
  });
}

function statusOf(diagnostics: readonly Diagnostic[]): Status {
  return diagnostics.some((d) => READING_RULES.has(d.rule) && d.severity !== 'info') ? 'partial' : 'ok';
}

/** One section per standard number, in order; the parts of an outline of its own are joined under the first heading. */
function spansToSections(lines: readonly Line[], spans: readonly SectionSpan[], tables: ParsedTables['spans']): Section[] {
  const ranges = Object.values(tables);
  const inTable = (index: number) => ranges.some(([a, b]) => index >= a && index <= b);
  const sections = new Map<number, Section & { texts: string[] }>();
  for (const s of spans) {
    let section = sections.get(s.number);
    if (!section) sections.set(s.number, (section = { number: s.number, id: SECTIONS[s.number - 1]!.id, heading: s.heading, text: '', texts: [] }));
    for (let i = s.start; i < s.end; i++) {
      const text = lines[i]!.text.trim();
      if (text !== '' && !inTable(i)) section.texts.push(text);
    }
  }
  return [...sections.values()].sort((a, b) => a.number - b.number).map(({ texts, ...s }) => ({ ...s, text: texts.join('\n') }));
}

/** A schema failure is a defect of ours; it becomes a diagnostic, never a crash or a silent pass. */
function validate(report: Report): Report {
  const problem = validateReport(report);
  if (problem === null) return report;
  return {
    ...report,
    status: 'partial',
    diagnostics: [...report.diagnostics, diagnostic('error', 'schema', `output does not match the report schema: ${problem}`)],
  };
}

export { failedReport, readErrorToReport } from './failed.js';
