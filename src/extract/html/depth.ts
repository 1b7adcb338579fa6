/** Real pages nest a few dozen levels; parse5 slows down quadratically with depth. */
export const MAX_NESTING = 1000;

/** Container and formatting tags: they nest until closed (unlike <p>, <li>, <td>, which close themselves). */
const NESTING = /<(\/?)(div|span|font|table|tbody|thead|section|article|blockquote|ul|ol|dl|b|i|u|s|em|strong|a|center|small|big|sub|sup|label|form|main|nav|header|footer|aside)\b[^>]*?(\/?)>/gi;

/** The deepest nesting of such tags, by one linear scan of the markup, before any parser sees it. */
export function nestingDepth(html: string, stopAt = MAX_NESTING + 1): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(NESTING)) {
    if (m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max && (max = depth) >= stopAt) break;
  }
  return max;
}
