import type { PageContent } from './types.js';

/** Fewer characters than this tell nothing about a page's text layer. */
const MIN_CHARS = 10;
const CJK = /[\u3400-\u9FFF\uF900-\uFAFF\u2E80-\u2FDF]/u;
/** Latin letters and ASCII punctuation: what a CJK font without a ToUnicode map comes out as (`!"#$%&'()*+`). */
const ASCII_NOT_DIGIT = /[!-/:-@[-`{-~A-Za-z]/;

export interface TextLayerVerdict {
  chars: number;
  cjk: number;
}

/**
 * A page whose text layer has no usable Unicode: re-distilled or printed through a driver, its
 * fonts lost the map from glyphs to characters and give codes in order instead. Such text is
 * nearly all ASCII punctuation and letters where a report page is mostly CJK; a page of digits
 * alone (a table's values) is text, not this.
 */
export function unusableTextLayer(content: PageContent): TextLayerVerdict | null {
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
  if (chars < MIN_CHARS || cjk / chars >= 0.1 || ascii / chars <= 0.3) return null;
  return { chars, cjk };
}
