import { CROSS_RULES, type CrossResult } from '../checks/cross/index.js';
import { RULES } from '../checks/index.js';
import type { CheckResult, Diagnostic, Report, Severity } from '../schema/index.js';

export type Verdict = 'passed' | 'failed' | 'not-assessable' | 'unreadable';

export interface ReportAudit {
  type: 'report';
  path: string;
  agency: string | null;
  year: number | null;
  template: string;
  status: Report['status'];
  verdict: Verdict;
  checks: CheckResult[];
  findings: Diagnostic[];
}

export interface CrossAudit {
  type: 'cross';
  agency: string;
  earlier: { path: string; year: number };
  later: { path: string; year: number };
  verdict: Verdict;
  checks: CheckResult[];
  findings: Diagnostic[];
}

export interface AuditSummary {
  type: 'summary';
  reports: number;
  passed: number;
  failed: number;
  notAssessable: number;
  unreadable: number;
  rules: Record<string, { severity: Severity; passed: number; failed: number; notAssessable: number; notApplicable: number }>;
  /** Whether an error-severity rule failed or a file could not be read: the exit code. */
  errors: boolean;
}

export const SEVERITY: ReadonlyMap<string, Severity> = new Map([...RULES, ...CROSS_RULES].map((r) => [r.id, r.severity]));
export { RULE_IDS } from '../checks/ids.js';

function verdictOf(checks: readonly CheckResult[]): Verdict {
  if (checks.some((c) => c.outcome === 'failed')) return 'failed';
  if (checks.some((c) => c.outcome === 'not-assessable')) return 'not-assessable';
  return 'passed';
}

export function reportToAudit(report: Report, selected: (rule: string) => boolean): ReportAudit {
  const checks = report.checks.filter((c) => selected(c.rule));
  const findings = report.status === 'failed' ? report.diagnostics : report.diagnostics.filter((d) => selected(d.rule) && SEVERITY.has(d.rule));
  return {
    type: 'report',
    path: report.source.path,
    agency: report.report.agency,
    year: report.report.year,
    template: report.report.template,
    status: report.status,
    verdict: report.status === 'failed' ? 'unreadable' : verdictOf(checks),
    checks,
    findings,
  };
}

export function crossToAudit(result: CrossResult, selected: (rule: string) => boolean): CrossAudit {
  const { diagnostics, ...pair } = result;
  const checks = pair.checks.filter((c) => selected(c.rule));
  return { type: 'cross', ...pair, verdict: verdictOf(checks), checks, findings: diagnostics.filter((d) => selected(d.rule)) };
}

export function summarise(audits: ReadonlyArray<ReportAudit | CrossAudit>): AuditSummary {
  const reports = audits.filter((a): a is ReportAudit => a.type === 'report');
  const rules: AuditSummary['rules'] = {};
  let errors = reports.some((r) => r.verdict === 'unreadable');
  for (const a of audits) {
    for (const c of a.checks) {
      const severity = SEVERITY.get(c.rule) ?? 'warning';
      const r = (rules[c.rule] ??= { severity, passed: 0, failed: 0, notAssessable: 0, notApplicable: 0 });
      if (c.outcome === 'passed') r.passed++;
      else if (c.outcome === 'failed') r.failed++;
      else if (c.outcome === 'not-assessable') r.notAssessable++;
      else r.notApplicable++;
      if (c.outcome === 'failed' && severity === 'error') errors = true;
    }
  }
  const count = (v: Verdict) => reports.filter((r) => r.verdict === v).length;
  return { type: 'summary', reports: reports.length, passed: count('passed'), failed: count('failed'), notAssessable: count('not-assessable'), unreadable: count('unreadable'), rules, errors };
}

// ── rendering for a terminal ──────────────────────────────────────────────────

const MAX_FINDINGS = 8;

export function auditStyle(colour: boolean) {
  const paint = (code: number) => (s: string) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { red: paint(31), green: paint(32), yellow: paint(33), dim: paint(2), bold: paint(1) };
}
type Style = ReturnType<typeof auditStyle>;

const MARK: Record<Verdict | CheckResult['outcome'], string> = {
  passed: '✓',
  failed: '✗',
  'not-assessable': '?',
  'not-applicable': '–',
  unreadable: '✗',
};

