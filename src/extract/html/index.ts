import * as cheerio from 'cheerio';
import { compact } from '../../text/index.js';
import { isTitleText } from '../../schema/headings.js';
import { ReadError, type Line, type PageMeta, type SourceDocument } from '../document.js';
import type { Element } from 'domhandler';
import { htmlBytesToText } from './decode.js';
import { MAX_NESTING, nestingDepth } from './depth.js';
import { flattenDeepNodes } from './flatten.js';
import { domToLines } from './dom-to-lines.js';
import { findReportRoot, titleFromPage } from './root.js';
import { dropStyleAttributes } from './styles.js';

export { domToLines, tableToRows } from './dom-to-lines.js';

/** A web page (or DOCX converted to HTML) → lines: the report's part of the page, tables as rows. */
export function htmlToLines(html: string): Line[] {
  return pageToLines(cheerio.load(html));
}

/** Names government sites (and common CMSs) give the publication date in `<meta>`. */
const PUBLISHED_META = new Set(['pubdate', 'publishdate', 'firstpublishedtime', 'article:published_time', 'dc.date', 'dcterms.issued']);

/** What the page's `<meta>` tags say about it: for now its publication date. */
export function pageMeta($: cheerio.CheerioAPI): PageMeta {
  for (const el of $('meta[content]').toArray()) {
    const name = ($(el).attr('name') ?? $(el).attr('property') ?? '').trim().toLowerCase();
    const content = $(el).attr('content')?.trim();
    if (content && PUBLISHED_META.has(name)) return { published: content };
  }
  return {};
}

function pageToLines($: cheerio.CheerioAPI): Line[] {
  flattenDeepNodes($.root()[0] as unknown as Element);
  const lines = domToLines(findReportRoot($));
  const firstHeading = lines.findIndex((l) => /^[一二三四五六][、.．]/.test(compact(l.text)));
  const hasTitle = lines.slice(0, firstHeading < 0 ? 30 : firstHeading).some((l) => isTitleText(compact(l.text)));
  const title = hasTitle ? null : titleFromPage($);
  // The title often stands outside the article body (in the page title or a heading above it).
  return (title ? [{ no: 0, text: title }, ...lines] : lines).map((l, i) => ({ ...l, no: i + 1 }));
}

export function htmlToDocument(path: string, bytes: Uint8Array, sha256: string): SourceDocument {
  const { text, encoding } = htmlBytesToText(bytes);
  const depth = nestingDepth(text);
  if (depth > MAX_NESTING) throw new ReadError('E_HTML', `tags nested over ${MAX_NESTING} levels deep; not a report page`);
  const $ = cheerio.load(dropStyleAttributes(text));
  const meta = pageMeta($);
  return { path, format: 'html', sha256, encoding, pages: null, lines: pageToLines($), ...(meta.published ? { meta } : {}) };
}
