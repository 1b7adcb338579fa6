import type { Line } from '../extract/document.js';

/**
 * The six headings as run-together text writes them, words only: the heading ends where its
 * words end (`一、总体情况2021年，…`). Variants as in real reports.
 */
const INLINE_HEADINGS: ReadonlyArray<[string, string]> = [
  ['一', '总体情况'],
  ['二', '主动公开政府信息情况'],
  ['三', '收到和处理政府信息公开申请情况'],
  ['四', '(?:因)?政府信息公开(?:工作)?(?:被申请)?行政复议[、和及]?(?:提起)?行政诉讼(?:的)?情况'],
  ['五', '(?:政府信息公开工作)?存在的?主要问题(?:和|及)改进(?:措施|情况)|存在(?:的)?问题(?:和|及)改进(?:措施|情况)'],
  ['六', '其他需要报告的事项'],
];
/** A heading starts text anew: after a sentence, a table value or a bracket, never inside a list. */
const BEFORE = '(?<=^|[。！？；;：:）)\\]\\s\\d”"])';
const HEADING_AT = new RegExp(INLINE_HEADINGS.map(([n, words]) => `${BEFORE}${n}[、.．]\\s*(?:${words})(?![，、；,;])`).join('|'), 'g');
/** Where each table's text starts. */
const TABLE_AT = /第二十条第[（(]?一[)）]?项|[（(]本列数据的勾稽关系|申请人情况|行政复议\s*行政诉讼\s*(?:结果|未经)|结果维持\s*结果纠正/g;
/** Shorter lines are not run-together text. */
const LONG = 80;
/** What each pattern above cannot match without: a cheap test first, since most long lines are prose. */
const MAY_HEAD = /[一二三四五六][、.．]/;
const MAY_TABLE = /第二十条|勾稽关系|申请人情况|行政复议|结果维持/;

/**
 * Cut run-together lines (a whole report on one line, as pages scraped with `textContent` are)
 * before each section heading and each table, so that headings and tables stand at the start
 * of their own lines. The parts keep the line's number.
 */
export function splitRunTogether(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const cuts = line.cells || line.text.length < LONG ? null : cutsOf(line.text);
    if (!cuts) {
      out.push(line);
      continue;
    }
    const at = [0, ...[...cuts].sort(ascending), line.text.length];
    for (let i = 0; i < at.length - 1; i++) {
      const text = line.text.slice(at[i], at[i + 1]).trim();
      if (text !== '') out.push({ ...line, text });
    }
  }
  return out;
}

/** Where a long line is cut, or null when nowhere. */
function cutsOf(text: string): Set<number> | null {
  const cuts = new Set<number>();
  // Before and after the heading's words: the heading becomes a line of its own.
  if (MAY_HEAD.test(text)) for (const m of text.matchAll(HEADING_AT)) cuts.add(m.index!).add(m.index! + m[0].length);
  if (MAY_TABLE.test(text)) for (const m of text.matchAll(TABLE_AT)) cuts.add(m.index!);
  cuts.delete(0);
  return cuts.size === 0 ? null : cuts;
}

const ascending = (a: number, b: number) => a - b;
