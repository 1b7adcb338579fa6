import { BANG, COLON, EQUALS, GT, QUESTION, SLASH } from './markup-chars.js';

/** The WordprocessingML namespaces, transitional and strict: mammoth reads both as `w:`. */
const W = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
/**
 * The property elements thinned, under their parent, and the children mammoth 1.13.0 reads of
 * each (docx/body-reader.js: readTableCell, readParagraphProperties, readRunProperties, and the
 * deleted-paragraph test, which reads the `w:del` of a paragraph's own `w:rPr`). mammoth is
 * pinned to that version: a newer one may read more, and these lists must be checked against it.
 */
interface Thin {
  parent: string;
  read: ReadonlySet<string>;
}
/** By element: the parent it is thinned under, and the children kept. */
const THIN: ReadonlyMap<string, Thin> = new Map([
  ['tcPr', { parent: 'tc', read: new Set(['gridSpan', 'vMerge']) }],
  ['pPr', { parent: 'p', read: new Set(['pStyle', 'jc', 'numPr', 'ind', 'rPr']) }],
  ['rPr', { parent: 'r', read: new Set(['rStyle', 'sz', 'vertAlign', 'rFonts', 'b', 'u', 'i', 'strike', 'caps', 'smallCaps', 'highlight']) }],
]);
/** Kept children of a thinned element that are thinned in turn: the paragraph mark's run properties. */
const NESTED: ReadonlyMap<string, Thin> = new Map([['rPr', { parent: 'pPr', read: new Set(['del']) }]]);

/** The bindings outside the root element; never changed (a tag that declares copies them). */
const ROOT_SCOPE: ReadonlyMap<string, string> = new Map([['', ''], ['xml', 'http://www.w3.org/XML/1998/namespace']]);

/** XML's white space: unlike HTML's, no form feed. */
const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
/** ASCII name characters only: a name outside them is unexpected in Word's XML, and the part is left whole. */
const isNameChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46;

/** Where the colon of the name nameEnd last read is, or -1. */
let colonAt = -1;

/** The end of the name (`prefix:local` at most) that starts at `i`, or -1. */
function nameEnd(xml: string, i: number): number {
  const first = xml.charCodeAt(i);
  if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === 95)) return -1;
  colonAt = -1;
  for (let j = i + 1; ; j++) {
    const c = xml.charCodeAt(j);
    if (isNameChar(c)) continue;
    if (c === COLON && colonAt < 0) {
      colonAt = j;
      if (!isNameChar(xml.charCodeAt(j + 1))) return -1;
      continue;
    }
    return j;
  }
}

interface StartTag {
  /** Just after its `>`. */
  end: number;
  name: string;
  local: string;
  uri: string;
  /** The namespace bindings in force inside the element. */
  scope: ReadonlyMap<string, string>;
  selfClosing: boolean;
}

/**
 * The start tag at `lt`, its name resolved in the bindings it makes; null where it is not the
 * XML expected: a malformed attribute, an unquoted value, `<` in a value, an unbound prefix.
 */
function readStartTag(xml: string, lt: number, outer: ReadonlyMap<string, string>): StartTag | null {
  const nameStop = nameEnd(xml, lt + 1);
  if (nameStop < 0) return null;
  const colon = colonAt;
  let scope = outer;
  let prefixes: string[] | undefined;
  let i = nameStop;
  let selfClosing = false;
  for (;;) {
    const space = i;
    while (isSpace(xml.charCodeAt(i))) i++;
    const c = xml.charCodeAt(i);
    if (c === GT) break;
    if (c === SLASH && xml.charCodeAt(i + 1) === GT) {
      selfClosing = true;
      i++;
      break;
    }
    if (i === space) return null;
    const keyStart = i;
    const keyEnd = nameEnd(xml, i);
    if (keyEnd < 0) return null;
    const keyColon = colonAt;
    i = keyEnd;
    while (isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== EQUALS) return null;
    i++;
    while (isSpace(xml.charCodeAt(i))) i++;
    const quote = xml[i];
    if (quote !== '"' && quote !== "'") return null;
    const valueEnd = xml.indexOf(quote, i + 1);
    if (valueEnd < 0) return null;
    // XML forbids `<` in attribute values.
    const lessThan = xml.indexOf('<', i + 1);
    if (lessThan >= 0 && lessThan < valueEnd) return null;
    if (xml.startsWith('xmlns', keyStart) && (keyEnd === keyStart + 5 || keyColon === keyStart + 5)) {
      if (scope === outer) scope = new Map(outer);
      (scope as Map<string, string>).set(keyColon < 0 ? '' : xml.slice(keyColon + 1, keyEnd), xml.slice(i + 1, valueEnd));
    } else if (keyColon >= 0) (prefixes ??= []).push(xml.slice(keyStart, keyColon));
    i = valueEnd + 1;
  }
  const uri = scope.get(colon < 0 ? '' : xml.slice(lt + 1, colon));
  if (uri === undefined) return null;
  if (prefixes) for (const p of prefixes) if (!scope.has(p)) return null;
  const name = xml.slice(lt + 1, nameStop);
  return { end: i + 1, name, local: colon < 0 ? name : xml.slice(colon + 1, nameStop), uri, scope, selfClosing };
}

