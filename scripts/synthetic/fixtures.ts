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

function toFullWidth(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}
