import type { Line, PageMeta } from './document.js';
import { readHeader } from './header.js';

const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const SEPARATOR_ROW = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const GRID_BORDER = /^\s*\+(?:[-=:]+\+)+\s*$/;
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_OPEN = /<table\b/i;
const TABLE_CLOSE = /<\/table\s*>/i;

/** Markdown tables a converter wrote: a separator row `|---|---|` tells pipe tables from prose. */
export function looksLikeMarkdown(text: string): boolean {
  if (!text.includes('---')) return false;
  let rows = 0;
  for (const m of text.matchAll(SEPARATOR_LINE)) if (m[0].includes('|') && ++rows >= 2) return true;
  return false;
}
const SEPARATOR_LINE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/gm;

/**
 * Markdown from PDF and OCR converters (MinerU, marker, pandoc) → lines: `#` headings as plain
 * lines, pipe and grid table rows as lines with cells, HTML `<table>` blocks read by the web
 * page reader, inline markup (links, emphasis, images) reduced to its text.
 */
export async function markdownToLines(text: string): Promise<{ lines: Line[]; meta?: PageMeta }> {
  const raw = text.split(/\r\n|\r|\n/);
  const header = readHeader(raw);
  const lines: Line[] = [];
  for (let i = header?.length ?? 0; i < raw.length; i++) {
    const line = raw[i]!;
    if (TABLE_OPEN.test(line)) {
      const start = i;
      let block = line;
      while (!TABLE_CLOSE.test(block) && i + 1 < raw.length) block += `\n${raw[++i]}`;
      const before = block.slice(0, block.search(TABLE_OPEN));
      if (before.trim() !== '') lines.push({ no: start + 1, text: inline(before) });
      for (const cells of await htmlTableRows(block)) lines.push({ no: start + 1, text: cells.join('\t'), cells });
      continue;
    }
    if (SEPARATOR_ROW.test(line) && line.includes('-') || GRID_BORDER.test(line)) continue;
    if (PIPE_ROW.test(line)) {
      const cells = splitPipes(line).map(inline);
      lines.push({ no: i + 1, text: cells.join('\t'), cells });
      continue;
    }
    const heading = HEADING.exec(line);
    lines.push({ no: i + 1, text: inline(heading ? heading[1]! : line.replace(/^\s{0,3}>\s?/, '').replace(/^\s*[-*+]\s+/, '')) });
  }
  return header ? { lines, meta: header.meta } : { lines };
}

/** `| a | b\|c |` → ['a', 'b|c']: the outer pipes open and close the row. */
function splitPipes(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && body[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** Each replacement in `inline` needs one of these characters (an image one `[`, an escape its backslash); most cells, digits and plain labels, have none. */
const MARKUP = /[[<*_`\\&]/;

/** Inline markup → its text. Nothing in the file is rendered: tags are dropped, entities left to the text. */
function inline(s: string): string {
  if (!MARKUP.test(s)) return s;
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/&nbsp;/g, ' ');
}

/** An HTML table inside markdown, read by the web page reader's table model (loaded only when needed). */
async function htmlTableRows(block: string): Promise<string[][]> {
  const [{ load }, { tableToRows }] = await Promise.all([import('cheerio'), import('./html/dom-to-lines.js')]);
  const $ = load(block);
  return $('table')
    .toArray()
    .filter((t) => $(t).parents('table').length === 0)
    .flatMap((t) => tableToRows(t as never));
}
