import { consistentSpec, type Spec } from './spec.js';
import type { Shape } from './render.js';

export interface FixtureDef {
  file: string;
  spec: Spec;
  shape: Shape;
  encoding?: 'utf-8' | 'utf-8-bom' | 'gb18030';
  /** Edit the rendered text (drop a heading, a table…). */
  edit?: (text: string) => string;
  why: string;
}

/** The text with the first two value cells after `marker` (`\t12` and `\t7` on lines of their own) on one line. */
function joinValueCells(text: string, marker: string): string {
  const from = text.indexOf(marker);
  const pair = /\n(\t\d+)\n(\t\d+)\n/.exec(text.slice(from));
  if (from < 0 || !pair) throw new Error(`no two value cells after ${marker}`);
  const at = from + pair.index;
  return `${text.slice(0, at)}\n${pair[1]}${pair[2]}\n${text.slice(at + pair[0].length)}`;
}

/** The text without the one line that holds `marker`. */
function dropLine(text: string, marker: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes(marker));
  if (at < 0 || lines.findIndex((l, i) => i > at && l.includes(marker)) >= 0) throw new Error(`not one line holds ${marker}`);
  return [...lines.slice(0, at), ...lines.slice(at + 1)].join('\n');
}

const set = (spec: Spec, edits: (s: Spec) => void): Spec => {
  edits(spec);
  return spec;
};

/** The hand-made fixtures: both layouts in each text shape, and one case per trap or rule. */
export const FIXTURES: FixtureDef[] = [
  ...(['tabs', 'cells', 'layout'] as const).flatMap((shape, i) => [
    { file: `2019-${shape}.txt`, spec: consistentSpec(`2019-${shape}`, '2019', 2020, i + 1), shape, why: `2019 layout as ${shape}; every rule passes` },
    { file: `2021-${shape}.txt`, spec: consistentSpec(`2021-${shape}`, '2021', 2022, i + 4), shape, why: `2021 layout as ${shape}; every rule passes` },
  ]),
  {
    file: 'checks-failing.txt',
    shape: 'tabs',
    why: 'each arithmetic rule broken in a known cell; 2021 layout in a 2020 report (template-year-mismatch)',
    spec: set(consistentSpec('checks-failing', '2021', 2020, 7), (s) => {
      // applications-balance: 结转下年度 grows by 2 in 自然人 (and its row total, so only the balance breaks).
      s.t3['carriedForward']![0] = String(Number(s.t3['carriedForward']![0]) + 2);
      s.t3['carriedForward']![6] = String(Number(s.t3['carriedForward']![6]) + 2);
      // applications-row-total and applications-outcome-total: （二）部分公开's 总计 is one too many.
      s.t3['partiallyGranted']![6] = String(Number(s.t3['partiallyGranted']![6]) + 1);
      // review-litigation-total: 行政复议 总计 is one too many.
      s.t4['review']![4] = String(Number(s.t4['review']![4]) + 1);
    }),
  },
  {
    file: 'missing-parts.txt',
    shape: 'tabs',
    why: 'no 五、 heading and no 表四 (missing-section, missing-table); 表四 rule not assessable',
    spec: consistentSpec('missing-parts', '2021', 2023, 10),
    edit: (text) =>
      text
        .replace('五、存在的主要问题及改进情况\n', '')
        .replace(/行政复议\t[^]*?\n\n/, '本年度未发生政府信息公开行政复议、行政诉讼。\n\n'),
  },
  {
    file: '2021-gb18030.txt',
    shape: 'cells',
    encoding: 'gb18030',
    why: 'GB18030-encoded text (GBK subset), one cell per line',
    spec: consistentSpec('2021-gb18030', '2021', 2021, 8),
  },
  {
    file: '2019-fullwidth-placeholders.txt',
    shape: 'tabs',
    encoding: 'utf-8-bom',
    why: 'UTF-8 with BOM; full-width digits, ＋ deltas, 1,234, 251000元, and -, /, —, 无, blank placeholders',
    spec: set(consistentSpec('2019-fullwidth-placeholders', '2019', 2020, 9), (s) => {
      s.t2['licensing']!['previousCount'] = '1,234';
      s.t2['licensing']!['change'] = '＋５';
      s.t2['otherServices']!['change'] = '—';
      s.t2['penalty']!['decisions'] = '１２３';
      s.t2['coercion']!['decisions'] = '';
      s.t2['procurement']!['amount'] = '251000元';
      s.t3['granted']![0] = toFullWidth(s.t3['granted']![0]!);
      s.t3['denied.stateSecret']![1] = '-';
      s.t3['unable.notHeld']![3] = '/';
      s.t3['notProcessed.duplicate']![6] = '无';
      s.t4['litigationDirect']![2] = '';
    }),
  },
];