interface Open {
  name: string;
  /** The local name when the element is in WordprocessingML. */
  w: string | null;
  scope: ReadonlyMap<string, string>;
}

/**
 * A Word part's XML with the properties of each cell, paragraph and run thinned to what mammoth
 * reads of them. WPS and LibreOffice give every cell its width, borders and alignment, and every
 * paragraph and run its spacing, fonts, kerning and language: most of document.xml (63 of 176 K
 * characters are left of our fixture), which mammoth's XML reader makes into a DOM node by node.
 * What is dropped (a `w:tcPrChange` nesting another `w:tcPr` included) mammoth never looks at,
 * so its HTML is the same; a child from another namespace (`mc:AlternateContent`) is kept whole.
 *
 * Elements are resolved by namespace, not by prefix, as mammoth does. Anything this strict reading
 * of XML does not expect (a DOCTYPE, an unbound prefix, unmatched tags, an unquoted value) returns
 * the part unchanged: mammoth then reads it as it always did.
 */
export function thinWordProperties(xml: string): string {
  const out: string[] = [];
  const stack: Open[] = [];
  let copied = 0;
  /** The property elements being thinned, outermost first: their children's depth, what they keep. */
  const thinning: Array<{ depth: number; name: string; read: ReadonlySet<string> }> = [];
  /** Where the child being dropped starts, and its depth. */
  let dropFrom = -1;
  let dropDepth = -1;
  let at = 0;
  for (;;) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === BANG || next === QUESTION) {
      const close = xml.startsWith('<!--', lt) ? '-->' : next === QUESTION ? '?>' : xml.startsWith('<![CDATA[', lt) ? ']]>' : null;
      // A DOCTYPE can declare entities that change what the text says.
      if (close === null) return xml;
      const end = xml.indexOf(close, lt + 2);
      if (end < 0) return xml;
      at = end + close.length;
      continue;
    }
    if (next === SLASH) {
      const end = nameEnd(xml, lt + 2);
      if (end < 0) return xml;
      let gt = end;
      while (isSpace(xml.charCodeAt(gt))) gt++;
      if (xml.charCodeAt(gt) !== GT) return xml;
      at = gt + 1;
      if (stack.pop()?.name !== xml.slice(lt + 2, end)) return xml;
      if (stack.length === dropDepth) {
        out.push(xml.slice(copied, dropFrom));
        copied = at;
        dropDepth = -1;
      }
      if (stack.length < (thinning[thinning.length - 1]?.depth ?? 0)) thinning.pop();
      continue;
    }
    const parent = stack[stack.length - 1];
    const tag = readStartTag(xml, lt, parent?.scope ?? ROOT_SCOPE);
    if (tag === null) return xml;
    at = tag.end;
    const w = W.has(tag.uri) ? tag.local : null;
    const level = thinning[thinning.length - 1];
    const child = level !== undefined && stack.length === level.depth && dropDepth < 0 && w !== null;
    if (child && !level.read.has(w)) {
      dropFrom = lt;
      dropDepth = stack.length;
    }
    if (tag.selfClosing) {
      if (stack.length === dropDepth) {
        out.push(xml.slice(copied, dropFrom));
        copied = at;
        dropDepth = -1;
      }
      continue;
    }
    stack.push({ name: tag.name, w, scope: tag.scope });
    if (w === null || stack.length - 1 === dropDepth) continue;
    // Looked up by the element, then its parent checked: no key to build for every element of the part.
    const thin = child ? NESTED.get(w) : level === undefined ? THIN.get(w) : undefined;
    if (thin && thin.parent === (child ? level.name : parent?.w)) thinning.push({ depth: stack.length, name: w, read: thin.read });
  }
  if (stack.length > 0 || copied === 0) return xml;
  out.push(xml.slice(copied));
  return out.join('');
}
