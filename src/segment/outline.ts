import type { Line } from '../extract/document.js';
import { SECTIONS, type SectionId } from '../schema/template.js';
import { compact } from '../text/index.js';

/**
 * Outlines of their own (Shanghai's 一、总体情况 二、工作机制保障 三、主动公开工作情况 …, the
 * standard tables attached under 一、二、三 again): each heading is mapped by its words to the
 * standard section it covers. The template's 一、总体情况 holds 政府信息管理, 平台建设 and
 * 监督保障, so headings on those are part of the overview.
 */
const WORDS: ReadonlyArray<[SectionId, RegExp]> = [
  ['reviewLitigation', /行政复议|行政诉讼/],
  ['applications', /收到和处理|依申请|申请情况|公开申请/],
  ['activeDisclosure', /主动公开/],
  ['problems', /问题|改进/],
  ['other', /其他需要报告|其他事项/],
  ['overview', /总体|概述|基本情况|工作机制|机制保障|组织领导|监督保障|政府信息管理|平台建设|制度建设|队伍建设/],
];
const CANDIDATE = /^([一二三四五六七八九十]{1,2})[、.．,，](.{2,40})$/;
/** 表三 row labels that look like headings. */
const TABLE_ROW = /本年新收|上年结转|本年度办理结果|结转下年度/;
/** A problems part without its heading, as a converter may leave it: （一）主要问题 after 表四. */
const PROBLEMS_PART = /^[（(]一[)）](?:存在的?)?主要问题/;

export interface OutlineHeading {
  index: number;
  heading: string;
  /** The standard section it covers; null for a heading on something else. */
  id: SectionId | null;
}

/** Every line that is a numbered heading of some outline, mapped by its words. */
export function linesToOutline(lines: readonly Line[]): OutlineHeading[] {
  const found: OutlineHeading[] = [];
  lines.forEach((line, index) => {
    if (isTableRow(line)) return;
    const heading = compact(line.text);
    const m = CANDIDATE.exec(heading);
    if (m && !TABLE_ROW.test(heading)) {
      found.push({ index, heading, id: WORDS.find(([, w]) => w.test(m[2]!))?.[0] ?? null });
    } else if (PROBLEMS_PART.test(heading) && heading.length <= 20) {
      found.push({ index, heading, id: 'problems' });
    }
  });
  // The problems part without a heading counts only after 表四's section, where it stands.
  const review = found.findIndex((h) => h.id === 'reviewLitigation');
  return found.filter((h, i) => !PROBLEMS_PART.test(h.heading) || (review >= 0 && i > review && !found.some((x) => x.id === 'problems' && !PROBLEMS_PART.test(x.heading))));
}

/**
 * A line of two or more filled cells is a table row, never a heading. A loop, not a filter
 * callback: it runs on every line, and V8 drops a callback's optimised code at each full GC.
 */
export function isTableRow(line: Line): boolean {
  if (!line.cells) return false;
  let filled = 0;
  for (const c of line.cells) if (c.trim() !== '' && ++filled > 1) return true;
  return false;
}

export const sectionNumber = (id: SectionId) => SECTIONS.findIndex((s) => s.id === id) + 1;
