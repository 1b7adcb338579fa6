import { diagnostic } from '../diagnostics.js';
import type { Line } from '../extract/document.js';
import { compact } from '../normalize/index.js';
import type { Diagnostic } from '../schema/index.js';
import { ACTIVE_DISCLOSURE, VERSION_SIGNALS, type DisclosureBlock, type TemplateVersion } from '../schema/template.js';
import { fitValues, hasValues, lineToRow } from './rows.js';
import { TableBuilder, type BuiltTable } from './table-builder.js';

export interface ParsedActiveDisclosure {
  /** Version named by the headers; `mixed` when headers of both versions occur. */
  signal: TemplateVersion | 'mixed' | null;
  version: TemplateVersion;
  built: BuiltTable;
  lastLine: number;
}

const BLOCK = /第二十条第[（(]?([一二三四五六七八九十]+)[)）]?项/;
const HEADER = /^信息内容/;

/** Which version the 表二 headers belong to, from the header tokens of either version. */
export function linesToDisclosureSignal(lines: readonly Line[]): TemplateVersion | 'mixed' | null {
  const text = lines.map((l) => compact(l.text)).join('');
  const v2019 = VERSION_SIGNALS['2019'].test(text);
  const v2021 = VERSION_SIGNALS['2021'].test(text);
  return v2019 && v2021 ? 'mixed' : v2019 ? '2019' : v2021 ? '2021' : null;
}

/**
 * 表二: blocks introduced by 第二十条第（X）项, a 信息内容 header row, then data rows. Values
 * are placed in the block's template columns in order.
 */
export function parseActiveDisclosure(lines: readonly Line[], hint: TemplateVersion | null): ParsedActiveDisclosure | null {
  const signal = linesToDisclosureSignal(lines);
  const version: TemplateVersion = signal === '2019' || signal === '2021' ? signal : (hint ?? '2021');
  const blocks = ACTIVE_DISCLOSURE[version];
  const builder = new TableBuilder(
    'activeDisclosure',
    blocks.flatMap((b) => b.rows.map((row) => ({ row, columns: b.columns }))),
  );
  const diagnostics: Diagnostic[] = [];
  let block: DisclosureBlock | undefined;
  let found = 0;
  let lastLine = lines[0]?.no ?? 0;
  for (const line of lines) {
    const row = lineToRow(line);
    const item = BLOCK.exec(row.label)?.[1];
    if (item) {
      block = blocks.find((b) => b.item === item);
      lastLine = line.no;
      if (!block) {
        diagnostics.push(
          diagnostic('warning', 'unknown-block', `表二: block 第二十条第（${item}）项 is not part of the ${version} template; ignored`, {
            where: { table: 'activeDisclosure', line: line.no },
          }),
        );
      }
      continue;
    }
    if (HEADER.test(row.label)) continue;
    const candidates = block ? [block] : blocks;
    const match = candidates.flatMap((b) => b.rows.map((r) => ({ b, r }))).find(({ r }) => r.match.test(row.label));
    if (!match) {
      if (hasValues(row) && row.label !== '') {
        diagnostics.push(
          diagnostic('warning', 'unknown-row', `表二: row "${row.label}" with values matches no template row; ignored`, {
            where: { table: 'activeDisclosure', line: line.no },
          }),
        );
      }
      continue;
    }
    if (!hasValues(row) && row.values.length === 0) continue;
    found++;
    lastLine = line.no;
    if (builder.has(match.r.key)) continue;
    const fit = fitValues(row.values, match.b.columns.length);
    if (fit.ok) match.b.columns.forEach((c, i) => builder.set(match.r.key, c, fit.cells[i]!, line.no));
    else builder.missingRow(match.r.key, fit.reason, line.no);
  }
  if (found === 0) return null;
  const built = builder.finish();
  built.diagnostics.unshift(...diagnostics);
  return { signal, version, built, lastLine };
}
