import type { HtmlOptions } from './html.js';
import { consistentSpec, type Spec } from './spec.js';

const blanks = (spec: Spec): Spec => {
  // Cells left empty, as some agencies write zeros: only the ruling lines say which column is blank.
  spec.t2['licensing']!['change'] = '';
  spec.t3['granted']![1] = '';
  spec.t3['denied.stateSecret']![0] = '';
  spec.t3['unable.notHeld']![6] = '';
  spec.t4['review']![2] = '';
  return spec;
};

export interface PdfFixtureDef {
  file: string;
  spec: Spec;
  options: HtmlOptions;
  /** Where it goes: fixtures/pdf, or test/bad for input that must fail. */
  dir?: string;
  /** A PDF of page images only. */
  imageOnly?: boolean;
  why: string;
}

export const PDF_FIXTURES: PdfFixtureDef[] = [
  { file: '2021-ruled.pdf', spec: consistentSpec('2021-ruled', '2021', 2022, 21), options: { fillerBefore3: 14 }, why: '2021 layout, ruled tables; 表三 breaks across pages with its header repeated; wrapped labels' },
  { file: '2019-ruled.pdf', spec: consistentSpec('2019-ruled', '2019', 2020, 22), options: { fillerBefore3: 6 }, why: '2019 layout, ruled tables; 表三 breaks across pages' },
  { file: '2019-blank-cells.pdf', spec: blanks(consistentSpec('2019-blank-cells', '2019', 2020, 27)), options: {}, why: 'ruled tables with blank cells: text alignment cannot place the values, the rulings can' },
  { file: '2021-unruled.pdf', spec: consistentSpec('2021-unruled', '2021', 2023, 23), options: { borderless: true }, why: 'tables without borders: columns from text alignment' },
  { file: '2019-kangxi.pdf', spec: consistentSpec('2019-kangxi', '2019', 2020, 24), options: { kangxi: true }, why: 'text in Kangxi radicals and a compatibility ideograph (⼀ ⼈ ⾏ …)' },
  { file: 'scanned-only.pdf', spec: consistentSpec('scanned-only', '2021', 2022, 26), options: {}, imageOnly: true, dir: 'test/bad', why: 'only a scanned page: no text layer at all' },
];

export interface DerivedFixtureDef {
  file: string;
  from: string;
  args: string[];
  why: string;
  /** Damage done to pdftotext's text, as a user's copy may hold it. */
  edit?: (text: string) => string;
  /** Cells lost to that damage, or to blank cells that vanish from this shape. */
  loses?: boolean;
}

/** Text made from these PDFs by pdftotext (scripts/make-derived.ts); the values are the PDF's specification. */
export const DERIVED_FIXTURES: DerivedFixtureDef[] = [
  { file: '2021-ruled.raw.txt', from: '2021-ruled.pdf', args: [], why: 'reading order: values one per line, a wrapped label around its first value, labels after their values' },
  { file: '2019-ruled.raw.txt', from: '2019-ruled.pdf', args: [], why: 'the same, 2019 layout; 增 17 with a space' },
  { file: '2021-unruled.raw.txt', from: '2021-unruled.pdf', args: [], why: 'reading order of a table without borders' },
  { file: '2019-blank-cells.raw.txt', from: '2019-blank-cells.pdf', args: [], why: 'reading order where blank cells vanished: the rows they were in cannot be placed', loses: true },
  {
    file: '2021-ruled.raw-lost-value.txt',
    from: '2021-ruled.pdf',
    args: [],
    why: "the first, with 行政事业性收费's amount before its label (as the real 洪泽区 PDFs read) and 行政强制's value lost: the amount after the next block's header is not 行政强制's",
    edit: (text) => text.replace('行政强制\n\n621\n', '行政强制\n\n').replace('行政事业性收费\n\n57.41\n', '57.41\n\n行政事业性收费\n'),
    loses: true,
  },
];
