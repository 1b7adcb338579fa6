import type { Line } from '../extract/document.js';
import { compact } from '../normalize/index.js';
import { isTitleText } from '../schema/headings.js';
import type { ReportInfo } from '../schema/index.js';

const TITLE_PARTS = /^(.*?)((?:19|20)\d{2})年度?(.*?)(?:政府信息公开|政务公开|信息公开)(?:工作)?年度报告/;
/** Red-header lines (诸暨市应急管理局文件) and document numbers are not part of the title. */
const NOT_TITLE = /文件$|〔\d{4}〕|^\d+$/;
const MAX_TITLE_LINES = 30;

/**
 * Title, agency and year from the lines before the first section. The title line holds
 * 年度报告; when it starts with the year or with 政府信息公开 (the agency is on the line above),
 * the line above is taken in.
 */
export function linesToReportInfo(lines: readonly Line[], firstSectionIndex: number): Omit<ReportInfo, 'template'> {
  const head = lines.slice(0, Math.min(firstSectionIndex < 0 ? MAX_TITLE_LINES : firstSectionIndex, MAX_TITLE_LINES));
  const texts = head.map((l) => compact(l.text)).filter((t) => t !== '');
  const at = texts.findIndex(isTitleText);
  if (at < 0) return { title: null, agency: null, year: yearFromText(texts.join('')) };
  let title = texts[at]!;
  const above = texts[at - 1];
  if (above && !NOT_TITLE.test(above) && above.length <= 30 && !TITLE_PARTS.exec(title)?.[1]) {
    title = above + title;
  }
  const m = TITLE_PARTS.exec(title);
  const agency = m ? (m[1]! + m[3]!).replace(/[（(]$/, '') || null : null;
  return { title, agency, year: m ? Number(m[2]) : yearFromText(title) };
}

function yearFromText(text: string): number | null {
  const m = /((?:19|20)\d{2})年/.exec(text);
  return m ? Number(m[1]) : null;
}
