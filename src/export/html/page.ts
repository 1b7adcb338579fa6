import { createHash } from 'node:crypto';
import { reportsByAgency } from '../../checks/cross/index.js';
import { INDICATORS, definitionText } from '../../schema/indicator-definitions.js';
import type { Diagnostic, Report } from '../../schema/index.js';
import { SEVERITY, type AuditSummary, type CrossAudit, type ReportAudit } from '../audit.js';
import { cellViews } from './cells.js';
import { yearChart } from './chart.js';
import { html, jsonBlock, trusted, type Html } from './escape.js';
import { PAGE_SCRIPT } from './script.js';
import { PAGE_STYLE } from './style.js';
import { cellAt } from '../../schema/row-path.js';
import { TABLE_NAMES } from '../../schema/template.js';
import { LAYOUTS, reportTableData } from './tables.js';

export interface AuditEntry {
  report: Report;
  audit: ReportAudit;
}

export interface AuditPage {
  entries: readonly AuditEntry[];
  cross: readonly CrossAudit[];
  summary: AuditSummary;
  version: string;
}

const VERDICT: Record<ReportAudit['verdict'], string> = { passed: '通过', failed: '未通过', 'not-assessable': '无法判断', unreadable: '未读取' };
const SCRIPT_HASH = createHash('sha256').update(PAGE_SCRIPT).digest('base64');
/** Nothing from outside, no script but ours, no inline handlers: what an injected tag could want, it cannot do. */
const CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${SCRIPT_HASH}'`;

/** Failed rules of a report, and their severities, for the filters. */
function failedRules(audit: ReportAudit): { rules: string[]; severities: string[] } {
  const rules = audit.checks.filter((c) => c.outcome === 'failed').map((c) => c.rule);
  const severities = [...new Set(rules.map((r) => SEVERITY.get(r) ?? 'warning'))];
  return { rules, severities: audit.verdict === 'unreadable' ? ['error', ...severities] : severities };
}

/** The attributes the page's filters read, on the summary row; its report (`r${i}`) is shown or hidden with it. */
function filterData(e: AuditEntry, i: number): Html {
  const { rules, severities } = failedRules(e.audit);
  const search = `${e.report.source.path} ${e.report.report.agency ?? ''}`.toLowerCase();
  return html` data-report=r${i} data-agency="${e.report.report.agency ?? ''}" data-year="${e.report.report.year ?? ''}" data-verdict="${e.audit.verdict}" data-rules="${rules.join(' ')}" data-sev="${severities.join(' ')}" data-search="${search}"`;
}

const count = (ds: readonly Diagnostic[], severity: string) => ds.filter((d) => d.severity === severity).length;

function summaryTable(entries: readonly AuditEntry[]): Html {
  const head = ['文件', '机关', '年度', '格式', '读取', '结论', '错误', '警告', '未通过的规则'];
  return html`<table id=summary class=sum><thead><tr>${head.map((h) => html`<th data-sort>${h}</th>`)}</tr></thead><tbody>
${entries.map((e, i) => {
  const { report: r, audit: a } = e;
  const { rules } = failedRules(a);
  return html`<tr${filterData(e, i)}><td><a href="#r${i}">${r.source.path}</a></td><td>${r.report.agency ?? '—'}</td><td>${r.report.year ?? ''}</td><td>${r.report.template}</td><td class="st ${r.status}">${r.status}</td><td class="v ${a.verdict}" data-v="${a.verdict}">${VERDICT[a.verdict]}</td><td data-v=${count(r.diagnostics, 'error')}>${count(r.diagnostics, 'error')}</td><td data-v=${count(r.diagnostics, 'warning')}>${count(r.diagnostics, 'warning')}</td><td>${rules.join(', ')}</td></tr>\n`;
})}</tbody></table>`;
}

function options(values: readonly string[]): Html {
  return html`${[...new Set(values)].sort().map((v) => html`<option value="${v.toLowerCase()}">${v}</option>`)}`;
}

