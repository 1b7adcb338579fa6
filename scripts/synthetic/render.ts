import { ACTIVE_DISCLOSURE, APPLICATION_GROUPS, APPLICATION_ROWS, REVIEW_GROUPS } from '../../src/schema/template.js';
import type { Spec } from './spec.js';

export type Shape = 'tabs' | 'cells' | 'layout' | RealShape;

const T2_HEADERS = (spec: Spec, item: string) =>
  ACTIVE_DISCLOSURE[spec.version].find((b) => b.item === item)!.columns.map((c) => c.label);

/** The prose around the tables; the preamble lists the six titles inline, a known trap. */
function prose(spec: Spec) {
  return {
    head: [
      spec.agency,
      `${spec.year}年政府信息公开工作年度报告`,
      '',
      `本报告依据《中华人民共和国政府信息公开条例》编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。`,
      '一、总体情况',
      ...(spec.overview ?? [`（一）主动公开。${spec.year}年，本机关主动公开政府信息${spec.year - 1900}条。`, '（二）依申请公开。严格依法办理政府信息公开申请。']),
      '二、主动公开政府信息情况',
    ],
    s3: '三、收到和处理政府信息公开申请情况',
    s4: '四、政府信息公开行政复议、行政诉讼情况',
    tail: ['五、存在的主要问题及改进情况', spec.problems ?? '政策解读形式还不够丰富，下一步将加强培训。', '六、其他需要报告的事项', spec.other ?? '本年度未收取信息处理费。'],
  };
}

/** Where a group label (（三）不予公开 …) is printed: beside its first sub-row. */
function groupLabel(key: string): string | undefined {
  const row = [...APPLICATION_ROWS['2021'], ...APPLICATION_ROWS['2019']].find((r) => r.key === key);
  if (!row?.group || row.n !== 1) return undefined;
  return APPLICATION_GROUPS.find((g) => g.group === row.group)!.label;
}

function t3Rows(spec: Spec) {
  return APPLICATION_ROWS[spec.version].map((r) => ({ key: r.key, label: r.label, values: spec.t3[r.key]!, group: groupLabel(r.key) }));
}

export function render(spec: Spec, shape: Shape): string {
  return { tabs: renderTabs, cells: renderCells, layout: renderLayout, runon: renderRunon, blanklines: renderBlankLines, markdown: renderMarkdown, midline: renderMidline }[shape](spec);
}

// ── tab-separated rows (as copied from a PDF viewer or Excel) ─────────────────

function renderTabs(spec: Spec): string {
  const p = prose(spec);
  const out = [...p.head];
  for (const block of ACTIVE_DISCLOSURE[spec.version]) {
    out.push(`第二十条第（${block.item}）项\t\t\t`);
    out.push(['信息内容', ...T2_HEADERS(spec, block.item)].join('\t'));
    for (const r of block.rows) out.push([r.label, ...block.columns.map((c) => spec.t2[r.key]![c.key]!)].join('\t'));
  }
  out.push('', p.s3, '');
  out.push('(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t总计\t');
  out.push('\t\t自然人\t法人或其他组织\t\t\t\t\t\t');
  out.push('\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t');
  for (const r of t3Rows(spec)) {
    const head = r.key === 'granted' ? '三、本年度办理结果' : '';
    if (r.group) out.push([head, r.group, r.label, ...r.values].join('\t'));
    else if (r.key.includes('.')) out.push(['', '', r.label, ...r.values].join('\t'));
    else if (['newReceived', 'carriedOver', 'carriedForward'].includes(r.key)) out.push([r.label, '', ...r.values, ''].join('\t'));
    else out.push([head, r.label, ...r.values, ''].join('\t'));
  }
  out.push('', p.s4, '');
  out.push('行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t');
  out.push('结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t');
  out.push('\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计');
  out.push(REVIEW_GROUPS.flatMap((g) => spec.t4[g.key]!).join('\t'));
  out.push('', ...p.tail);
  return `${out.join('\n')}\n`;
}

// ── one cell per line (Word → text), wrapped cells continue without the tab ────

