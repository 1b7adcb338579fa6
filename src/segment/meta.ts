import type { Line, PageMeta } from '../extract/document.js';
import { isTitleText } from '../schema/headings.js';
import type { ReportInfo } from '../schema/index.js';
import { compact } from '../text/index.js';
import { linesToPublished } from './published.js';

const TITLE_PARTS = /^(.*?)((?:19|20)\d{2})年度?(.*?)(?:政府信息公开|政务公开|信息公开)(?:工作)?年度报告/;
/** Red-header lines (诸暨市应急管理局文件) and document numbers are not part of the title. */
const NOT_TITLE = /文件$|〔\d{4}〕|^\d+$/;
const MAX_TITLE_LINES = 30;
/** The report named inside a preamble sentence (`…，发布河北省教育厅2021年政府信息公开工作年度报告。`). */
const NAMED_IN_PROSE = /(?:发布|公布|编制|编制了|形成|制作)((?:(?!本年度)[^，。；：《》“”、\s]){2,30}?(?:19|20)\d{2}年度?(?:政府信息公开|政务公开)(?:工作)?年度报告)/;
/** The subject of the overview's first sentence (`2021年，河北省科学技术厅坚持…`). */
const OVERVIEW_SUBJECT =
  /^(?:(?:19|20)\d{2}年度?[，,]?)?([\u4e00-\u9fa5]{2,24}?(?:人民政府办公室|人民政府|管理委员会|管委会|委员会|办公室|办公厅|厅|局|委|办|院|中心|署))(?:坚持|认真|深入|全面|严格|紧紧|紧密|始终|围绕|以|按照|持续|积极|不断|高度|切实|着力|聚焦|贯彻)/;

export interface InfoSources {
  /** Index of the first section heading, -1 when there is none. */
  firstSection: number;
  /** Lines of 一、总体情况, for the agency when nothing else names it. */
  overview?: readonly Line[];
  meta?: PageMeta;
}

/**
 * Title, agency and year, from the first of: a title line before the first section (the line
 * above taken in when it holds the agency); the page's own title (a crawler's `标题:`); a
 * report named in the preamble. An agency still unknown is the overview's subject.
 */
export function linesToReportInfo(lines: readonly Line[], sources: InfoSources): Omit<ReportInfo, 'template' | 'agencyKind' | 'deadline' | 'onTime'> {
  const { firstSection } = sources;
  const head = lines.slice(0, Math.min(firstSection < 0 ? MAX_TITLE_LINES : firstSection, MAX_TITLE_LINES));
  const texts = head.map((l) => compact(l.text)).filter((t) => t !== '');
  const title = titleLine(texts) ?? pageTitle(sources.meta) ?? NAMED_IN_PROSE.exec(texts.join(''))?.[1] ?? null;
  const m = title ? TITLE_PARTS.exec(title) : null;
  const agency = (m ? (m[1]! + m[3]!).replace(/[（(]$/, '') || null : null) ?? overviewSubject(sources.overview);
  const year = m ? Number(m[2]) : yearFromText(title ?? texts.join(''));
  return { title, agency, year, ...linesToPublished(lines, sources.meta, year) };
}

function titleLine(texts: readonly string[]): string | null {
  const at = texts.findIndex(isTitleText);
  // Run-together text: the title opens the first line, the preamble runs on after it.
  if (at < 0) return TITLE_PARTS.exec(texts[0] ?? '')?.[0].match(/^.{0,60}$/)?.[0] ?? null;
  const title = texts[at]!;
  const above = texts[at - 1];
  return above && !NOT_TITLE.test(above) && above.length <= 30 && !TITLE_PARTS.exec(title)?.[1] ? above + title : title;
}

function pageTitle(meta: PageMeta | undefined): string | null {
  const t = meta?.title ? compact(meta.title) : '';
  return isTitleText(t) ? t : null;
}

function overviewSubject(overview: readonly Line[] | undefined): string | null {
  const first = overview?.map((l) => compact(l.text)).find((t) => t !== '');
  return first ? (OVERVIEW_SUBJECT.exec(first)?.[1] ?? null) : null;
}

function yearFromText(text: string): number | null {
  const m = /((?:19|20)\d{2})年/.exec(text);
  return m ? Number(m[1]) : null;
}
