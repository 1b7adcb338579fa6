/**
 * Markup built only through `html\`…\``: every interpolated value is escaped unless it is
 * markup made here (an `Html`). Report files are untrusted; nothing read from one can open a
 * tag, close an attribute or start a script.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a quoted attribute value. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(part: Part): string {
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(render).join('');
  if (part === null || part === undefined || part === false) return '';
  return esc(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new Html(out);
}

/** Markup from this module's own constants (CSS, the page script): never from a report. */
export function trusted(text: string): Html {
  return new Html(text);
}

/**
 * Data for the page script, in a `<script type="application/json">` block: never run, read as
 * text. `<`, `>` and `&` are written as \u escapes, so no text in it can close the block.
 */
export function jsonBlock(attributes: string, value: unknown): Html {
  const json = JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new Html(`<script type="application/json" ${attributes}>${json}</script>`);
}