/** A crawler's header block above the page text, the title only in it (as archives keep pages). */
const crawlerHeader = (spec: Spec) =>
  [`标题: ${spec.agency}${spec.year}年度政府信息公开工作年度报告`, `发布时间: ${spec.year + 1}-01-20 09:30`, '文号: ', `发布机构: ${spec.agency}`, '栏目: 政府信息公开年报', '原文链接: https://www.example.gov.cn/zwgk/nb/1.htm', '==================== 正文 ====================', ''].join('\n');

/** An outline of its own (as Shanghai's): six headings on other matters, the standard tables attached under 一、二、三. */
function ownOutline(text: string): string {
  return text
    .replace('二、主动公开政府信息情况\n', ['二、工作机制保障', '设立政务公开工作协调小组，统筹推进政务公开。', '三、主动公开工作情况', '通过部门网站主动公开政府信息。', '四、政府信息公开申请情况', '依法办理政府信息公开申请。', '五、政府信息管理', '及时更新政府信息公开指南。', '六、政府信息公开平台建设', '加强门户网站建设。', '一、主动公开政府信息情况', ''].join('\n'))
    .replace('三、收到和处理政府信息公开申请情况', '二、收到和处理政府信息公开申请情况')
    .replace('四、政府信息公开行政复议、行政诉讼情况', '三、政府信息公开行政复议、行政诉讼情况')
    .replace('五、存在的主要问题及改进情况', '四、存在的主要问题及改进情况')
    .replace('六、其他需要报告的事项', '五、其他需要报告的事项');
}