function filters(entries: readonly AuditEntry[], summary: AuditSummary): Html {
  const failed = Object.entries(summary.rules).filter(([, r]) => r.failed > 0).map(([rule]) => rule);
  return html`<div class=filters>
<label>规则 rule <select data-filter=rule><option value="">全部</option>${options(failed)}</select></label>
<label>严重程度 severity <select data-filter=severity><option value="">全部</option><option value=error>error</option><option value=warning>warning</option></select></label>
<label>机关 agency <select data-filter=agency><option value="">全部</option>${options(entries.flatMap((e) => (e.report.report.agency ? [e.report.report.agency] : [])))}</select></label>
<label>年度 year <select data-filter=year><option value="">全部</option>${options(entries.flatMap((e) => (e.report.report.year === null ? [] : [String(e.report.report.year)])))}</select></label>
<label>结论 verdict <select data-filter=verdict><option value="">全部</option>${Object.entries(VERDICT).map(([k, v]) => html`<option value="${k}">${v}</option>`)}</select></label>
<label>查找 <input data-filter=q type=search placeholder="文件或机关"></label>
<span class=count>显示 <b id=shown>${entries.length}</b> / ${entries.length}</span></div>`;
}

function where(d: Diagnostic): string {
  const w = d.where ?? {};
  return [w.table && [w.table, w.row, w.column].filter(Boolean).join(' / '), w.section !== undefined && `第${w.section}部分`, w.page !== undefined && `第 ${w.page} 页`, w.line !== undefined && `第 ${w.line} 行`]
    .filter(Boolean)
    .join(' · ');
}

function findingList(ds: readonly Diagnostic[]): Html {
  return html`<ul class=fl>${ds.map(
    (d) => html`<li class=${d.severity}><b>${d.severity}</b> <code>${d.rule}</code> ${d.message}${where(d) ? html` <span class=w>${where(d)}</span>` : ''}${d.expected !== undefined ? html` <span class=w>应为 ${d.expected} · 实为 ${d.actual ?? ''}</span>` : ''}</li>`,
  )}</ul>`;
}

function indicators(r: Report): Html {
  // Closing tags of rows and cells are implied (HTML's own rule): a thousand reports' worth of bytes.
  return html`<table class=ind><tr><th>指标<th>值<th>分子 / 分母<th>说明${INDICATORS.map((def) => {
    const i = r.indicators[def.key];
    const value = i.value === null ? '—' : `${(i.value * 100).toFixed(1)}%`;
    const note = [i.reason, i.basis.length ? `basis: ${i.basis.join(', ')}` : null].filter(Boolean).join('; ');
    return html`<tr><td>${def.label}<td class=num>${value}<td class=num>${i.numerator ?? '—'} / ${i.denominator ?? '—'}<td>${note}`;
  })}</table>`;
}

