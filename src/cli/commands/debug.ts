import { readFile } from 'node:fs/promises';
import { bytesToDocument, sniffFormat } from '../../extract/read.js';
import { bytesToLayouts } from '../../extract/pdf/index.js';
import { normalizeLines } from '../../normalize/index.js';
import { TABLES } from '../../schema/template.js';
import { linesToSections, splitRunTogether } from '../../segment/index.js';
import { linesToRegions } from '../../tables/regions.js';
import { confidenceText, OCR_MIN_CONFIDENCE } from '../../tables/table-builder.js';
import { linesToTokens } from '../../tables/tokens.js';
import { tokensToUnits } from '../../tables/units.js';
import type { Grid } from '../../extract/pdf/types.js';
import type { CliIO } from '../io.js';

/**
 * The reader's intermediate results, so a wrong cell can be traced to its cause:
 * `tables` prints each page's ruled grids with cell spans; `lines` prints the line stream the
 * table parsers read (cells separated by │); `units` prints, per table, the label pieces and the
 * value units they precede (`*` marks digits that ran together).
 */
export async function debugCommand(what: 'tables' | 'lines' | 'units', file: string, io: CliIO): Promise<number> {
  const bytes = await readFile(file);
  if (what === 'tables') {
    if (sniffFormat(file, bytes) !== 'pdf') {
      io.stderr.write(`gov-report: ${file}: debug tables reads PDFs; use debug lines for other formats\n`);
      return 2;
    }
    const read = await bytesToLayouts(bytes);
    for (const layout of read.layouts) {
      const grids = layout.blocks.filter((b) => b.grid).map((b) => b.grid!);
      io.stdout.write(`page ${layout.page}: ${grids.length} table${grids.length === 1 ? '' : 's'}${read.scanned.includes(layout.page) ? ' (scanned: no text layer)' : ''}\n`);
      grids.forEach((g, i) => io.stdout.write(gridToText(g, i + 1)));
    }
    return 0;
  }
  const doc = await bytesToDocument(file, bytes);
  const lines = splitRunTogether(normalizeLines(doc.lines));
  if (what === 'units') {
    const regions = linesToRegions(lines, linesToSections(lines).spans);
    for (const { key, label } of TABLES) {
      const region = regions[key];
      io.stdout.write(`${label}: ${region ? `lines ${lines[region.start]!.no}–${lines[region.end - 1]!.no}` : 'not found'}\n`);
      if (!region) continue;
      for (const unit of tokensToUnits(linesToTokens(lines.slice(region.start, region.end)))) {
        const labels = unit.before.map((t) => `[${t.text}]`).join(' ');
        const values = unit.values.map((v) => (v.kind === 'empty' ? '∅' : v.text)).join(' ');
        io.stdout.write(`  ${String(unit.line).padStart(6)}  ${labels}${labels ? ' → ' : ''}${values}${unit.glued ? ' *' : ''}\n`);
      }
    }
    return 0;
  }
  for (const line of lines) {
    const where = line.page === undefined ? `${line.no}` : `p${line.page} ${line.no}`;
    // A line read by OCR says so, with the recogniser's least confidence; cells it doubts show theirs.
    const ocr = line.ocr ? ` ocr ${confidenceText(line.ocr.confidence)}` : '';
    const cells = line.cells?.map((c, i) => {
      const confidence = line.ocr?.cells?.[i];
      return confidence !== undefined && confidence < OCR_MIN_CONFIDENCE ? `${c}⟨${confidenceText(confidence)}⟩` : c;
    });
    io.stdout.write(`${where.padStart(8)}${ocr}  ${cells ? cells.join(' │ ') : line.text}\n`);
  }
  return 0;
}

export function gridToText(grid: Grid, index: number): string {
  const rows = grid.ys.length - 1;
  const cols = grid.xs.length - 1;
  const xs = grid.xs.map((x) => x.toFixed(1)).join(' ');
  let out = `  table ${index}: ${rows} rows × ${cols} columns, x = ${xs}\n`;
  for (let r = 0; r < rows; r++) {
    const cells = grid.cells.filter((c) => c.row === r);
    if (cells.length === 0) continue;
    const text = cells.map((c) => {
      const span = c.rowspan > 1 || c.colspan > 1 ? `⟨${c.rowspan}×${c.colspan}⟩` : '';
      return `c${c.col}${span} ${JSON.stringify(c.text)}`;
    });
    out += `    r${String(r).padEnd(3)} y=${grid.ys[r]!.toFixed(1).padStart(6)}  ${text.join('  ')}\n`;
  }
  return out;
}
