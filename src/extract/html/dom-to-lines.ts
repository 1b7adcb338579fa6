import type { AnyNode, Element } from 'domhandler';
import { joinWrapped } from '../../text/index.js';
import type { Line } from '../document.js';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'ul', 'tr', 'td', 'th', 'caption',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'head', 'select', 'button', 'input', 'textarea']);
/** No real table has spans this large; bounded, so a hostile page cannot make a huge grid. */
const MAX_SPAN = 200;

const isTag = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

/**
 * A DOM subtree → lines in document order. Text of inline elements runs together (digits split
 * over <span>/<font> come out whole); block elements end a line. A table that holds no other
 * table is data: one line per row, cells from the expanded grid. A table holding tables is
 * layout: its cells are walked as ordinary containers.
 */
export function domToLines(root: Element): Line[] {
  const lines: Line[] = [];
  let buffer = '';
  const flush = () => {
    const text = collapse(buffer);
    if (text !== '') lines.push({ no: lines.length + 1, text });
    buffer = '';
  };
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      buffer += (node as unknown as { data: string }).data;
      return;
    }
    if (!isTag(node) || SKIP.has(node.name)) return;
    if (node.name === 'br') return flush();
    if (node.name === 'table' && !hasDescendant(node, 'table')) {
      flush();
      for (const cells of tableToRows(node)) lines.push({ no: lines.length + 1, text: cells.join('\t'), cells });
      return;
    }
    const block = BLOCK.has(node.name) || node.name === 'table';
    if (block) flush();
    for (const child of node.children) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines;
}

/**
 * Rows of a data table: rowspan and colspan expanded into a grid; a merged cell's text appears
 * in the first row it spans (as in PDF grids), so both readers feed the table parsers alike.
 */
export function tableToRows(table: Element): string[][] {
  const rows = findRows(table);
  const taken: boolean[][] = [];
  const out: string[][] = [];
  rows.forEach((tr, r) => {
    const cells: string[] = [];
    let c = 0;
    for (const td of tr.children.filter((n): n is Element => isTag(n) && (n.name === 'td' || n.name === 'th'))) {
      while (taken[r]?.[c]) c++;
      const rowspan = span(td.attribs['rowspan']);
      const colspan = span(td.attribs['colspan']);
      for (let i = 0; i < rowspan; i++) for (let j = 0; j < colspan; j++) ((taken[r + i] ??= [])[c + j] = true);
      cells.push(cellText(td));
      c += colspan;
    }
    out.push(cells);
  });
  return out;
}

function findRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (n: AnyNode) => {
    if (!isTag(n)) return;
    if (n.name === 'tr') rows.push(n);
    else if (n === table || ['thead', 'tbody', 'tfoot'].includes(n.name)) n.children.forEach(visit);
  };
  visit(table);
  return rows;
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** A cell's text: its paragraphs joined without a space where CJK meets (a wrapped label). */
function cellText(td: Element): string {
  return joinWrapped(domToLines(td).map((l) => l.text));
}

function hasDescendant(node: Element, name: string): boolean {
  return node.children.some((c) => isTag(c) && (c.name === name || hasDescendant(c, name)));
}

/** White space as a browser shows it: runs collapse to one space; NBSP is kept for the normaliser. */
function collapse(s: string): string {
  return s.replace(/[ \t\r\n\f]+/g, ' ').trim();
}