function renderCells(spec: Spec): string {
  const p = prose(spec);
  const out = [...p.head];
  const row = (...cells: string[]) => out.push(...cells.map((c) => `\t${c}`), '');
  for (const block of ACTIVE_DISCLOSURE[spec.version]) {
    row(`第二十条第（${block.item}）项`);
    // Word wraps the long header cells: 本年新 / 制作数量.
    row('信息内容', ...T2_HEADERS(spec, block.item).map((h) => (h.length > 6 ? `${h.slice(0, 3)}\n${h.slice(3)}` : h)));
    for (const r of block.rows) row(r.label, ...block.columns.map((c) => spec.t2[r.key]![c.key]!));
  }
  out.push(p.s3, '');
  row('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况');
  row('', '自然人', '法人或其他组织', '总计');
  row('', '', '商业\n企业', '科研\n机构', '社会公益组织', '法律服务机构', '其他', '');
  for (const r of t3Rows(spec)) {
    if (r.key === 'granted') row('三、本年度办理结果', r.label, ...r.values);
    else if (r.group) row('', r.group, r.label, ...r.values);
    else if (r.key.includes('.')) row('', '', r.label, ...r.values);
    else if (['newReceived', 'carriedOver', 'carriedForward'].includes(r.key)) row(r.label, ...r.values);
    else row('', r.label, ...r.values);
  }
  out.push(p.s4);
  row('行政复议', '行政诉讼');
  row('结果维持', '结果\n纠正', '其他\n结果', '尚未\n审结', '总计', '未经复议直接起诉', '复议后起诉');
  row('', '', '', '', '', '结果\n维持', '结果\n纠正', '其他\n结果', '尚未\n审结', '总计', '结果\n维持', '结果\n纠正', '其他\n结果', '尚未\n审结', '总计');
  row(...REVIEW_GROUPS.flatMap((g) => spec.t4[g.key]!));
  out.push(...p.tail);
  return `${out.join('\n')}\n`;
}

// ── pdftotext -layout: columns of spaces, wrapped labels, page numbers ─────────

const width = (s: string) => [...s].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - width(s)));
const cols = (values: readonly string[], w = 7) => values.map((v) => v.padStart(w - 2).padEnd(w)).join('');

function renderLayout(spec: Spec): string {
  const p = prose(spec);
  const out = ['', `                ${p.head[0]}`, `      ${p.head[1]!.replace(/(\d+)年/, '$1 年')}`, ...p.head.slice(2)];
  for (const block of ACTIVE_DISCLOSURE[spec.version]) {
    out.push(`              第二十条第（${block.item}）项`, '', '');
    out.push(`       信息内容   ${T2_HEADERS(spec, block.item).join('    ')}`, '', '');
    for (const r of block.rows) out.push(pad(r.label, 24) + block.columns.map((c) => spec.t2[r.key]![c.key]!.padStart(8)).join('   '), '');
  }
  out.push('', `                  ${p.s3}`);
  out.push('                                                              申请人情况', '');
  out.push('                                                         法人或其他组织');
  out.push('（本列数据的勾稽关系为：第一项加第二项之和， 等', '于第三项加第四项之和）');
  out.push('                                             自然人         社会 法律                总计');
  out.push('                                                   商业 科研', '                                                         公益 服务 其他');
  out.push('                                                   企业 机构', '                                                         组织 机构', '');
  const L = 44;
  t3Rows(spec).forEach((r) => {
    const v = cols(r.values);
    if (r.key === 'partiallyGranted') {
      // Values printed on a line of their own below the wrapped label.
      out.push(`                  （二）部分公开（区分处理的，只计这一情 形，不`, '                  计其他情形）', pad('', L) + v);
    } else if (r.key === 'otherHandling.overdueCorrection') {
      // A three-line label with the values on its middle line and the group label beside it.
      out.push('                            1.申请人无正当理由逾期不补', pad('     （六）其他处理       正、行政机关不再处理其政', L) + v, '                            府信息公开申请');
    } else if (r.key === 'denied.thirdPartyRights') {
      out.push(pad(`                            ${r.label}`, L) + v);
      out.push(' 三 、本 年 度办 理 结果');
    } else if (r.key === 'denied.internalAffairs') {
      // The group label lands mid-group, after the sub-rows it heads.
      out.push('                  （三）不予公开', pad(`                            ${r.label}`, L) + v);
    } else if (r.key === 'unable.notHeld') {
      out.push(pad(`                  （四）无法提供   ${r.label}`, L) + v, '', '                                                                        -3-');
    } else if (r.group) {
      out.push(pad(`     ${r.group}   ${r.label}`, L) + v);
    } else if (r.key.includes('.')) {
      out.push(pad(`                            ${r.label}`, L) + v);
    } else {
      out.push(pad(r.key === 'granted' || r.key === 'total' || r.key === 'otherHandling' ? `     ${r.label}` : r.label, L) + v);
    }
  });
  out.push('', '', `     ${p.s4}`);
  out.push('          行政复议                              行政诉讼', '', '                              未经复议直接起诉                  复议后起诉', '');
  out.push('结果   结果     其他   尚未', '                    总 计 结果 结果 其他       尚未     结果 结果 其他 尚未');
  out.push('维持   纠正     结果   审结                                               总计', '                                          总 计');
  out.push('                        维持 纠正 结果       审结     维持 纠正 结果 审结', '', '');
  out.push(REVIEW_GROUPS.flatMap((g) => spec.t4[g.key]!).map((v) => v.padEnd(5)).join(' '), '');
  out.push(...p.tail.map((l) => `     ${l}`), '', '                          -4-');
  return `${out.join('\n')}\n`;
}

// ── the shapes real collections hold (issue #12): each made from the same specification ─────

export type RealShape = 'runon' | 'blanklines' | 'markdown' | 'midline';

