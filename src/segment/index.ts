import type { Line } from '../extract/document.js';
import { compact } from '../normalize/index.js';
import type { SectionId } from '../schema/index.js';
import { matchHeading, mayBeHeading } from '../schema/headings.js';
import { isTableRow, linesToOutline, sectionNumber } from './outline.js';

export { isTitleText, matchHeading } from '../schema/headings.js';
export { linesToReportInfo } from './meta.js';
export { splitRunTogether } from './unglue.js';

/** Where one of the six sections lies: its heading line and the lines after it, up to the next section. */
export interface SectionSpan {
  number: number;
  id: SectionId;
  heading: string;
  /** Index into the line array of the heading line. */
  headingIndex: number;
  /** Indexes [start, end) of the section body. */
  start: number;
  end: number;
}

export interface Outline {
  /** The sections found, in document order; in an outline of its own a section may have several parts. */
  spans: SectionSpan[];
  /** `nonstandard`: the headings are not the six standard ones and were mapped by their words. */
  outline: 'standard' | 'nonstandard';
}

/**
 * The six sections. The standard headings are taken in order; when they are not all there and
 * the document's own outline, mapped by its headings' words, covers more standard sections,
 * that outline is used: each of its headings starts a part of the section it covers, and a
 * heading on nothing standard continues the part before it.
 */
export function linesToSections(lines: readonly Line[]): Outline {
  const standard = linesToStandardSections(lines);
  if (standard.length === 6) return { spans: standard, outline: 'standard' };
  const outline = linesToOutline(lines);
  const mapped = new Set(outline.map((h) => h.id).filter((id) => id !== null));
  if (mapped.size <= new Set(standard.map((s) => s.id)).size) return { spans: standard, outline: 'standard' };
  // Numbered as the template numbers them, each once: only the wording differs.
  const own = outline.some((h) => h.id === null || !h.heading.startsWith('一二三四五六'[sectionNumber(h.id) - 1]!)) || mapped.size < outline.length;
  const spans: SectionSpan[] = [];
  outline.forEach((h, i) => {
    const end = outline[i + 1]?.index ?? lines.length;
    const previous = spans[spans.length - 1];
    if (h.id === null) {
      if (previous) previous.end = end;
      return;
    }
    spans.push({ number: sectionNumber(h.id), id: h.id, heading: h.heading, headingIndex: h.index, start: h.index + 1, end });
  });
  return { spans, outline: own ? 'nonstandard' : 'standard' };
}

/**
 * Find the six standard section headings in order: the longest run of headings whose numbers
 * rise, the earliest such run when several are as long. Rising numbers keep 表三 row labels and
 * inline lists of titles from restarting the count; the longest run keeps a heading printed out
 * of place before the report (a web page's script or menu, in a browser print) from hiding
 * those after it.
 */
function linesToStandardSections(lines: readonly Line[]): SectionSpan[] {
  const candidates: SectionSpan[] = [];
  lines.forEach((line, index) => {
    if (!mayBeHeading(line.text)) return;
    if (isTableRow(line)) return;
    const heading = compact(line.text);
    const match = matchHeading(heading);
    if (match) candidates.push({ ...match, heading, headingIndex: index, start: index + 1, end: lines.length });
  });
  // run[i]: the length of the longest rising run that starts with candidate i.
  const run = candidates.map(() => 1);
  for (let i = candidates.length - 1; i >= 0; i--) {
    for (let j = i + 1; j < candidates.length; j++) if (candidates[j]!.number > candidates[i]!.number) run[i] = Math.max(run[i]!, run[j]! + 1);
  }
  const found: SectionSpan[] = [];
  let want = Math.max(0, ...run);
  for (let i = 0; i < candidates.length && want > 0; i++) {
    const last = found[found.length - 1];
    if (run[i] === want && (!last || candidates[i]!.number > last.number)) {
      found.push(candidates[i]!);
      want--;
    }
  }
  for (let i = 0; i < found.length - 1; i++) found[i]!.end = found[i + 1]!.headingIndex;
  return found;
}
