import type { Line } from '../extract/document.js';
import { REVIEW_COLUMNS, REVIEW_GROUPS } from '../schema/template.js';
import { compact } from '../text/index.js';
import { TableBuilder, type BuiltTable } from './table-builder.js';
import { linesToTokens } from './tokens.js';
import { gluedShort, hasValue, isValueToken, misfit, tokensToUnits, unitCells, unitChunks, unitConfidence, type Unit } from './units.js';

export interface ParsedReviewLitigation {
  built: BuiltTable;
  lastLine: number;
}

const WIDTH = REVIEW_GROUPS.length * REVIEW_COLUMNS.length;
/** Words of 表四's header, garbled or not (`维 持 纠 正 结 果`): its values come after them. */
const HEADER = /维持|纠正|审结|其他结果|总计|行政复议|行政诉讼/;

/**
 * 表四 is one row of 15 values under a two-level header. The header is often garbled, so the
 * values are taken from the first unit after it; when a shape spreads them over several rows
 * they are read on until 15 are collected. Run-together digits are split as one run.
 */
export function parseReviewLitigation(lines: readonly Line[]): ParsedReviewLitigation | null {
  const units = tokensToUnits(linesToTokens(lines)).filter(hasValue);
  if (units.length === 0) return null;
  const headed = units.findIndex((u, i) => units.slice(0, i + 1).some((x) => x.before.some((t) => HEADER.test(compact(t.text)))));
  const from = units.slice(Math.max(0, headed));
  const specs = REVIEW_GROUPS.map((row) => ({ row, columns: REVIEW_COLUMNS }));
  const builder = new TableBuilder('reviewLitigation', specs);
  const first = from[0]!;
  const glued = gluedShort(units);
  const cells = REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((column) => ({ row: g.key, column })));
  if (glued(first, WIDTH)) {
    builder.setRun(cells, unitChunks(first), first.line, unitConfidence(first));
    return { built: builder.finish(), lastLine: first.lastLine };
  }
  let taken: Unit = { ...first, values: [] };
  for (const unit of from) {
    if (unit.glued) break;
    taken = { ...taken, values: [...taken.values, ...unit.values], lastLine: unit.lastLine };
    if (taken.values.filter(isValueToken).length >= WIDTH || unitCells(taken, WIDTH)) break;
  }
  const fit = unitCells(taken, WIDTH);
  for (let g = 0; g < REVIEW_GROUPS.length; g++) {
    const group = REVIEW_GROUPS[g]!;
    if (!fit) builder.missingRow(group.key, misfit(taken, WIDTH), first.line);
    else for (let c = 0; c < REVIEW_COLUMNS.length; c++) builder.set(group.key, REVIEW_COLUMNS[c]!, fit[g * REVIEW_COLUMNS.length + c]!, first.line);
  }
  return { built: builder.finish(), lastLine: taken.lastLine };
}
