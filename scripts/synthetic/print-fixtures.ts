import { consistentSpec, type Spec } from './spec.js';

/** A report as a government site shows it (navigation, breadcrumb, footer), printed to PDF by a browser. */
export interface PrintFixtureDef {
  file: string;
  spec: Spec;
  /** Chromium's own header (date, page title) and footer (address, page n/m) on every page. */
  headerFooter: boolean;
  why: string;
}

export const PRINT_FIXTURES: PrintFixtureDef[] = [
  { file: '2021-print.pdf', spec: consistentSpec('2021-print', '2021', 2022, 41), headerFooter: true, why: 'a site page printed by Chromium with its header and footer: date and page title, address and page n/m on every page; menu, breadcrumb, a heading written by a script before the title, site footer' },
  { file: '2019-print.pdf', spec: consistentSpec('2019-print', '2019', 2020, 42), headerFooter: false, why: 'the 2019 layout printed without the browser header and footer: the site\'s own furniture only' },
];

/** Our PDFs put through PostScript and Ghostscript: the fonts keep their glyphs and lose their characters. */
export const REDISTILLED_FIXTURES = [
  { file: '2021-ruled.redistilled.pdf', from: '2021-ruled.pdf' },
  { file: '2019-ruled.redistilled.pdf', from: '2019-ruled.pdf' },
];

/** Our PDF with its fonts' ToUnicode maps moved along the CJK block: CJK text, none of it the page's. */
export const REMAPPED_FIXTURES = [{ file: '2021-ruled.remapped.pdf', from: '2021-ruled.pdf' }];
