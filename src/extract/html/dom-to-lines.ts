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
  const collector = new LineCollector();
  collector.walk(root);
  collector.flush();
  return collector.lines;
}

/**
 * The walk's state and steps as methods: domToLines runs once per table cell, and closures made
 * per call lose their optimised code at each full GC (V8), so a batch of pages kept recompiling them.
 */
class LineCollector {
  readonly lines: Line[] = [];
  private buffer = '';

  flush(): void {
    const text = collapse(this.buffer);
    if (text !== '') this.lines.push({ no: this.lines.length + 1, text });
    this.buffer = '';
  }

  walk(node: AnyNode): void {
    if (node.type === 'text') {
      this.buffer += (node as unknown as { data: string }).data;
      return;
    }
    if (!isTag(node) || SKIP.has(node.name)) return;
    if (node.name === 'br') return this.flush();
    if (node.name === 'table' && !hasDescendant(node, 'table')) {
      this.flush();
      for (const cells of tableToRows(node)) this.lines.push({ no: this.lines.length + 1, text: cells.join('\t'), cells });
      return;
    }
    const block = BLOCK.has(node.name) || node.name === 'table';
    if (block) this.flush();
    for (const child of node.children) this.walk(child);
    if (block) this.flush();
  }
}

/**
 * Rows of a data table: rowspan and colspan expanded into a grid; a merged cell's text appears
 * in the first row it spans (as in PDF grids), so both readers feed the table parsers alike.
 */
export function tableToRows(table: Element): string[][] {
  const rows = findRows(table);
  const taken: boolean[][] = [];
  const out: string[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const cells: string[] = [];
    let c = 0;
    for (const td of rows[r]!.children.filter(isCell)) {
      while (taken[r]?.[c]) c++;
      const rowspan = span(td.attribs['rowspan']);
      const colspan = span(td.attribs['colspan']);
      for (let i = 0; i < rowspan; i++) for (let j = 0; j < colspan; j++) ((taken[r + i] ??= [])[c + j] = true);
      cells.push(cellText(td));
      c += colspan;
    }
    out.push(cells);
  }
  return out;
}

const isCell = (n: AnyNode): n is Element => isTag(n) && (n.name === 'td' || n.name === 'th');

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
