import { diagnostic } from '../diagnostics.js';
import type { Line } from '../extract/document.js';
import type { Diagnostic } from '../schema/index.js';
import { ACTIVE_DISCLOSURE, VERSION_SIGNALS, type DisclosureBlock, type DisclosureRow, type TemplateVersion } from '../schema/template.js';
import { compact } from '../text/index.js';
import { TableBuilder, type BuiltTable, type Column } from './table-builder.js';
import { linesToTokens, type Token } from './tokens.js';
import { gluedShort, hasValue, misfit, tokensToUnits, unitCells, unitChunks, unitConfidence, type Unit } from './units.js';

export interface ParsedActiveDisclosure {
  /** Version named by the headers; `mixed` when headers of both versions occur. */
  signal: TemplateVersion | 'mixed' | null;
  version: TemplateVersion;
  built: BuiltTable;
  lastLine: number;
}

const BLOCK = /第二十条第[（(]?([一二三四五六七八九十]+)[)）]?项/g;
/** A header that gives amounts in 元 rather than 万元 (`采购总金额（元）`). */
const YUAN_HEADER = /金额[（(](?:单位[:：])?元[)）]/;

/** Which version the 表二 headers belong to, from the header tokens of either version. */
export function linesToDisclosureSignal(lines: readonly Line[]): TemplateVersion | 'mixed' | null {
  const text = lines.map((l) => compact(l.text)).join('');
  const v2019 = VERSION_SIGNALS['2019'].test(text);
  const v2021 = VERSION_SIGNALS['2021'].test(text);
  return v2019 && v2021 ? 'mixed' : v2019 ? '2019' : v2021 ? '2021' : null;
}

interface Named {
  block: DisclosureBlock;
  row: DisclosureRow;
  at: number;
}

/**
 * 表二: blocks introduced by 第二十条第（X）项 and a 信息内容 header, then data rows. A value unit
 * belongs to the row named nearest before it (on its own line first); every row is named by
 * its own words, so blocks may come in any order.
 */
export function parseActiveDisclosure(lines: readonly Line[], hint: TemplateVersion | null): ParsedActiveDisclosure | null {
  // Each unit's steps are functions of their own: V8 compiled this one whole twice a worker,
  // 120–230 ms each on a 2-core machine, and a new shape met at any step throws the whole away.
  const signal = linesToDisclosureSignal(lines);
  const version: TemplateVersion = signal === '2019' || signal === '2021' ? signal : (hint ?? '2021');
  const blocks = ACTIVE_DISCLOSURE[version];
  const builder = new TableBuilder('activeDisclosure', blocks.flatMap((b) => b.rows.map((row) => ({ row, columns: b.columns }))), version);
  const diagnostics: Diagnostic[] = [];
  const tokens = linesToTokens(lines);
  const units = tokensToUnits(tokens);
  const glued = gluedShort(units);
  let found = 0;
  let lastLine = lines[0]?.no ?? 0;
  let yuan = false;
  for (const unit of units) {
    const names = unitToNames(unit, blocks, version, yuan, diagnostics);
    yuan = names.yuan;
    const target = names.own[names.own.length - 1] ?? names.weak[names.weak.length - 1];
    // Rows named in run-together text with no digits after them: their cells were blank.
    for (const n of names.named) if (n !== target && !builder.has(n.row.key)) builder.blankRow(n.row.key, unit.line);
    if (!target) {
      unknownRow(unit, diagnostics);
      continue;
    }
    found++;
    lastLine = unit.lastLine;
    if (!builder.has(target.row.key)) unitToCells(unit, target, yuan, glued, builder);
  }
  trailingBlankRows(tokens, blocks, builder);
  if (found === 0) return null;
  const built = builder.finish();
  built.diagnostics.unshift(...diagnostics);
  return { signal, version, built, lastLine };
}

