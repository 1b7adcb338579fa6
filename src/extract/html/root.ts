import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
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
  // Each candidate's text is a slice of the page's text, read once: reading every nested
  // container's text anew was a sixth of a real saved page's whole parse. The whole page, not
  // the body: `$('table')` also finds tables in a <template> in the head.
  const spans = new TextSpans(candidates);
  spans.walk($.root()[0] as AnyNode);
  const all = spans.text();
  let best = body;
  let bestScore = -1;
  let bestLength = Infinity;
  for (const el of candidates) {
    const span = spans.of(el);
    if (!span) continue;
    const text = all.slice(span.start, span.end);
    let score = 0;
    for (const m of MARKERS) if (m.test(text)) score++;
    if (score > bestScore || (score === bestScore && text.length < bestLength)) {
      best = el;
      bestScore = score;
      bestLength = text.length;
    }
  }
  return best;
}

/**
 * The page's text with white space removed (as `compact` leaves it), and where in it each
 * wanted element's text lies. Text is what cheerio's `.text()` reads: every text node under a
 * node with children, comments left out. Removing white space is done character by character,
 * so the compacted pieces joined equal the joined text compacted.
 */
class TextSpans {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly spans = new Map<AnyNode, { start: number; end: number }>();

  constructor(private readonly wanted: ReadonlySet<AnyNode>) {}

  walk(node: AnyNode): void {
    if (node.type === 'text') {
      const t = compact(node.data);
      if (t !== '') {
        this.parts.push(t);
        this.length += t.length;
      }
      return;
    }
    if (node.type === 'comment' || !('children' in node)) return;
    const start = this.length;
    for (const child of node.children) this.walk(child);
    if (this.wanted.has(node)) this.spans.set(node, { start, end: this.length });
  }

  of(node: AnyNode): { start: number; end: number } | undefined {
    return this.spans.get(node);
  }

  text(): string {
    return this.parts.join('');
  }
}

/** The page title's part that names the report (sites append their own name: `…年度报告_政府信息公开年报_…`). */
export function titleFromPage($: CheerioAPI): string | null {
  const title = $('title').first().text();
  return title.split(/[_|｜–—-]/).map((s) => s.trim()).find((s) => /年度报告/.test(s)) ?? null;
}
