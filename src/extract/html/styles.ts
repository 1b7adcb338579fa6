import { BANG, DQUOTE, EQUALS, GT, QUESTION, SLASH, SQUOTE } from '../markup-chars.js';

/**
 * Pages pasted from Word carry an inline `style` on nearly every element: on the real saved
 * pages in ../shared/real it is two thirds of the markup, and parse5, which builds attribute
 * values a character at a time, spent 28 ms of a page's 36 on them (9 ms without). Nothing
 * reads `style`, so it is cut from the markup before parsing.
 *
 * The cut follows the HTML tokenizer (WHATWG §13.2.5) far enough to know where tags are: text,
 * comments, bogus comments and doctypes, start and end tags with their quoted and unquoted
 * attribute values, and the raw-text elements whose content is not markup. Where its reading
 * could differ from the parser's, it cuts nothing and returns the page as it came: a page with
 * foreign content (`<svg>`, `<math>`: CDATA sections), a raw-text element inside a select, a
 * template or a frameset (whose start tag the tree builder may ignore), or a tag, comment or
 * raw-text element left open at the end. Only the value is cut (`style=""` stays): whatever
 * follows is then read in the same tokenizer state as before, which removing the attribute
 * would not give (after a valueless attribute, a following `=` would start its value).
 */
export function dropStyleAttributes(html: string): string {
  if (!STYLE.test(html) || FOREIGN.test(html)) return html;
  return new StyleCutter(html).run() ?? html;
}