function where(d: Diagnostic): string {
  const w = d.where ?? {};
  const parts = [
    w.table && w.row ? `${w.table} ${w.row}${w.column ? `/${w.column}` : ''}` : w.table,
    w.section !== undefined ? `section ${w.section}` : undefined,
    w.page !== undefined ? `page ${w.page}` : undefined,
    w.line !== undefined ? `line ${w.line}` : undefined,
    d.expected !== undefined ? `expected ${d.expected}` : undefined,
    d.actual !== undefined ? `actual ${d.actual}` : undefined,
  ].filter(Boolean);
  return parts.join(' · ');
}

function checksToText(checks: readonly CheckResult[], findings: readonly Diagnostic[], s: Style): string {
  let out = '';
  for (const c of checks.filter((c) => c.outcome === 'failed')) {
    const severity = SEVERITY.get(c.rule) ?? 'warning';
    const paint = severity === 'error' ? s.red : s.yellow;
    // The rule's findings, without the note saying which parts it could not assess (shown below).
    const own = findings.filter((d) => d.rule === c.rule && !d.message.startsWith(`${c.rule} not assessable`));
    const related = c.rule === 'blank-cells' ? findings.filter((d) => d.rule === 'value-placeholder' || d.rule === 'value-blank') : [];
    const shown = own.length > 0 ? own : related;
    out += `    ${paint(MARK.failed)} ${c.rule} (${severity})${shown.length === 0 && c.message ? `  ${c.message}` : ''}\n`;
    for (const d of shown.slice(0, MAX_FINDINGS)) out += `        ${d.message}\n${where(d) ? `        ${s.dim(where(d))}\n` : ''}`;
    if (shown.length > MAX_FINDINGS) out += `        … and ${shown.length - MAX_FINDINGS} more\n`;
  }
  for (const c of checks.filter((c) => c.outcome === 'not-assessable')) out += `    ${s.yellow(MARK['not-assessable'])} ${c.rule}  ${c.message ?? 'not assessable'}\n`;
  const passed = checks.filter((c) => c.outcome === 'passed').length;
  const na = checks.filter((c) => c.outcome === 'not-applicable').length;
  out += `    ${s.green(MARK.passed)} ${passed} passed${na > 0 ? `, ${na} not applicable` : ''}\n`;
  return out;
}

export function auditToText(a: ReportAudit | CrossAudit, s: Style): string {
  const paint = a.verdict === 'passed' ? s.green : a.verdict === 'not-assessable' ? s.yellow : s.red;
  if (a.type === 'cross') {
    return `${paint(MARK[a.verdict])} ${s.bold(`${a.agency} ${a.earlier.year} → ${a.later.year}`)}  ${s.dim(`${a.earlier.path} → ${a.later.path}`)}\n${checksToText(a.checks, a.findings, s)}`;
  }
  const head = `${paint(MARK[a.verdict])} ${s.bold(a.path)}  ${[a.agency, a.year, a.template === 'unknown' ? undefined : `${a.template} layout`].filter(Boolean).join(' · ')}`;
  if (a.verdict === 'unreadable') return `${head}\n    ${s.red('not read:')} ${a.findings[0]?.message ?? 'failed'}\n`;
  return `${head}${a.status === 'partial' ? s.yellow('  (partly read)') : ''}\n${checksToText(a.checks, a.findings, s)}`;
}

export function summaryToText(sum: AuditSummary, s: Style): string {
  const rows = Object.entries(sum.rules);
  const width = Math.max(4, ...rows.map(([r]) => r.length));
  let out = `\n${s.bold('Summary')}: ${sum.reports} report${sum.reports === 1 ? '' : 's'} checked: ${sum.passed} passed, ${sum.failed} failed, ${sum.notAssessable} not assessable${sum.unreadable > 0 ? `, ${sum.unreadable} not read` : ''}\n`;
  out += `  ${'rule'.padEnd(width)}  severity  passed  failed  not assessable  n/a\n`;
  for (const [rule, r] of rows) {
    out += `  ${rule.padEnd(width)}  ${r.severity.padEnd(8)}  ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.notAssessable).padStart(14)}  ${String(r.notApplicable).padStart(3)}\n`;
  }
  return out;
}
