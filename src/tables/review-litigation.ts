import type { Line } from '../extract/document.js';
import { REVIEW_COLUMNS, REVIEW_GROUPS } from '../schema/template.js';
import { fitValues, hasValues, lineToRow } from './rows.js';
import { TableBuilder, type BuiltTable } from './table-builder.js';

export interface ParsedReviewLitigation {
  built: BuiltTable;
  lastLine: number;
}

const WIDTH = REVIEW_GROUPS.length * REVIEW_COLUMNS.length;

/**
 * 表四 is one row of 15 values under a two-level header. The header is often garbled, so the
 * values are taken from the first row that has any; when a shape spreads them over several
 * rows they are read on until 15 are collected.
 */
export function parseReviewLitigation(lines: readonly Line[]): ParsedReviewLitigation | null {
  const rows = lines.map(lineToRow).filter(hasValues);
  if (rows.length === 0) return null;
  const specs = REVIEW_GROUPS.map((row) => ({ row, columns: REVIEW_COLUMNS }));
  const builder = new TableBuilder('reviewLitigation', specs);
  let values: string[] = [];
  let lastLine = rows[0]!.line.no;
  for (const row of rows) {
    values = [...values, ...row.values];
    lastLine = row.line.no;
    if (values.filter((v) => v.trim() !== '').length >= WIDTH || fitValues(values, WIDTH).ok) break;
  }
  const fit = fitValues(values, WIDTH);
  REVIEW_GROUPS.forEach((group, g) => {
    if (!fit.ok) return builder.missingRow(group.key, fit.reason, rows[0]!.line.no);
    REVIEW_COLUMNS.forEach((column, c) =>
      builder.set(group.key, column, fit.cells[g * REVIEW_COLUMNS.length + c]!, rows[0]!.line.no),
    );
  });
  return { built: builder.finish(), lastLine };
}