const STYLE = /[\s"'/]style[\s=/>]/i;
const FOREIGN = /<(?:svg|math)[\s/>]/i;
/** An end tag that closes raw text: `</name` then white space, `/` or `>`. */
const endTag = (name: string) => `</${name}[\\t\\n\\f\\r />]`;
/** Elements whose content the tokenizer reads as text up to their end tag (scripting enabled, as cheerio parses), and that end. */
const RAW_TEXT = new Map(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript'].map((n) => [n, new RegExp(endTag(n), 'gi')]));

/** What changes a script's state, in each state: its end tag, an escape's start or end (`-->`), a double escape's start. */
const SCRIPT_STATES = {
  data: new RegExp(`${endTag('script')}|<!--`, 'gi'),
  escaped: new RegExp(`${endTag('script')}|<script[\\t\\n\\f\\r />]|-->`, 'gi'),
  double: new RegExp(`${endTag('script')}|-->`, 'gi'),
};

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
const isAsciiAlpha = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** Methods, not closures: this runs once per page, and V8 drops closures' optimised code at each full GC. */
class StyleCutter {
  private readonly out: string[] = [];
  /** Where the markup not yet copied to `out` begins. */
  private copied = 0;
  private i = 0;
  /** Select and template elements opened and not yet closed, as far as tags tell; and whether a frameset was opened. */
  private selects = 0;
  private templates = 0;
  private frameset = false;

  constructor(private readonly html: string) {}

  /**
   * A raw-text start tag the tree builder may ignore here, leaving its content markup: in a
   * select only script and textarea switch the tokenizer, in a frameset only noframes, and in a
   * template's column group none. The counts can only overstate being inside one, so the cut
   * at worst gives up on a page it could read.
   */
  private ignoredHere(name: string): boolean {
    if (this.templates > 0) return true;
    if (this.frameset) return name !== 'noframes';
    return this.selects > 0 && name !== 'script' && name !== 'textarea';
  }

  /** The page without style attributes, or null where the tokenizer's reading is not certain. */
  run(): string | null {
    const h = this.html;
    while (true) {
      const lt = h.indexOf('<', this.i);
      if (lt < 0) break;
      const c = h.charCodeAt(lt + 1);
      if (isAsciiAlpha(c)) {
        const name = this.tag(lt + 1, true);
        if (name === null) return null;
        if (name === 'plaintext') break;
        if (name === 'select') this.selects++;
        else if (name === 'template') this.templates++;
        else if (name === 'frameset') this.frameset = true;
        if (!RAW_TEXT.has(name)) continue;
        if (this.ignoredHere(name)) return null;
        if (!(name === 'script' ? this.skipScript() : this.skipRawText(name))) return null;
      } else if (c === SLASH) {
        const d = h.charCodeAt(lt + 2);
        if (isAsciiAlpha(d)) {
          const name = this.tag(lt + 2, false);
          if (name === null) return null;
          if (name === 'select' && this.selects > 0) this.selects--;
          else if (name === 'template' && this.templates > 0) this.templates--;
        } else if (d === GT) this.i = lt + 3;
        else if (Number.isNaN(d)) break;
        else if (!this.skipPast('>', lt + 2)) return null;
      } else if (c === BANG) {
        if (h.startsWith('--', lt + 2)) {
          if (!this.skipComment(lt + 4)) return null;
        } else if (!this.skipPast('>', lt + 2)) return null;
      } else if (c === QUESTION) {
        if (!this.skipPast('>', lt + 2)) return null;
      } else this.i = lt + 1;
    }
    this.out.push(h.slice(this.copied));
    return this.out.join('');
  }

  /** A start or end tag from its name's first letter; returns the lower-cased name, or null at EOF inside it. */
  private tag(from: number, start: boolean): string | null {
    const h = this.html;
    let j = from;
    while (j < h.length) {
      const c = h.charCodeAt(j);
      if (isSpace(c) || c === SLASH || c === GT) break;
      j++;
    }
    const name = h.slice(from, j).toLowerCase();
    // Attributes, until the tag's `>`: before-name, name, after-name, value.
    while (j < h.length) {
      let c = h.charCodeAt(j);
      if (isSpace(c) || c === SLASH) {
        j++;
        continue;
      }
      if (c === GT) {
        this.i = j + 1;
        return name;
      }
      const nameStart = j;
      // The first character is part of the name even when it is `=` (a parse error the tokenizer allows).
      j++;
      while (j < h.length && !isSpace((c = h.charCodeAt(j))) && c !== SLASH && c !== GT && c !== EQUALS) j++;
      const isStyle = start && j - nameStart === 5 && h.slice(nameStart, j).toLowerCase() === 'style';
      while (j < h.length && isSpace(h.charCodeAt(j))) j++;
      if (h.charCodeAt(j) === EQUALS) {
        j++;
        while (j < h.length && isSpace(h.charCodeAt(j))) j++;
        c = h.charCodeAt(j);
        if (c === DQUOTE || c === SQUOTE) {
          const close = h.indexOf(c === DQUOTE ? '"' : "'", j + 1);
          if (close < 0) return null;
          if (isStyle) this.cut(j + 1, close, '');
          j = close + 1;
        } else if (c !== GT) {
          const value = j;
          while (j < h.length && !isSpace((c = h.charCodeAt(j))) && c !== GT) j++;
          if (isStyle) this.cut(value, j, '""');
        }
      }
      if (j >= h.length) return null;
    }
    return null;
  }

  /** Replace html[from, to) with `by`: what precedes it is copied first. */
  private cut(from: number, to: number, by: string): void {
    this.out.push(this.html.slice(this.copied, from), by);
    this.copied = to;
  }

  /** A raw-text element's content: up to its end tag. */
  private skipRawText(name: string): boolean {
    const end = RAW_TEXT.get(name)!;
    end.lastIndex = this.i;
    const m = end.exec(this.html);
    return m !== null && this.at(m.index);
  }

  /**
   * A script's content, through the tokenizer's script data states: `<!--` escapes it, and in
   * the escaped text `<script` starts a double escape, in which `</script` only ends the double
   * escape; `-->` ends either escape. Only an unescaped or singly escaped `</script` ends it.
   */
  private skipScript(): boolean {
    const h = this.html;
    let state: keyof typeof SCRIPT_STATES = 'data';
    let from = this.i;
    while (true) {
      const find = SCRIPT_STATES[state];
      find.lastIndex = from;
      const m = find.exec(h);
      if (!m) return false;
      const token = m[0].slice(0, 3).toLowerCase();
      if (token === '</s') {
        if (state !== 'double') return this.at(m.index);
        state = 'escaped';
        from = m.index + 8;
      } else if (token === '<!-') {
        state = 'escaped';
        // The dashes of `<!--` count: `<!-->` ends the escape it began.
        from = m.index + 2;
      } else if (token === '<sc') {
        state = 'double';
        from = m.index + 7;
      } else {
        state = 'data';
        from = m.index + 3;
      }
    }
  }

  /**
   * A comment from just after `<!--`: `<!-->` and `<!--->` end at once, else the first `-->` or
   * `--!>`. Looked for together, one `--` at a time: a search for `--!>` alone would read to the
   * end of the page for every comment (Word's pages hold hundreds).
   */
  private skipComment(from: number): boolean {
    const h = this.html;
    if (h.charCodeAt(from) === GT) return this.at(from + 1);
    if (h.startsWith('->', from)) return this.at(from + 2);
    for (let k = h.indexOf('--', from); k >= 0; k = h.indexOf('--', k + 1)) {
      const c = h.charCodeAt(k + 2);
      if (c === GT) return this.at(k + 3);
      if (c === BANG && h.charCodeAt(k + 3) === GT) return this.at(k + 4);
    }
    return false;
  }

  private skipPast(s: string, from: number): boolean {
    const k = this.html.indexOf(s, from);
    return k >= 0 && this.at(k + s.length);
  }

  private at(i: number): true {
    this.i = i;
    return true;
  }
}