/** The shapes real collections hold (issue #12), both layouts, made from their specification. */
export const REAL_SHAPE_FIXTURES: FixtureDef[] = [
  { file: '2019-runon.txt', spec: consistentSpec('2019-runon', '2019', 2020, 31), shape: 'runon', why: 'page text as textContent leaves it: one line, headings inline, every cell glued to the next' },
  { file: '2021-runon.txt', spec: consistentSpec('2021-runon', '2021', 2022, 32), shape: 'runon', why: 'the same, 2021 layout' },
  {
    file: '2021-runon-blanks.txt',
    shape: 'runon',
    why: 'run-together text whose blank cells vanished: a blank 行政强制, and a 表三 row short of one cell',
    spec: set(consistentSpec('2021-runon-blanks', '2021', 2022, 33), (s) => {
      s.t2['coercion']!['decisions'] = '';
      s.t3['denied.enforcementFiles']![2] = '';
    }),
  },
  {
    file: '2019-runon-decisions.txt',
    shape: 'runon',
    why: 'run-together text whose 表二 fills in 处理决定数量 = 上一年项目数量 + 本年增/减: one row the digits alone decide shows it, and it splits the others',
    spec: set(consistentSpec('2019-runon-decisions', '2019', 2020, 47), (s) => {
      // 100减1000 cuts only one way, and shows the relation with numbers not all 0.
      s.t2['licensing'] = { previousCount: '100', change: '减100', decisions: '0' };
      // Each of these cuts two ways (54 增1 266, 57 增86 5, 40 减93 1); only the relation tells.
      s.t2['otherServices'] = { previousCount: '54', change: '增12', decisions: '66' };
      s.t2['penalty'] = { previousCount: '57', change: '增8', decisions: '65' };
      s.t2['coercion'] = { previousCount: '40', change: '减9', decisions: '31' };
    }),
  },
  { file: '2019-blanklines.txt', spec: consistentSpec('2019-blanklines', '2019', 2020, 34), shape: 'blanklines', why: 'one cell per line, bare CR line ends, runs of blank lines between cells and rows' },
  {
    file: '2021-blanklines.txt',
    shape: 'blanklines',
    why: 'the same, 2021 layout, with a blank cell (one blank line more)',
    spec: set(consistentSpec('2021-blanklines', '2021', 2022, 35), (s) => {
      s.t3['carriedOver']![6] = '';
    }),
  },
  { file: '2019-markdown.md', spec: consistentSpec('2019-markdown', '2019', 2020, 36), shape: 'markdown', why: 'converter markdown: pipe tables, label cells lost from five 表三 rows, 表四 as an HTML table' },
  { file: '2021-markdown.md', spec: consistentSpec('2021-markdown', '2021', 2022, 37), shape: 'markdown', why: 'the same, 2021 layout' },
  {
    file: '2021-markdown-lost-row.md',
    shape: 'markdown',
    why: 'converter markdown that lost one 表三 row (8.属于行政查询事项): its neighbours, whose labels the converter moved out of the table, cannot be told which row they are',
    spec: consistentSpec('2021-markdown-lost-row', '2021', 2022, 48),
    edit: (text) => dropLine(text, '| 8.属于行政查询事项 |'),
  },
  { file: '2019-midline.txt', spec: consistentSpec('2019-midline', '2019', 2020, 38), shape: 'midline', why: '-layout text: every 表三 label wrapped over three lines, values on the middle one beside the group label' },
  { file: '2021-midline.txt', spec: consistentSpec('2021-midline', '2021', 2022, 39), shape: 'midline', why: 'the same, 2021 layout' },
  {
    file: '2021-midline-lost-values.txt',
    shape: 'midline',
    why: 'the same with the line of one row\'s values lost (5.要求行政机关确认或重新出具…): its label is left beside the next row\'s label and values',
    spec: consistentSpec('2021-midline-lost-values', '2021', 2022, 49),
    edit: (text) => dropLine(text, '关确认或重新出'),
  },
  {
    file: '2021-crawler.txt',
    shape: 'runon',
    why: "an archive's page text: a 标题:/发布时间:/原文链接: header, the body on one line without its title",
    spec: consistentSpec('2021-crawler', '2021', 2023, 40),
    edit: (text) => crawlerHeader(consistentSpec('2021-crawler', '2021', 2023, 40)) + text.replace(/^.*?年度报告/, ''),
  },
  { file: '2021-outline.txt', spec: consistentSpec('2021-outline', '2021', 2022, 41), shape: 'tabs', edit: ownOutline, why: 'an outline of its own, the standard tables attached under 一、二、三 (nonstandard-outline)' },
  { file: '2019-outline.txt', spec: consistentSpec('2019-outline', '2019', 2020, 45), shape: 'cells', edit: ownOutline, why: 'the same, 2019 layout, one cell per line' },
  {
    file: '2021-cells-joined.txt',
    shape: 'cells',
    why: "Word's one-cell-per-line export with cell lines a copy joined (`\\t196\\t284`): in 规章, in （一）予以公开 and in 表四's first row",
    spec: consistentSpec('2021-cells-joined', '2021', 2022, 50),
    edit: (text) => ['\t规章\n', '\t（一）予以公开\n', '四、政府信息公开行政复议'].reduce(joinValueCells, text),
  },
  {
    file: '2019-crawler.txt',
    shape: 'runon',
    why: 'an archive header above run-together text, 2019 layout',
    spec: consistentSpec('2019-crawler', '2019', 2020, 46),
    edit: (text) => crawlerHeader(consistentSpec('2019-crawler', '2019', 2020, 46)) + text.replace(/^.*?年度报告/, ''),
  },
];

/** Documents that are not one report (issue #12): each must be a failed record saying which. */
export const NOT_ONE_FIXTURES: FixtureDef[] = [
  {
    file: 'two-reports.txt',
    shape: 'tabs',
    why: 'a year-on-year comparison: the tables of two reports in one file',
    spec: consistentSpec('two-reports', '2021', 2022, 42),
    edit: (text) => text.replace('五、存在的主要问题及改进情况', `${text.slice(text.indexOf('三、收到和处理'), text.indexOf('五、存在的主要问题'))}五、存在的主要问题及改进情况`),
  },
  {
    file: 'report-list.txt',
    shape: 'tabs',
    why: "a site's list page of reports: titles and dates, no report",
    spec: consistentSpec('report-list', '2021', 2022, 43),
    edit: () =>
      ['政府信息公开年报', ...[2024, 2023, 2022, 2021].map((y) => `示例县人民政府${y}年政府信息公开工作年度报告    ${y + 1}-03-20`), '共4条 1/1页'].join('\n') + '\n',
  },
  {
    file: 'blank-template.txt',
    shape: 'tabs',
    why: 'the national template with no values filled in',
    spec: set(consistentSpec('blank-template', '2021', 2022, 44), (s) => {
      for (const row of Object.values(s.t2)) for (const k of Object.keys(row)) row[k] = '';
      for (const v of Object.values(s.t3)) v.fill('');
      for (const v of Object.values(s.t4)) v.fill('');
    }),
  },
];

function toFullWidth(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}
