import type { PageMeta } from './document.js';

/**
 * Keys crawlers and archives write above a page's text (`标题:`, `发布时间:`, `原文链接:` …),
 * and where each goes. Government sites' own info boxes use the same words.
 */
const KEYS: Record<string, keyof PageMeta | null> = {
  标题: 'title',
  题名: 'title',
  名称: 'title',
  发布时间: 'published',
  发布日期: 'published',
  发文日期: 'published',
  成文日期: 'written',
  发布机构: 'publisher',
  发文机关: 'publisher',
  来源: 'publisher',
  原文链接: 'url',
  链接: 'url',
  url: 'url',
  文号: null,
  索引号: null,
  栏目: null,
  本地目录: null,
  主题分类: null,
  生效日期: null,
};
const KEY_LINE = new RegExp(`^\\s*(${Object.keys(KEYS).join('|')})\\s*[:：]\\s*(.*?)\\s*$`, 'i');
/** `==== 正文 ====`, `-----`: where the header ends and the body begins. */
const SEPARATOR = /^\s*(?:[=＝\-—*#]{3,}.*|正文)\s*$/;
const MAX_HEADER_LINES = 16;

/**
 * A header block at the top of a text: at least two `key: value` lines, optionally closed by a
 * separator a few lines below. Returns what it says and how many lines it takes.
 */
export function readHeader(lines: readonly string[]): { meta: PageMeta; length: number } | null {
  const meta: PageMeta = {};
  let keys = 0;
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  for (; i < Math.min(lines.length, MAX_HEADER_LINES); i++) {
    const m = KEY_LINE.exec(lines[i]!);
    if (!m) break;
    keys++;
    const field = KEYS[m[1]!.toLowerCase()] ?? KEYS[m[1]!];
    if (field && m[2] && !meta[field]) meta[field] = m[2];
  }
  if (keys < 2) return null;
  // Archive notes (`页面链接与图片详见 links.tsv`) may stand between the keys and the separator.
  for (let j = i; j < Math.min(lines.length, i + 3); j++) {
    if (SEPARATOR.test(lines[j]!)) return { meta, length: j + 1 };
  }
  return { meta, length: i };
}
