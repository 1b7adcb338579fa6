import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { compact } from '../../text/index.js';

/** Headings of the six sections, loosely: enough to tell the report from the page around it. */
const MARKERS = [/一、?总体情况/, /二、?主动公开/, /三、?收到和处理/, /四、.{0,24}(行政复议|行政诉讼)/, /五、.{0,24}(问题|改进)/, /六、?其他需要报告/];
const CONTAINERS = new Set(['body', 'div', 'td', 'article', 'section', 'main', 'center', 'form']);

/**
 * The element that holds the report on a saved web page: of the containers around its tables,
 * the one with the most section headings, and of those the smallest. Navigation, footers and
 * related-links lists fall outside it.
 */
export function findReportRoot($: CheerioAPI): Element {
  const body = ($('body')[0] ?? $.root().children().first()[0]) as Element;
  const candidates = new Set<Element>([body]);
  $('table').each((_, t) => {
    for (const a of $(t).parents().toArray()) if (CONTAINERS.has(a.name)) candidates.add(a);
  });
  let best = body;
  let bestScore = -1;
  let bestLength = Infinity;
  for (const el of candidates) {
    const text = compact($(el).text());
    const score = MARKERS.filter((m) => m.test(text)).length;
    if (score > bestScore || (score === bestScore && text.length < bestLength)) {
      best = el;
      bestScore = score;
      bestLength = text.length;
    }
  }
  return best;
}

/** The page title's part that names the report (sites append their own name: `…年度报告_政府信息公开年报_…`). */
export function titleFromPage($: CheerioAPI): string | null {
  const title = $('title').first().text();
  return title.split(/[_|｜–—-]/).map((s) => s.trim()).find((s) => /年度报告/.test(s)) ?? null;
}
