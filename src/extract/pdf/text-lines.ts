import { CJK_CHAR as CJK, joinWrapped } from '../../text/index.js';
import { cluster } from './grid.js';
import type { TextItem } from './types.js';


/**
 * Split a run that holds several words (pdf.js joins text across small gaps, `0 0 0`) into one
 * item per word, placing each by its share of the run's width (CJK ≈ 1 em, others ≈ ½ em).
 */
export function splitItem(item: TextItem): TextItem[] {
  if (!/\S\s+\S/.test(item.str)) return [item];
  const weight = (s: string) => [...s].reduce((w, c) => w + (CJK.test(c) ? 2 : 1), 0);
  const total = weight(item.str) || 1;
  const out: TextItem[] = [];
  let offset = 0;
  for (const part of item.str.split(/(\s+)/)) {
    const w = (weight(part) / total) * item.width;
    if (part.trim() !== '') out.push({ ...item, str: part, x: item.x + offset, width: w });
    offset += w;
  }
  return out;
}

/** Items → lines of text: grouped by baseline, ordered by x. */
export function itemsToTextLines(items: readonly TextItem[]): TextItem[][] {
  const rows = cluster(items, (i) => i.baseline, 0);
  // Baselines of one line differ a little (mixed fonts): join rows closer than 40 % of the font size.
  const lines: TextItem[][] = [];
  for (const row of rows) {
    const last = lines[lines.length - 1];
    const size = row[0]!.fontSize;
    if (last && row[0]!.baseline - last[last.length - 1]!.baseline <= 0.4 * size) last.push(...row);
    else lines.push([...row]);
  }
  return lines.map((l) => l.sort((a, b) => a.x - b.x));
}

/**
 * Join the items of one line. Gaps under ½ em next to CJK are spacing, not spaces (auto-spacing
 * around digits, 分散对齐 headings); a wider gap separates words, and one over 1.5 em is a column
 * gap in an unruled table, kept as two spaces so the table parsers can split on it.
 */
export function joinLine(line: readonly TextItem[]): string {
  let out = '';
  let prev: TextItem | undefined;
  for (const item of line) {
    if (prev) {
      const gap = item.x - (prev.x + prev.width);
      const size = Math.max(prev.fontSize, item.fontSize);
      const cjk = CJK.test(out.slice(-1)) || CJK.test(item.str[0] ?? '');
      if (gap > 1.5 * size) out += '  ';
      else if (gap > 0.5 * size || (!cjk && gap > 0.15 * size)) out += ' ';
    }
    out += item.str;
    prev = item;
  }
  return out;
}

/** Text of a table cell: its lines joined, without a space where CJK meets (wrapped labels). */
export function joinCell(items: readonly TextItem[]): string {
  return joinWrapped(itemsToTextLines(items).map(joinLine));
}
