import { parseInOrder } from '../../batch/run.js';
import { runCrossChecks } from '../../checks/cross/index.js';
import { auditStyle, auditToText, crossToAudit, reportToAudit, summarise, summaryToText, type CrossAudit, type ReportAudit } from '../../export/audit.js';
import { failedReport } from '../../failed.js';
import type { Report } from '../../schema/index.js';
import { expandInputs } from '../inputs.js';
import type { CliIO } from '../io.js';

export interface CheckOptions {
  format: 'text' | 'json' | 'ndjson';
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

/** Audit reports one by one and across years; exit 1 when an error-severity rule failed or a file was not read. */
export async function checkCommand(paths: string[], options: CheckOptions, io: CliIO): Promise<number> {
  const inputs = await expandInputs(paths);
  for (const p of inputs.problems.filter((p) => !p.record)) io.stderr.write(`gov-report: ${p.path}: ${p.message}\n`);
  const selected = (rule: string) => (!options.rules || options.rules.includes(rule)) && !options.ignore?.includes(rule);
  const style = auditStyle(options.format === 'text' && Boolean((io.stdout as { isTTY?: boolean }).isTTY));
  const audits: Array<ReportAudit | CrossAudit> = [];
  const kept: Report[] = [];
  const emit = (a: ReportAudit | CrossAudit) => {
    audits.push(a);
    if (options.format === 'text') io.stdout.write(auditToText(a, style));
    if (options.format === 'ndjson') io.stdout.write(`${JSON.stringify(a)}\n`);
  };
  for (const p of inputs.problems.filter((p) => p.record)) emit(reportToAudit(failedReport(p.path, 'read-not-found', p.message), selected));
  await parseInOrder(inputs.files, { jobs: options.jobs, timeoutMs: options.timeout * 1000, maxMemoryMb: options.maxMemory, engine: options.pdfEngine, ocr: options.ocr }, async (report) => {
    emit(reportToAudit(report, selected));
    kept.push(forCrossRules(report));
  });
  const cross = runCrossChecks(kept);
  if (cross.length > 0 && options.format === 'text') io.stdout.write(`\n${style.bold('Across years')}\n`);
  for (const c of cross) emit(crossToAudit(c, selected));
  const summary = summarise(audits);
  if (options.format === 'text') io.stdout.write(summaryToText(summary, style));
  if (options.format === 'ndjson') io.stdout.write(`${JSON.stringify(summary)}\n`);
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify({ reports: audits.filter((a) => a.type === 'report'), across: audits.filter((a) => a.type === 'cross'), summary }, null, 2)}\n`);
  }
  const unusable = inputs.problems.some((p) => !p.record && p.message.startsWith('no report files'));
  return summary.errors || unusable || summary.reports === 0 ? 1 : 0;
}
