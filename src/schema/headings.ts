import { SECTIONS, type SectionId } from './template.js';

/**
 * How each of the six section headings is recognised: its number, then a keyword of the
 * template wording or of the variants met in real reports (四、因政府信息公开工作被申请行政复议…,
 * 五、存在问题及改进情况 …). Table-row labels that start the same way (三、本年度办理结果,
 * 四、结转下年度继续办理) carry none of these keywords.
 */
export const HEADING_KEYWORDS: Record<SectionId, RegExp> = {
  overview: /总体|概述|基本情况/,
  activeDisclosure: /主动公开/,
  applications: /收到和处理|依申请/,
  reviewLitigation: /行政复议|行政诉讼/,
  problems: /问题|改进/,
  other: /其他/,
};

const NUMERALS = '一二三四五六';
/** `三、`, `三.`, `三．`, `三，` or nothing before the words; extraction adds spaces anywhere. */
const HEADING = /^([一二三四五六])\s*([、.．,，]?)\s*(.*)$/;
const MAX_HEADING_LENGTH = 45;
const STARTS_WITH_NUMERAL = new RegExp(`^[\\s\u3000]*[${NUMERALS}]`);

/** Every heading starts with its numeral: a cheap test that lets most lines skip compacting and matching. */
export function mayBeHeading(text: string): boolean {
  return STARTS_WITH_NUMERAL.test(text);
}

export interface HeadingMatch {
  number: number;
  id: SectionId;
}

export function matchHeading(compactText: string): HeadingMatch | null {
  if (compactText.length > MAX_HEADING_LENGTH) return null;
  const m = HEADING.exec(compactText);
  if (!m) return null;
  const number = NUMERALS.indexOf(m[1]!) + 1;
  const section = SECTIONS[number - 1]!;
  const keyword = HEADING_KEYWORDS[section.id];
  const rest = m[3]!;
  // Without a separator the keyword must follow at once, so prose such as 二是…主动公开 is not taken.
  const ok = m[2] ? keyword.test(rest) : keyword.exec(rest)?.index === 0;
  return ok ? { number, id: section.id } : null;
}

const TITLE = /年度报告/;
const MAX_TITLE_LENGTH = 60;

/** A line that can be the report's title: short, and naming the annual report. */
export function isTitleText(compactText: string): boolean {
  return TITLE.test(compactText) && compactText.length <= MAX_TITLE_LENGTH;
}
