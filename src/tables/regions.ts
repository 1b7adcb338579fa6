import type { Line } from '../extract/document.js';
import { compact } from '../normalize/index.js';
import type { TableKey } from '../schema/index.js';
import type { SectionSpan } from '../segment/index.js';

/** Lines [start, end) in which one table is looked for. */
export interface Region {
  start: number;
  end: number;
}

/**
 * What starts each table. 表四's header is often garbled (`维 持 纠 正 结 果 …`), so a bare
 * 维持…纠正 also counts. Anchors are short lines: prose that mentions 行政复议 is not a table.
 */
const ANCHORS: Record<TableKey, RegExp> = {
  activeDisclosure: /第二十条第[（(]?[一五六八九][)）]?项|^信息内容/,
  applications: /勾稽关系|申请人情况|本年新收/,
  reviewLitigation: /行政复议|行政诉讼|结果维持|维持.{0,6}纠正/,
};
const MAX_ANCHOR_LENGTH = 120;
const ORDER: readonly TableKey[] = ['activeDisclosure', 'applications', 'reviewLitigation'];
const SECTION_OF: Record<TableKey, number> = { activeDisclosure: 2, applications: 3, reviewLitigation: 4 };

/**
 * Locate the three tables. Each is looked for in its own section first; when that heading is
 * missing (seed 000 has no 四、 heading), after the previous table. A region ends at the end of
 * its section or at the next table's anchor, whichever comes first.
 */
export function linesToRegions(lines: readonly Line[], sections: readonly SectionSpan[]): Partial<Record<TableKey, Region>> {
  const texts = lines.map((l) => compact(l.text));
  const anchors: Partial<Record<TableKey, number>> = {};
  let floor = 0;
  for (const table of ORDER) {
    // An outline of its own may give a section several parts (its prose, then its attached table).
    const own = sections.filter((s) => s.number === SECTION_OF[table]);
    const next = sections.find((s) => s.number > SECTION_OF[table]);
    const ranges = own.length > 0 ? own.map((s) => [Math.max(s.start, floor), s.end] as const) : [[floor, next ? next.headingIndex : lines.length] as const];
    for (const [from, to] of ranges) {
      const at = findAnchor(texts, ANCHORS[table], from, to);
      if (at === undefined) continue;
      anchors[table] = at;
      floor = at + 1;
      break;
    }
  }
  const regions: Partial<Record<TableKey, Region>> = {};
  for (const table of ORDER) {
    const start = anchors[table];
    if (start === undefined) continue;
    const section = sections.find((s) => s.start <= start && start < s.end);
    const nextAnchor = ORDER.map((t) => anchors[t]).filter((a): a is number => a !== undefined && a > start);
    const end = Math.min(section ? section.end : lines.length, ...nextAnchor);
    regions[table] = { start, end };
  }
  return regions;
}

function findAnchor(texts: readonly string[], anchor: RegExp, from: number, to: number): number | undefined {
  for (let i = from; i < to; i++) {
    const t = texts[i]!;
    // A long line is a table only when it starts with the anchor (run-together text, cut at its tables).
    if (t.length <= MAX_ANCHOR_LENGTH ? anchor.test(t) : anchor.exec(t)?.index === 0) return i;
  }
  return undefined;
}
