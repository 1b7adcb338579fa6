import { diagnostic } from '../diagnostics.js';
import type { Line } from '../extract/document.js';
import type { CellMap, TableCell, Diagnostic, Template, TableKey } from '../schema/index.js';
import { TABLES, type TemplateVersion } from '../schema/template.js';
import type { SectionSpan } from '../segment/index.js';
import { parseActiveDisclosure } from './active-disclosure.js';
import { parseApplications } from './applications.js';
import { linesToRegions, type Region } from './regions.js';
import { parseReviewLitigation } from './review-litigation.js';

export { linesToRegions } from './regions.js';


export type Tables = Record<TableKey, CellMap<number | null> | null>;
export type RawTables = Record<TableKey, CellMap<string | null> | null>;

export interface ParsedTables {
  tables: Tables;
  raw: RawTables;
  template: Template;
  /** Line indexes [first, last] each table was read from, to keep them out of section text. */
  spans: Partial<Record<TableKey, [number, number]>>;
  regions: Partial<Record<TableKey, Region>>;
  /** The line a cell was read from, for diagnostics that point at the document. */
  lineOf(table: TableKey, row: string, column: string): number | undefined;
  diagnostics: Diagnostic[];
  /** Relations the reading assumed (to split run-together digits): the checks leave them unassessed. */
  assumed: Set<string>;
  /** OCR's confidence in each value it read; null when no value was read by OCR. */
  confidence: Tables | null;
  /** Cells cut from run-together digits (value-split). */
  split: TableCell[];
}

/**
 * Read 表二, 表三 and 表四. The template is decided from the tables themselves: 表二's header
 * tokens and 表三's （六） rows; the report year only decides the shape of a table whose own
 * signals are absent.
 */
export function linesToTables(lines: readonly Line[], sections: readonly SectionSpan[], year: number | null): ParsedTables {
  const regions = linesToRegions(lines, sections);
  const slice = (r?: Region) => (r ? lines.slice(r.start, r.end) : []);
  const byYear: TemplateVersion | null = year === null ? null : year >= 2021 ? '2021' : '2019';

  const t2 = parseActiveDisclosure(slice(regions.activeDisclosure), byYear);
  const t2Version = t2?.signal === '2019' || t2?.signal === '2021' ? t2.signal : null;
  const t3 = parseApplications(slice(regions.applications), t2Version ?? byYear);
  const t4 = parseReviewLitigation(slice(regions.reviewLitigation));

  const template = detectTemplate([t2?.signal ?? null, t3?.signal ?? null]);
  const diagnostics: Diagnostic[] = [];
  const parsed = { activeDisclosure: t2, applications: t3, reviewLitigation: t4 };
  const assumed = new Set<string>();
  const tables = {} as Tables;
  const raw = {} as RawTables;
  const confidence = {} as Tables;
  const spans: ParsedTables['spans'] = {};
  const split: TableCell[] = [];
  for (const { key, label } of TABLES) {
    const p = parsed[key];
    tables[key] = p ? p.built.values : null;
    raw[key] = p ? p.built.raw : null;
    confidence[key] = p?.built.confidence ?? null;
    if (p) {
      diagnostics.push(...p.built.diagnostics);
      for (const id of p.built.assumed) assumed.add(id);
      for (const c of p.built.split) split.push({ table: key, ...c });
      const { start, end } = regions[key]!;
      // Parts of one run-together line share its number: the last part read is the last with it.
      let last = end - 1;
      while (last > start && lines[last]!.no > p.lastLine) last--;
      spans[key] = [start, last];
    } else {
      diagnostics.push(
        diagnostic('warning', 'missing-table', `${label}: table not found`, { where: { table: key } }),
      );
    }
  }
  const lineOf = (table: TableKey, row: string, column: string) => parsed[table]?.built.lineOf(row, column);
  const ocr = Object.values(confidence).some((t) => t !== null);
  return { tables, raw, template, spans, regions, lineOf, diagnostics, assumed, confidence: ocr ? confidence : null, split };
}

export function detectTemplate(signals: ReadonlyArray<TemplateVersion | 'mixed' | null>): Template {
  const seen = new Set(signals.filter((s): s is TemplateVersion | 'mixed' => s !== null));
  if (seen.size === 0) return 'unknown';
  if (seen.size > 1 || seen.has('mixed')) return 'mixed';
  return [...seen][0]!;
}
