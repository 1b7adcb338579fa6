import { describe, expect, it } from 'vitest';
import { markdownToLines } from '../src/extract/markdown.js';

// Converter markdown (MinerU, marker, pandoc) marks up cells and prose; the reader keeps the text.
// Each case below needs a different character of the markup to be seen, so a reader that skipped
// the clean-up for a cell without it would leave that case's markup in the text.
const MARKED = [
  ['**（一）予以公开**', '（一）予以公开'],
  ['__9__', '9'],
  ['[12](http://example.org/12)', '12'],
  ['![seal](seal.png)6', '6'],
  ['7<br>8', '7 8'],
  ['<span>0</span>', '0'],
  ['`5`', '5'],
  ['1\\.5', '1.5'],
  ['a&nbsp;b', 'a b'],
] as const;

describe('markdown: inline markup is reduced to its text, plain text is left as it is', () => {
  it('in pipe-table cells', async () => {
    const row = `| ${MARKED.map(([md]) => md).join(' | ')} | 3\\|4 | 本年新收 0 |`;
    const { lines } = await markdownToLines(`## 三、收到和处理政府信息公开申请情况\n\n${row}\n|${' --- |'.repeat(MARKED.length + 2)}`);
    expect(lines.map((l) => l.cells ?? l.text)).toEqual(['三、收到和处理政府信息公开申请情况', '', [...MARKED.map(([, text]) => text), '3|4', '本年新收 0']]);
  });

  it.each(MARKED)('in prose: %s', async (md, text) => {
    const { lines } = await markdownToLines(`本机关 ${md} 件`);
    expect(lines).toEqual([{ no: 1, text: `本机关 ${text} 件` }]);
  });
});
