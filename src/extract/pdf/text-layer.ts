import type { PageContent } from './types.js';

/** Fewer characters than this tell nothing about a page's text layer. */
const MIN_CHARS = 10;
const CJK = /[\u3400-\u9FFF\uF900-\uFAFF\u2E80-\u2FDF]/u;
/** Latin letters and ASCII punctuation: what a CJK font without a ToUnicode map comes out as (`!"#$%&'()*+`). */
const ASCII_NOT_DIGIT = /[!-/:-@[-`{-~A-Za-z]/;

export interface TextLayerVerdict {
  chars: number;
  cjk: number;
  /** ascii: codes in order where CJK belongs; words: CJK, but not one word a report uses. */
  why: 'ascii' | 'words';
}

/** Enough CJK to hold a word of a report; a page of a report holds one of these. */
const MIN_CJK_FOR_WORDS = 30;
const REPORT_WORDS = /公开|信息|政府|申请|情况|行政|报告|年度|复议|诉讼|处理|工作/;

/**
 * A page whose text layer has no usable Unicode: re-distilled or printed through a driver, its
 * fonts lost the map from glyphs to characters and give codes in order instead. Such text is
 * nearly all ASCII punctuation and letters where a report page is mostly CJK; a page of digits
 * alone (a table's values) is text, not this. A font map pointing at the wrong ideographs gives
 * CJK text in which not one word of a report (公开, 信息, 政府, 申请 …) appears.
 */
export function unusableTextLayer(content: PageContent): TextLayerVerdict | null {
  // Asked of the same page by the text-only reading, by OCR's choice of pages and by the final reading.
  let verdict = verdicts.get(content);
  if (verdict === undefined) verdicts.set(content, (verdict = judge(content)));
  return verdict;
}

const verdicts = new WeakMap<PageContent, TextLayerVerdict | null>();

function judge(content: PageContent): TextLayerVerdict | null {
  let chars = 0;
  let cjk = 0;
  let ascii = 0;
  for (const item of content.items) {
    for (const ch of item.str) {
      if (/\s/.test(ch)) continue;
      chars++;
      if (CJK.test(ch)) cjk++;
      else if (ASCII_NOT_DIGIT.test(ch)) ascii++;
    }
  }
  if (chars < MIN_CHARS) return null;
  if (cjk / chars < 0.1 && ascii / chars > 0.3) return { chars, cjk, why: 'ascii' };
  // Fonts whose map points at the wrong ideographs: CJK text that says nothing a report says.
  if (cjk >= MIN_CJK_FOR_WORDS && !REPORT_WORDS.test(content.items.map((i) => i.str.replace(/\s/g, '')).join(''))) return { chars, cjk, why: 'words' };
  return null;
}