/**
 * The rows a unit's labels name: on its own line, before it, and those named in passing (all
 * but the last of several in one piece). A row named before a block's header is no row of the
 * values after it: its own values were lost, or printed before its label. Blocks not in the
 * template are reported; `yuan` is whether the block's header gives 元, carried from unit to unit.
 */
function unitToNames(unit: Unit, blocks: readonly DisclosureBlock[], version: TemplateVersion, yuan: boolean, diagnostics: Diagnostic[]) {
  let own: Named[] = [];
  let weak: Named[] = [];
  const named: Named[] = [];
  for (const piece of unit.before) {
    const text = compact(piece.text);
    for (const m of text.matchAll(BLOCK)) {
      yuan = false;
      weak = [];
      if (!blocks.some((b) => b.item === m[1])) {
        diagnostics.push(
          diagnostic('warning', 'unknown-block', `表二: block 第二十条第（${m[1]}）项 is not part of the ${version} template; ignored`, {
            where: { table: 'activeDisclosure', line: piece.line },
          }),
        );
      }
    }
    if (YUAN_HEADER.test(text)) yuan = true;
    const here = nameRows(text, blocks);
    if (unit.seqs.has(piece.seq)) own = [...own, ...here];
    else weak = [...weak, ...here];
    if (!piece.cell && here.length > 1) named.push(...here.slice(0, -1));
  }
  return { own, weak, named, yuan };
}

function unknownRow(unit: Unit, diagnostics: Diagnostic[]): void {
  const label = unit.before.map((t) => compact(t.text)).join('');
  if (hasValue(unit) && label !== '') {
    diagnostics.push(
      diagnostic('warning', 'unknown-row', `表二: row "${label}" with values matches no template row; ignored`, {
        where: { table: 'activeDisclosure', line: unit.line },
      }),
    );
  }
}

/** A unit's values into its row's cells: split when its digits ran together, missing when they do not fit. */
function unitToCells(unit: Unit, target: Named, yuan: boolean, glued: ReturnType<typeof gluedShort>, builder: TableBuilder): void {
  const key = target.row.key;
  const columns = yuan ? target.block.columns.map(inYuan) : target.block.columns;
  if (glued(unit, columns.length)) builder.setRun(columns.map((column) => ({ row: key, column })), unitChunks(unit), unit.line, unitConfidence(unit));
  else {
    const cells = unitCells(unit, columns.length);
    if (cells) columns.forEach((c, i) => builder.set(key, c, cells[i]!, unit.line));
    else builder.missingRow(key, misfit(unit, columns.length), unit.line);
  }
}

/**
 * Rows named after the last values on their line, in run-together text: blank cells at the end
 * of the table. A label on a line of its own after them is no blank: reading order puts a
 * label after its value as often as before (the row is then missing, not blank).
 */
function trailingBlankRows(tokens: readonly Token[], blocks: readonly DisclosureBlock[], builder: TableBuilder): void {
  const lastValue = tokens.findLastIndex((t) => t.kind !== 'label');
  if (lastValue < 0) return;
  const line = tokens[lastValue]!.seq;
  for (const t of tokens.slice(lastValue + 1)) {
    if (!t.cell && t.seq === line) for (const n of nameRows(compact(t.text), blocks)) if (!builder.has(n.row.key)) builder.blankRow(n.row.key, t.line);
  }
}

/** The template rows a piece of label text names, in the order they stand in it. */
function nameRows(text: string, blocks: readonly DisclosureBlock[]): Named[] {
  const named: Named[] = [];
  for (const block of blocks) {
    for (const row of block.rows) {
      const m = row.match.exec(text);
      if (m) named.push({ block, row, at: m.index });
    }
  }
  return named.sort((a, b) => a.at - b.at);
}

/** An amount column whose header gives 元: its cells are converted to 万元. */
function inYuan(column: Column): Column {
  return column.kind === 'money' ? { ...column, yuan: true } : column;
}