/** A page's text as `textContent` leaves it: no line breaks, no separators, every cell glued to the next. */
export function renderRunon(spec: Spec): string {
  return `${renderTabs(spec).replace(/[\t\n]+/g, '')}\n`;
}

/**
 * One cell per line with bare CR line ends: two blank lines between cells, four between rows,
 * an empty cell one more blank line (as saved from a page whose cells are paragraphs).
 */
export function renderBlankLines(spec: Spec): string {
  const p = prose(spec);
  const out: string[] = [...p.head];
  const row = (...cells: string[]) => out.push('', '', '', '', cells.join('\n\n\n'));
  for (const block of ACTIVE_DISCLOSURE[spec.version]) {
    row(`第二十条第（${block.item}）项`);
    row('信息内容', ...T2_HEADERS(spec, block.item));
    for (const r of block.rows) row(r.label, ...block.columns.map((c) => spec.t2[r.key]![c.key]!));
  }
  out.push('', '', '', '', p.s3);
  row('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况');
  row('自然人', '法人或其他组织', '总计');
  row('商业\n企业', '科研\n机构', '社会公益组织', '法律服务机构', '其他');
  for (const r of t3Rows(spec)) {
    const head = r.key === 'granted' ? ['三、本年度办理结果'] : [];
    row(...head, ...(r.group ? [r.group] : []), r.label, ...r.values);
  }
  out.push('', '', '', '', p.s4);
  row('行政复议', '行政诉讼');
  row('结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉');
  row('结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计');
  row(...REVIEW_GROUPS.flatMap((g) => spec.t4[g.key]!));
  out.push('', '', '', '', ...p.tail);
  // An empty cell is one line more; CR line ends throughout.
  return `${out.join('\n').replace(/\n/g, '\r')}\r`;
}

/**
 * Markdown as a PDF converter writes it: `#` headings, 表二 as pipe tables, 表三 as pipe tables
 * broken where the converter lost a row's label cell (the label lands on a line of its own,
 * away from its values), 表四 as an HTML table with its merged header.
 */
export function renderMarkdown(spec: Spec): string {
  const p = prose(spec);
  const out = [`# ${p.head[0]}${p.head[1]}`, '', p.head[3]!, '', `## ${p.head[4]}`, ...p.head.slice(5, -1), '', `## ${p.head[p.head.length - 1]}`];
  for (const block of ACTIVE_DISCLOSURE[spec.version]) {
    out.push('', `第二十条第（${block.item}）项`, '', `| 信息内容 | ${T2_HEADERS(spec, block.item).join(' | ')} |`, `|${' --- |'.repeat(block.columns.length + 1)}`);
    for (const r of block.rows) out.push(`| ${r.label} | ${block.columns.map((c) => spec.t2[r.key]![c.key]).join(' | ')} |`);
  }
  out.push('', `## ${p.s3}`, '', '申请人情况', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  const lost = new Set(['partiallyGranted', 'denied.prohibitedByLaw', 'unable.notHeld', 'unable.needsCreation', 'notProcessed.confirmOrReissue']);
  let open = false;
  for (const r of t3Rows(spec)) {
    if (lost.has(r.key)) {
      // The label cell went astray: its text stands after the row, the values keep their place.
      out.push(`| ${r.values.join(' | ')} |`, `|${' --- |'.repeat(7)}`, '', r.label, '');
      open = false;
      continue;
    }
    if (!open) out.push('| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |', `|${' --- |'.repeat(8)}`);
    open = true;
    out.push(`| ${r.group ? `${r.group}${r.label}` : r.label} | ${r.values.join(' | ')} |`);
  }
  out.push('', `## ${p.s4}`, '', '<table>', '<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>');
  out.push('<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>');
  out.push(`<tr>${'<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>'.repeat(2)}</tr>`);
  out.push(`<tr>${REVIEW_GROUPS.flatMap((g) => spec.t4[g.key]!).map((v) => `<td>${v}</td>`).join('')}</tr>`, '</table>', '');
  for (const l of p.tail) out.push(/^[五六]、/.test(l) ? `## ${l}` : l, '');
  return `${out.join('\n')}\n`;
}

/**
 * `-layout` text where every 表三 row label wraps over three lines and the values stand on the
 * middle one, with the group label printed on the values' line.
 */
export function renderMidline(spec: Spec): string {
  const layout = renderLayout(spec).split('\n');
  const start = layout.findIndex((l) => l.includes('一、本年新收'));
  const end = layout.findIndex((l, i) => i > start && l.includes('结转下年度'));
  const L = 44;
  const rows: string[] = [];
  for (const r of t3Rows(spec)) {
    const label = r.label;
    const third = Math.ceil(label.length / 3);
    const [a, b, c] = [label.slice(0, third), label.slice(third, 2 * third), label.slice(2 * third)];
    rows.push(`                  ${a}`, pad(`     ${r.group ?? ''}       ${b}`, L) + cols(r.values), `                  ${c}`);
  }
  return `${[...layout.slice(0, start), ...rows, ...layout.slice(end + 1)].join('\n')}`;
}
