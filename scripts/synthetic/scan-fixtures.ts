import type { ScanOptions } from './scan.js';

/** A scanned fixture: pages of one of our PDFs (fixtures/pdf), drawn by poppler and put through a scanner. */
export interface ScanFixtureDef {
  file: string;
  /** The digital PDF it is a scan of; its specification is the expected reading. */
  from: string;
  /** Pages of `from` to scan (1-based); default all. */
  pages?: number[];
  /** Pages kept digital, for a PDF where only some pages are scans: the rest are scanned. */
  digital?: number[];
  dpi: number;
  scan: ScanOptions;
  /** Seal on this page (1-based, of the pages scanned); default the last. */
  sealPage?: number;
  quality: number;
  /** pdf: image-only PDF of JPEGs; jpg / png: one page as an image file. */
  as: 'pdf' | 'jpg' | 'png';
  why: string;
}

export const SCAN_FIXTURES: ScanFixtureDef[] = [
  {
    file: '2021-ruled.scan.pdf',
    from: '2021-ruled.pdf',
    dpi: 200,
    scan: { skew: 0.8, blur: 1, noise: 8, seed: 21, seal: { x: 0.74, y: 0.35, radius: 0.8 } },
    quality: 70,
    as: 'pdf',
    why: '2021 layout scanned at 200 dpi, leaning 0.8°, blurred, noisy, JPEG q70; 表三 over a page break; a red seal over 表四',
  },
  {
    file: '2019-ruled.scan.pdf',
    from: '2019-ruled.pdf',
    dpi: 150,
    scan: { skew: -1.2, blur: 0, noise: 12, seed: 19, seal: { x: 0.3, y: 0.8, radius: 0.8 } },
    quality: 55,
    as: 'pdf',
    why: '2019 layout scanned at 150 dpi, leaning −1.2°, noisier, JPEG q55; 表三 over a page break; a red seal over the closing sections',
  },
  {
    file: '2021-ruled.p2.jpg',
    from: '2021-ruled.pdf',
    pages: [2],
    dpi: 150,
    scan: { skew: 2.2, blur: 1.5, noise: 10, seed: 22 },
    quality: 60,
    as: 'jpg',
    why: 'one page as a photograph would give it: JPEG, leaning 2.2°, blurred; the first part of 表三 only',
  },
  {
    file: '2019-blank-cells.p1.png',
    from: '2019-blank-cells.pdf',
    pages: [1],
    dpi: 200,
    scan: { skew: 0, blur: 0, noise: 0, seed: 0 },
    quality: 0,
    as: 'png',
    why: 'a clean page image (PNG) with blank cells in 表二 and 表三',
  },
  {
    file: '2021-scanned-page.pdf',
    from: '2021-ruled.pdf',
    digital: [1, 2],
    dpi: 200,
    scan: { skew: 0.5, blur: 0.8, noise: 6, seed: 25, seal: { x: 0.3, y: 0.62, radius: 0.8 } },
    quality: 75,
    as: 'pdf',
    why: 'a digital report whose last page (表三 end, 表四, sections 五 and 六) is a scan with a seal',
  },
];
