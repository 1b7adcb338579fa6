import type { HtmlOptions } from './html.js';
import { consistentSpec, type Spec } from './spec.js';

export interface WebFixtureDef {
  file: string;
  spec: Spec;
  options: HtmlOptions;
  /** docx: convert the page with LibreOffice; html: write it in `options.charset`. */
  kind: 'html' | 'docx';
  why: string;
}

const blank = (spec: Spec): Spec => {
  spec.t3['carriedOver'] = spec.t3['carriedOver']!.map((v, i) => (i === 1 ? '' : v));
  spec.t2['fees']!['change'] = '';
  return spec;
};

export const WEB_FIXTURES: WebFixtureDef[] = [
  { file: '2021-site-gbk.html', kind: 'html', spec: consistentSpec('2021-site-gbk', '2021', 2022, 31), options: { chrome: true, charset: 'gb2312' }, why: 'a saved government page in GB2312/GBK: navigation, scripts, footer, the title outside the article' },
  { file: '2019-split-digits.html', kind: 'html', spec: blank(consistentSpec('2019-split-digits', '2019', 2020, 32)), options: { chrome: true, splitDigits: true, separateBlocks: true }, why: 'digits split over <span>/<font>, &nbsp; blank cells, 表二 blocks as separate tables' },
  { file: '2021-layout-table.html', kind: 'html', spec: consistentSpec('2021-layout-table', '2021', 2023, 33), options: { chrome: true, layoutTable: true }, why: 'the report inside a layout table, beside a navigation column with tables of its own' },
  { file: '2019-web-page.doc', kind: 'html', spec: consistentSpec('2019-web-page', '2019', 2020, 34), options: {}, why: 'a web page saved with a .doc name, as government sites serve them' },
  { file: '2019.docx', kind: 'docx', spec: consistentSpec('2019-docx', '2019', 2020, 35), options: {}, why: '2019 layout as a Word document (merged cells)' },
  { file: '2021.docx', kind: 'docx', spec: consistentSpec('2021-docx', '2021', 2022, 36), options: {}, why: '2021 layout as a Word document (merged cells)' },
];
