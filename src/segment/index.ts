import type { Line } from '../extract/document.js';
import { compact } from '../normalize/index.js';
import type { SectionId } from '../schema/index.js';
import { matchHeading, mayBeHeading } from '../schema/headings.js';

export { isTitleText, matchHeading } from '../schema/headings.js';
export { linesToReportInfo } from './meta.js';

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

/**
 * Find the six section headings in order. A heading is taken only if its number is higher than
 * the last one found, so 表三 row labels and inline lists of titles cannot restart the count.
 */
export function linesToSections(lines: readonly Line[]): SectionSpan[] {
  const found: SectionSpan[] = [];
  let last = 0;
  lines.forEach((line, index) => {
    if (!mayBeHeading(line.text)) return;
    if (line.cells && line.cells.filter((c) => c.trim() !== '').length > 1) return;
    const heading = compact(line.text);
    const match = matchHeading(heading);
    if (!match || match.number <= last) return;
    last = match.number;
    found.push({ ...match, heading, headingIndex: index, start: index + 1, end: lines.length });
  });
  for (let i = 0; i < found.length - 1; i++) found[i]!.end = found[i + 1]!.headingIndex;
  return found;
}
