import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { thinDocx } from '../src/extract/docx.js';
import { thinWordProperties } from '../src/extract/word-properties.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const part = (body: string, ns = `xmlns:w="${W}"`) => `<?xml version="1.0"?><w:document ${ns}><w:body>${body}</w:body></w:document>`;
const cell = (props: string) => part(`<w:tbl><w:tr><w:tc><w:tcPr>${props}</w:tcPr><w:p/></w:tc></w:tr></w:tbl>`);

describe('Word properties are thinned to what mammoth reads', () => {
  it.each([
    ['a cell keeps its span and merge, loses width and borders', cell('<w:tcW w:w="1" w:type="dxa"/><w:gridSpan w:val="2"/><w:tcBorders><w:top w:val="single"/></w:tcBorders><w:vMerge w:val="restart"/>'), cell('<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>')],
    ['a tracked change nesting its own tcPr goes whole', cell('<w:tcPrChange w:id="1"><w:tcPr><w:gridSpan w:val="3"/></w:tcPr></w:tcPrChange><w:vMerge/>'), cell('<w:vMerge/>')],
    ['markup of another namespace stays whole', cell(`<mc:AlternateContent xmlns:mc="${MC}"><mc:Fallback><w:gridSpan w:val="2"/><w:shd/></mc:Fallback></mc:AlternateContent>`), cell(`<mc:AlternateContent xmlns:mc="${MC}"><mc:Fallback><w:gridSpan w:val="2"/><w:shd/></mc:Fallback></mc:AlternateContent>`)],
    ['comments, instructions and CDATA go with what holds them', cell('<w:shd><!-- <w:gridSpan/> --><?pi x?><![CDATA[<w:b/>]]></w:shd><w:gridSpan w:val="2"/>'), cell('<w:gridSpan w:val="2"/>')],
    ['a paragraph keeps style, alignment, numbering, indent and its mark', part('<w:p><w:pPr><w:pStyle w:val="H1"/><w:spacing w:after="0"/><w:jc w:val="center"/><w:widowControl/><w:numPr><w:ilvl w:val="0"/></w:numPr><w:ind w:left="2"/><w:rPr><w:del/><w:kern/></w:rPr></w:pPr></w:p>'), part('<w:p><w:pPr><w:pStyle w:val="H1"/><w:jc w:val="center"/><w:numPr><w:ilvl w:val="0"/></w:numPr><w:ind w:left="2"/><w:rPr><w:del/></w:rPr></w:pPr></w:p>')],
    ['the paragraph mark keeps only what marks it deleted', part('<w:p><w:pPr><w:rPr><w:rFonts w:ascii="宋体"/><w:b/><w:del w:id="1"/><w:sz w:val="24"/></w:rPr></w:pPr></w:p>'), part('<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr></w:p>')],
    ['a run keeps what mammoth formats, loses colour, kerning and language', part('<w:p><w:r><w:rPr><w:rFonts w:ascii="宋体"/><w:b/><w:color w:val="000000"/><w:kern w:val="0"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:eastAsia="zh-CN"/><w:u w:val="single"/><w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t></w:r></w:p>'), part('<w:p><w:r><w:rPr><w:rFonts w:ascii="宋体"/><w:b/><w:sz w:val="24"/><w:u w:val="single"/><w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t></w:r></w:p>')],
    ['by namespace, whatever the prefix', `<x:document xmlns:x="${W}"><x:tc><x:tcPr><x:tcW/><x:gridSpan x:val="2"/></x:tcPr></x:tc></x:document>`, `<x:document xmlns:x="${W}"><x:tc><x:tcPr><x:gridSpan x:val="2"/></x:tcPr></x:tc></x:document>`],
    ['the default namespace', `<document xmlns="${W}"><tc><tcPr><tcW/></tcPr></tc></document>`, `<document xmlns="${W}"><tc><tcPr></tcPr></tc></document>`],
    ['the strict namespace', cell('<w:tcW/>').replace(W, STRICT), cell('').replace(W, STRICT)],
    ['a namespace declared after the attribute that uses it', `<w:document a:x="1" xmlns:a="urn:a" xmlns:w="${W}"><w:tc><w:tcPr><w:tcW/></w:tcPr></w:tc></w:document>`, `<w:document a:x="1" xmlns:a="urn:a" xmlns:w="${W}"><w:tc><w:tcPr></w:tcPr></w:tc></w:document>`],
  ])('%s', (_why, xml, thinned) => {
    expect(thinWordProperties(xml)).toBe(thinned);
  });

  it.each([
    ['w: bound to another namespace', cell('<w:tcW/>').replace(W, 'urn:other')],
    ['a tcPr outside a cell (a table style)', part('<w:tblStylePr><w:tcPr><w:tcW/></w:tcPr></w:tblStylePr>')],
    ['the children of a kept property', cell('<w:vMerge><w:tcW/></w:vMerge>')],
    ['a style\'s paragraph and run properties', part('<w:style><w:pPr><w:spacing/><w:rPr><w:kern/></w:rPr></w:pPr><w:rPr><w:kern/></w:rPr></w:style>')],
    ['nothing to thin', part('<w:p><w:r><w:t>规章</w:t></w:r></w:p>')],
  ])('leaves alone %s', (_why, xml) => {
    expect(thinWordProperties(xml)).toBe(xml);
  });

  it.each([
    ['a DOCTYPE (entities)', `<!DOCTYPE d [<!ENTITY e "x">]>${cell('<w:tcW/>')}`],
    ['an unbound element prefix', cell('<w:tcW/><q:x/>')],
    ['an unbound attribute prefix', cell('<w:tcW q:a="1"/>')],
    ['an end tag that does not match', cell('<w:tcW></w:tcX>')],
    ['an element left open', cell('<w:tcW/>').replace('</w:document>', '')],
    ['an unquoted value', cell('<w:tcW w:w=1/>')],
    ['a < inside a value', cell('<w:tcW w:w="<"/>')],
    ['a comment left open', `${cell('<w:tcW/>')}<!-- `],
    ['a name outside ASCII', cell('<w:tcW/><w:表/>')],
    ['a tag left open at the end', `${cell('<w:tcW/>')}<w:p`],
  ])('cuts nothing from a part with %s', (_why, xml) => {
    expect(thinWordProperties(xml)).toBe(xml);
  });
});