function reportSection(e: AuditEntry, i: number): Html {
  const { report: r, audit: a } = e;
  const info = r.report;
  const head = html`<summary><span class="v ${a.verdict}">${VERDICT[a.verdict]}</span> <b>${info.agency ?? '机关未知'}</b> ${info.year ?? ''} <span class=path>${r.source.path}</span></summary>`;
  if (a.verdict === 'unreadable') return html`<details class=rep id=r${i}>${head}<p class=fail>未读取 (not read): ${r.diagnostics[0]?.message ?? 'failed'}</p></details>`;
  const meta = [
    `格式 ${info.template}`,
    `读取 ${r.status}`,
    info.publishedOn ? `发布 ${info.publishedOn}` : '发布日期未知',
    info.onTime === null ? null : info.onTime ? `按期 (期限 ${info.deadline})` : `逾期 (期限 ${info.deadline})`,
    r.source.ocr.length ? `OCR 页 ${r.source.ocr.join(', ')}` : null,
  ].filter(Boolean);
  const isCheck = (rule: string) => SEVERITY.has(rule);
  const reading = r.diagnostics.filter((d) => !isCheck(d.rule) && d.severity !== 'info');
  const notAssessable = a.checks.filter((c) => c.outcome === 'not-assessable');
  return html`<details class=rep id=r${i}>${head}
<p class=meta>${meta.join(' · ')}</p>
<div class=legend><span class="f">应为/实为 勾稽不符</span> <span class="s">拆分</span> <span class="o">OCR</span> <span class="n">空值</span></div>
${jsonBlock('class=cells', reportTableData(r, cellViews(r, isCheck)))}<div class=tables></div>
<h4>指标</h4>${indicators(r)}
<h4>问题 (${a.findings.length})</h4>${a.findings.length ? findingList(a.findings) : html`<p>无</p>`}
${notAssessable.length ? html`<h4>无法判断的规则</h4><ul class=fl>${notAssessable.map((c) => html`<li><code>${c.rule}</code> ${c.message ?? ''}</li>`)}</ul>` : ''}
${reading.length ? html`<h4>读取问题 (${reading.length})</h4>${findingList(reading)}` : ''}
</details>`;
}

function acrossYears(entries: readonly AuditEntry[], cross: readonly CrossAudit[]): Html {
  const groups = reportsByAgency(entries.map((e) => e.report)).filter(([, list]) => new Set(list.map((r) => r.report.year)).size >= 2);
  if (groups.length === 0 && cross.length === 0) return html``;
  const charts = groups.map(([agency, list]) => {
    const points = list.map((r) => ({
      year: r.report.year!,
      received: cellAt(r.tables.applications, 'newReceived', 'total') ?? null,
      rate: r.indicators.substantiveDisclosureRate.value,
    }));
    const pairs = cross.filter((c) => c.agency === agency);
    return html`<div class=agency><h3>${agency}</h3><p class=leg><span class=lb></span>本年新收 <span class=ll></span>实质公开率</p>${yearChart(points)}
${pairs.map((p) => html`<p><span class="v ${p.verdict}">${VERDICT[p.verdict]}</span> ${p.earlier.year} → ${p.later.year} <span class=path>${p.earlier.path} → ${p.later.path}</span></p>${p.findings.length ? findingList(p.findings) : ''}`)}</div>`;
  });
  return html`<h2 id=across>跨年度 Across years</h2>${charts}`;
}

/** One self-contained page: no request leaves it, and no text from a report is markup. */
export function auditToHtml(page: AuditPage): string {
  const { entries, cross, summary } = page;
  const s = summary;
  return html`<!doctype html>
<html lang=zh-CN><head><meta charset=utf-8>
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name=viewport content="width=device-width, initial-scale=1">
<title>政府信息公开工作年度报告 审核 — ${s.reports} reports</title>
<style>${trusted(PAGE_STYLE)}</style></head><body>
<header><h1>政府信息公开工作年度报告 审核</h1>
<p class=totals>${s.reports} 份报告: <span class="v passed">${s.passed} 通过</span> <span class="v failed">${s.failed} 未通过</span> <span class="v not-assessable">${s.notAssessable} 无法判断</span> <span class="v unreadable">${s.unreadable} 未读取</span> · gov-report ${page.version}</p></header>
${filters(entries, summary)}
${summaryTable(entries)}
<h2>报告 Reports</h2>
${entries.map((e, i) => reportSection(e, i))}
${acrossYears(entries, cross)}
<h2>指标定义 Indicator definitions</h2>
<dl class=defs>${INDICATORS.map((def) => html`<dt id="def-${def.key}">${def.label} <code>${def.key}</code></dt><dd>${definitionText(def)}</dd>`)}</dl>
${jsonBlock('id=layouts', { layouts: LAYOUTS, names: TABLE_NAMES })}
<script>${trusted(PAGE_SCRIPT)}</script>
</body></html>
`.text;
}
