import { readFileSync } from 'node:fs';
import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { htmlBytesToText } from '../src/extract/html/decode.js';
import { dropStyleAttributes } from '../src/extract/html/styles.js';
import { describeShared, sharedPath } from './shared.js';

/** The page as parse5 builds it, every attribute but `style`: what cutting styles must leave unchanged. */
function tree(html: string): string {
  const canon = (n: AnyNode): unknown => ({
    type: n.type,
    name: 'name' in n ? n.name : undefined,
    attribs: 'attribs' in n ? Object.entries(n.attribs).filter(([k]) => k !== 'style') : undefined,
    data: 'data' in n ? n.data : undefined,
    children: 'children' in n ? n.children.map(canon) : undefined,
  });
  return JSON.stringify(canon(cheerio.load(html).root()[0] as AnyNode));
}

/** Pieces that move the tokenizer between its states: comments, raw text, quotes, tag ends, style attributes in every spelling. */
const PIECES = [
  '<!--', '-->', '--!>', '<!-->', '<script>', '</script>', '<script><!--', '"', "'", '<', '>', '/', '=', '</', '<?', '<![CDATA[', '<!DOCTYPE x "',
  ' style="a>b"', " style='x'", ' style=unq', ' STYLE = "y"', ' style="', '<td style="q"rowspan=2>', '<p style>', '<p colspan style="a"="1">',
  '<title>', '</title >', '<textarea>', '</textarea>', '<xmp>', '</xmp>', '<noscript>', '</noscript>', '<select><iframe>', '</iframe>',
  '<svg>', '<plaintext>', '<style>p{}</style>', '<a b="', "<a b='", '<select>', '</select>', '<frameset>', '<iframe>',
];

/** Deterministic mutants of a page: a few pieces put in at random places. */
function mutants(html: string, count: number, seed: number): string[] {
  let s = seed;
  const next = (n: number) => ((s = (s * 1103515245 + 12345) & 0x7fffffff) % n);
  return Array.from({ length: count }, () => {
    let out = html;
    for (let k = 1 + next(6); k > 0; k--) {
      const at = next(out.length);
      out = out.slice(0, at) + PIECES[next(PIECES.length)] + out.slice(at);
    }
    return out;
  });
}

const page = (body: string) => `<html><body>${body}</body></html>`;

describe('style attributes are cut from a page before parsing', () => {
  it.each([
    ['a quoted value is emptied', '<p style="color:red">规章</p><td class=c style=\'x\'>', '<p style="">规章</p><td class=c style=\'\'>'],
    ['an unquoted value becomes ""', '<p STYLE=color:red>规章</p>', '<p STYLE="">规章</p>'],
    ['a value with > inside quotes', '<td style="a>b" rowspan="2">1</td>', '<td style="" rowspan="2">1</td>'],
    ['the attribute stays, so a following = keeps its meaning', '<td colspan style="a"="1">', '<td colspan style=""="1">'],
    ['after a comment closed by --!>, a tag', '<!-- a --!><p style="x"> -->', '<!-- a --!><p style=""> -->'],
    ['after comments closed at once', '<!--><p style="x"><!---><p style="y">', '<!--><p style=""><!---><p style="">'],
    ['after a script escaped by <!--', '<script><!-- var p = \'<p style="x">\'; //--></script><p style="y">', '<script><!-- var p = \'<p style="x">\'; //--></script><p style="">'],
    [
      'after a doubly escaped script, whose inner </script> does not end it',
      '<script><!-- <script> </script> <p style="x"> --></script><p style="y">',
      '<script><!-- <script> </script> <p style="x"> --></script><p style="">',
    ],
    ['after a select closed, a raw-text element', '<select><option>x</select><title>t</title><p style="a">', '<select><option>x</select><title>t</title><p style="">'],
    ['after an escape closed at once by <!-->', '<script><!--><script></script><p style="y"></script>', '<script><!--><script></script><p style=""></script>'],
  ])('%s', (_, html, expected) => {
    expect(dropStyleAttributes(page(html))).toBe(page(expected));
  });

  it.each([
    ['text that looks like an attribute', '<p>写作 style="x" 的说明</p>'],
    ['a comment', '<!-- <p style="x"> --><p>规章</p> style="y"'],
    ['a script', '<script>var s = \'<p style="x">\';</script><p>x</p> style="y"'],
    ['a title and a textarea', '<title><p style="a"></title><textarea><b style="b"></textarea> style="y"'],
    ['an end tag', '</p style="x"> style="y"'],
  ])('leaves %s alone', (_, html) => {
    expect(dropStyleAttributes(page(html))).toBe(page(html));
  });

  it.each([
    ['foreign content (CDATA sections)', '<svg><style>x</style></svg><p style="a">'],
    ['a script left open at the end', '<p style="a"><script><!-- <script> </script>'],
    ['a raw-text element in a select, whose start tag is ignored there', '<select><iframe><textarea></iframe><p style="x"></textarea>'],
    ['a raw-text element in a template (ignored in its column group)', '<template><col><style><template><script></style><p style="x"></script>'],
    ['a tag left open at the end', '<p style="a">x<td style="b'],
    ['a comment left open at the end', '<p style="a"><!-- x'],
  ])('cuts nothing from a page with %s', (_, html) => {
    expect(dropStyleAttributes(page(html))).toBe(page(html));
  });

  it('cuts nothing from a frameset page, where a script start tag is ignored and what follows may be raw text', () => {
    const html = '<html><head></head><frameset><script><noframes></script><p style="x"></noframes></frameset></html>';
    // parse5 keeps `</script><p style="x">` as the noframes element's text: cutting it would change the page.
    expect(cheerio.load(html)('noframes').text()).toBe('</script><p style="x">');
    expect(dropStyleAttributes(html)).toBe(html);
  });

  const ours = ['fixtures/html/2021-layout-table.html', 'fixtures/html/2021-site-gbk.html', 'fixtures/html/2019-split-digits.html'];
  it.each(ours)('%s and 100 mutants of it: the same tree, styles aside', (file) => {
    const html = htmlBytesToText(readFileSync(file)).text;
    for (const m of [html, ...mutants(html, 100, file.length)]) expect(tree(dropStyleAttributes(m))).toBe(tree(m));
  });
});

describeShared('style attributes cut from real saved pages', ['real/pingtan-2019.html', 'real/pingtan-2021.html'], () => {
  it.each(['real/pingtan-2019.html', 'real/pingtan-2021.html'])('%s and 20 mutants: the same tree, styles aside; the styles were cut', (file) => {
    const html = htmlBytesToText(readFileSync(sharedPath(file))).text;
    expect(dropStyleAttributes(html).length).toBeLessThan(html.length / 2);
    for (const m of [html, ...mutants(html, 20, 7)]) expect(tree(dropStyleAttributes(m))).toBe(tree(m));
  });
  it('real/pingtan-2021.html with its scripts hidden in comments, as older sites write them: cut all the same', () => {
    const html = htmlBytesToText(readFileSync(sharedPath('real/pingtan-2021.html'))).text;
    const old = html.replace(/<script([^>]*)>/gi, '<script$1><!--').replace(/<\/script>/gi, '//--></script>');
    expect(old).toContain('<!--');
    expect(dropStyleAttributes(old).length).toBeLessThan(old.length / 2);
    expect(tree(dropStyleAttributes(old))).toBe(tree(old));
  });
});
