import type { Line } from '../extract/document.js';
import { normalizeChars } from '../text/index.js';

export { CJK_CHAR, compact, joinWrapped, normalizeChars, tidyCjkSpacing, isValueText, readCell, type CellReading } from '../text/index.js';

/** Page numbers as printed in page footers: `-3-`, `— 3 —`, `第 3 页`, `3/5`. */
const PAGE_NUMBER = /^\s*(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

/**
 * The furniture of a web page, as a browser prints it or a scraper keeps it: the breadcrumb
 * (`当前位置：首页 > …`, `首页>政府信息公开>年度报告`), the print header's date and time with the
 * page title, the footer's address (`https://…`, `file:///…`, with its page counter), and the
 * site footer (ICP licence, site code, copyright).
 */
const FURNITURE = [
  /^\s*(?:当前位置|您(?:现在)?的?位置|所在位置)\s*[：:]/,
  /^\s*首\s*页\s*(?:[>＞›»]\s*[^>＞›»]+){2,}$/,
  /^\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}[,，]?\s+(?:上午|下午)?\d{1,2}:\d{2}(?:\s*[AP]M)?(?:\s|$)/i,
  /^\s*(?:https?|file):\/\/\S+(?:\s+\d{1,3}\s*\/\s*\d{1,3})?\s*$/,
  /ICP[备证]\s*\d|网站标识码|公网安备|版权所有\s*[:：©]/,
];

/** Furniture is a short line of its own: run-together text opening with a breadcrumb holds the whole report. */
const MAX_FURNITURE = 160;
function isFurniture(text: string): boolean {
  return text.length <= MAX_FURNITURE && FURNITURE.some((f) => f.test(text));
}

/**
 * Normalise characters of every line and cell, and drop page-number lines, which land inside
 * tables and prose when a PDF is flattened, and the furniture of printed web pages. Line numbers
 * are kept, so diagnostics still point at the source.
 */
export function normalizeLines(lines: readonly Line[]): Line[] {
  return lines
    .map((line) => {
      const out: Line = { ...line, text: normalizeChars(line.text) };
      if (line.cells) out.cells = line.cells.map(normalizeChars);
      return out;
    })
    .filter((line) => line.cells || !(PAGE_NUMBER.test(line.text) || isFurniture(line.text)));
}
