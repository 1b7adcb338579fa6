import { parseInOrder } from '../../batch/run.js';
import { runCrossChecks } from '../../checks/cross/index.js';
import { auditStyle, auditToText, crossToAudit, reportToAudit, summarise, summaryToText, type CrossAudit, type ReportAudit } from '../../export/audit.js';
import { failedReport } from '../../failed.js';
import type { Report } from '../../schema/index.js';
import { expandInputs } from '../inputs.js';
import { openOutput, type CliIO } from '../io.js';
import type { AuditEntry } from '../../export/html/page.js';

export interface CheckOptions {
  format: 'text' | 'json' | 'ndjson' | 'html';
  out?: string;
  version?: string;
  rules?: string[];
  ignore?: string[];
  jobs: number;
  timeout: number;
  maxMemory: number;
  pdfEngine?: 'pdfium' | 'pdfjs';
  ocr?: boolean;
}

/** Only what the cross-year rules read is kept of each report, so big batches stay small. */
function forCrossRules(r: Report): Report {
  return { ...r, raw: { activeDisclosure: null, applications: null, reviewLitigation: null }, diagnostics: [] };
}

/** What the audit page draws of a report: its tables, cells and findings, not its section text. */
function forPage(r: Report): Report {
  return { ...r, sections: r.sections.map((s) => ({ ...s, text: '' })) };
}

/** Audit reports one by one and across years; exit 1 when an error-severity rule failed or a file was not read. */
export async function checkCommand(paths: string[], options: CheckOptions, io: CliIO): Promise<number> {
  const inputs = await expandInputs(paths);
  for (const p of inputs.problems.filter((p) => !p.record)) io.stderr.write(`gov-report: ${p.path}: ${p.message}\n`);
  const selected = (rule: string) => (!options.rules || options.rules.includes(rule)) && !options.ignore?.includes(rule);
  const style = auditStyle(options.format === 'text' && options.out === undefined && Boolean((io.stdout as { isTTY?: boolean }).isTTY));
  const audits: Array<ReportAudit | CrossAudit> = [];
  const kept: Report[] = [];
  const page: AuditEntry[] = [];
  // The page is written whole at the end; the file is opened first so a bad --out fails before parsing.
  const output = options.format === 'html' || options.out !== undefined ? await openOutput(io, options.out) : null;
  const stdout = output?.stream ?? io.stdout;
  const emit = (a: ReportAudit | CrossAudit) => {
    audits.push(a);
    if (options.format === 'text') stdout.write(auditToText(a, style));
    if (options.format === 'ndjson') stdout.write(`${JSON.stringify(a)}\n`);
  };
  const take = (report: Report) => {
    const audit = reportToAudit(report, selected);
    emit(audit);
    if (options.format === 'html') page.push({ report: forPage(report), audit });
  };
  try {
    for (const p of inputs.problems.filter((p) => p.record)) take(failedReport(p.path, 'read-not-found', p.message));
    await parseInOrder(inputs.files, { jobs: options.jobs, timeoutMs: options.timeout * 1000, maxMemoryMb: options.maxMemory, engine: options.pdfEngine, ocr: options.ocr }, async (report) => {
      take(report);
      kept.push(forCrossRules(report));
    });
  } catch (error) {
    await output?.abort();
    throw error;
  }
  const cross = runCrossChecks(kept);
  if (cross.length > 0 && options.format === 'text') stdout.write(`\n${style.bold('Across years')}\n`);
  for (const c of cross) emit(crossToAudit(c, selected));
  const summary = summarise(audits);
  if (options.format === 'text') stdout.write(summaryToText(summary, style));
  if (options.format === 'ndjson') stdout.write(`${JSON.stringify(summary)}\n`);
  if (options.format === 'json') {
    stdout.write(`${JSON.stringify({ reports: audits.filter((a) => a.type === 'report'), across: audits.filter((a) => a.type === 'cross'), summary }, null, 2)}\n`);
  }
  if (options.format === 'html') {
    const { auditToHtml } = await import('../../export/html/page.js');
    const crossAudits = audits.filter((a): a is CrossAudit => a.type === 'cross');
    stdout.write(auditToHtml({ entries: page, cross: crossAudits, summary, version: options.version ?? '' }));
  }
  await output?.commit();
  const unusable = inputs.problems.some((p) => !p.record && p.message.startsWith('no report files'));
  return summary.errors || unusable || summary.reports === 0 ? 1 : 0;
}