/** Properties mammoth reads and others it does not, in every place they may stand. */
const PIECES = [
  '<w:gridSpan w:val="2"/>', '<w:gridSpan w:val="3"/>', '<w:vMerge/>', '<w:vMerge w:val="restart"/>', '<w:vMerge w:val="continue"/>',
  '<w:b/>', '<w:b w:val="false"/>', '<w:i/>', '<w:u w:val="single"/>', '<w:strike/>', '<w:caps/>', '<w:smallCaps/>', '<w:vertAlign w:val="subscript"/>',
  '<w:highlight w:val="yellow"/>', '<w:rStyle w:val="Strong"/>', '<w:pStyle w:val="Heading1"/>', '<w:jc w:val="right"/>', '<w:ind w:left="720"/>',
  '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>', '<w:rPr><w:del w:id="9"/></w:rPr>', '<w:rPr><w:kern/><w:b/><w:del w:id="8"/></w:rPr>', '<w:rPr><w:ins w:id="7"/><w:color w:val="FF0000"/></w:rPr>',
  '<w:tcW w:w="100" w:type="dxa"/>', '<w:shd w:fill="FF0000"/>', '<w:color w:val="FF0000"/>', '<w:kern w:val="0"/>', '<w:lang w:eastAsia="zh-CN"/>',
  '<w:tcPrChange w:id="1"><w:tcPr><w:gridSpan w:val="4"/></w:tcPr></w:tcPrChange>', '<w:rPrChange w:id="2"><w:rPr><w:b/></w:rPr></w:rPrChange>',
  `<mc:AlternateContent xmlns:mc="${MC}"><mc:Choice Requires="w14"><w:gridSpan w:val="5"/></mc:Choice><mc:Fallback><w:gridSpan w:val="2"/><w:b/></mc:Fallback></mc:AlternateContent>`,
  '<!-- <w:gridSpan w:val="9"/> -->', '<?pi <w:b/>?>', '\n  ',
];

/** Deterministic mutants of a document part: pieces put at the start of property elements, and new property elements where there were none. */
function mutants(xml: string, count: number, seed: number): string[] {
  let s = seed;
  const next = (n: number) => ((s = (s * 1103515245 + 12345) & 0x7fffffff) % n);
  const opens = [...xml.matchAll(/<w:(?:tcPr|pPr|rPr)>|<w:(?:tc|p|r)>/g)].map((m) => m.index! + m[0].length);
  return Array.from({ length: count }, () => {
    let out = xml;
    const at = [...new Set(Array.from({ length: 3 + next(10) }, () => opens[next(opens.length)]!))].sort((a, b) => b - a);
    for (const i of at) {
      const opened = out.slice(0, i).match(/<w:(\w+)>$/)![1]!;
      const pieces = Array.from({ length: 1 + next(3) }, () => PIECES[next(PIECES.length)]).join('');
      // After a bare tc, p or r: a property element of its own, first, as Word writes it.
      const inserted = opened.endsWith('Pr') ? pieces : `<w:${opened}Pr>${pieces}</w:${opened}Pr>`;
      out = out.slice(0, i) + inserted + out.slice(i);
    }
    return out;
  });
}

async function withPart(docx: Buffer, xml: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
const html = async (docx: Buffer) => (await mammoth.convertToHtml({ buffer: docx })).value;

describe('a thinned Word document reads the same', () => {
  for (const file of ['fixtures/docx/2019.docx', 'fixtures/docx/2021.docx']) {
    it(`${file} and 12 mutants: mammoth's HTML unchanged, the part thinner`, async () => {
      const docx = readFileSync(file);
      const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
      const plain = await html(docx);
      const thin = await thinDocx(docx);
      expect(thin.length).toBeGreaterThan(0);
      const thinXml = await (await JSZip.loadAsync(thin)).file('word/document.xml')!.async('string');
      expect(thinXml.length).toBeLessThan(xml.length / 2);
      expect(await html(thin)).toBe(plain);
      let differ = 0;
      for (const mutant of mutants(xml, 12, file.length)) {
        const changed = await withPart(docx, mutant);
        const expected = await html(changed);
        if (expected !== plain) differ++;
        expect(await html(await thinDocx(changed))).toBe(expected);
      }
      // The mutants move mammoth's output: the test could tell a cut that changed it.
      expect(differ).toBeGreaterThan(6);
    }, 60_000);
  }

  it('a file that is not a ZIP comes back as it was, for mammoth to refuse', async () => {
    const bytes = Buffer.from('not a zip');
    expect(await thinDocx(bytes)).toEqual(bytes);
  });
});
