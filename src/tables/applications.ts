import { diagnostic } from '../diagnostics.js';
import type { Line } from '../extract/document.js';
import type { Diagnostic } from '../schema/index.js';
import {
  APPLICATION_COLUMNS,
  APPLICATION_GROUPS,
  APPLICATION_ROWS,
  type ApplicationGroup,
  type ApplicationRow,
  type TemplateVersion,
} from '../schema/template.js';
import { fitValues, hasValues, lineToRow } from './rows.js';
import { TableBuilder, type BuiltTable } from './table-builder.js';

/** One logical row of 表三 after wrapped label pieces were joined. */
export interface ApplicationItem {
  label: string;
  values: string[];
  group: ApplicationGroup | null;
  line: number;
  lastLine: number;
}

export interface ParsedApplications {
  /** Version shown by the （六） rows themselves; null when they were not found. */
  signal: TemplateVersion | null;
  /** Version whose rows were read: the signal, else the hint. */
  version: TemplateVersion;
  built: BuiltTable;
  items: ApplicationItem[];
  lastLine: number;
}

const HEADER = /申请人情况|自然人|法人或其他组织|商业企业|科研机构|社会公益|法律服务机构|勾稽关系|第[一二三四]项之和/;
const RESULTS_GROUP = /三[、.．]?本年度办理结果|本年度办理结果/;
/** A label piece that starts a new row: 1. / （二） / 一、 */
const NUMBERED = /^(\d+[.．、]|[（(][一二三四五六七八九十][)）]|[一二三四五六七八九十][、.．])/;
const TOTAL = /总计|合计/;

/**
 * 表三 from its lines. Labels arrive cut and wrapped (`1. 属于国` / `家秘密`), with the
 * group label (（三）不予公开) in the same row as the first sub-row, so rows are first
 * assembled (linesToItems), then each is identified by its distinctive phrase, or by its
 * number within the group when the phrase was cut.
 */
export function parseApplications(lines: readonly Line[], hint: TemplateVersion | null): ParsedApplications | null {
  const items = linesToItems(lines);
  if (items.length === 0) return null;
  const diagnostics: Diagnostic[] = [];
  const keyed = itemsToKeys(items);
  const signal = versionOf(keyed.map((k) => k.key));
  const version = signal ?? hint ?? '2021';
  const rows = APPLICATION_ROWS[version];
  const builder = new TableBuilder(
    'applications',
    rows.map((row) => ({ row, columns: APPLICATION_COLUMNS })),
  );
  for (const { item, key } of keyed) {
    if (key === null) {
      diagnostics.push(
        diagnostic('warning', 'unknown-row', `表三: row "${item.label || '(no label)'}" with values matches no template row; ignored`, {
          where: { table: 'applications', line: item.line },
        }),
      );
      continue;
    }
    const row = rows.find((r) => r.key === key);
    if (!row) {
      diagnostics.push(
        diagnostic('info', 'subtotal-row', `表三: subtotal row "${item.label || key}" is not part of the template; ignored`, {
          where: { table: 'applications', row: key, line: item.line },
        }),
      );
      continue;
    }
    if (builder.has(key)) {
      diagnostics.push(
        diagnostic('warning', 'duplicate-row', `表三 row ${row.label} (${key}) appears again; the first one is kept`, {
          where: { table: 'applications', row: key, line: item.line },
        }),
      );
      continue;
    }
    const fit = fitValues(item.values, APPLICATION_COLUMNS.length);
    if (fit.ok) APPLICATION_COLUMNS.forEach((c, i) => builder.set(key, c, fit.cells[i]!, item.line));
    else builder.missingRow(key, fit.reason, item.line);
  }
  const built = builder.finish();
  built.diagnostics.unshift(...diagnostics);
  return { signal, version, built, items, lastLine: Math.max(...items.map((i) => i.lastLine)) };
}

export function linesToItems(lines: readonly Line[]): ApplicationItem[] {
  const items: ApplicationItem[] = [];
  let pending = '';
  let group: ApplicationGroup | null = null;
  let started = false;
  let lastWasValues = false;
  let done = false;
  for (const line of lines) {
    const row = lineToRow(line);
    let label = row.label;
    const values = hasValues(row);
    if (done && values) break;
    if (HEADER.test(label) && !values) {
      if (!started) pending = '';
      continue;
    }
    for (const g of APPLICATION_GROUPS) {
      if (g.match.test(label)) {
        group = g.group;
        label = label.replace(g.match, '');
      }
    }
    label = label.replace(RESULTS_GROUP, '');
    if (values) {
      started = true;
      // A numbered label starts afresh; header debris or a cut label before it is not part of it.
      const full = NUMBERED.test(label) || pending === '' ? label : pending + label;
      const item = { label: full, values: row.values, group, line: line.no, lastLine: line.no };
      if (TOTAL.test(item.label) || /结转下年/.test(item.label)) group = null;
      if (/结转下年/.test(item.label)) done = true;
      items.push(item);
      pending = '';
      lastWasValues = true;
      continue;
    }
    if (label === '') continue;
    if (NUMBERED.test(label)) {
      pending = label;
    } else if (pending !== '' || !lastWasValues || items.length === 0) {
      // The rest of a label whose values are still to come (values printed mid-way down a wrapped cell).
      pending += label;
    } else {
      const previous = items[items.length - 1]!;
      previous.label += label;
      previous.lastLine = line.no;
      continue;
    }
    lastWasValues = false;
  }
  return items;
}

/**
 * Identify every item. A numbered sub-row whose phrase was cut and whose group label is printed
 * further down (layouts centre the group label vertically) takes the group of the neighbouring
 * sub-row numbered one less or one more.
 */
export function itemsToKeys(items: readonly ApplicationItem[]): Array<{ item: ApplicationItem; key: string | null }> {
  const keyed = items.map((item) => ({ item, key: itemToKey(item) }));
  const rowOf = (key: string | null) => (key ? ALL_ROWS.find((r) => r.key === key) : undefined);
  keyed.forEach((k, i) => {
    const n = /^(\d+)[.．、]?/.exec(k.item.label);
    if (k.key !== null || !n) return;
    const before = rowOf(keyed[i - 1]?.key ?? null);
    const after = rowOf(keyed[i + 1]?.key ?? null);
    const group =
      before?.n === Number(n[1]) - 1 ? before.group : after?.n === Number(n[1]) + 1 ? after.group : undefined;
    const row = ALL_ROWS.find((r) => r.group === group && r.n === Number(n[1]));
    if (row) k.key = row.key;
  });
  return keyed;
}

const ALL_ROWS: readonly ApplicationRow[] = [...APPLICATION_ROWS['2021'], ...APPLICATION_ROWS['2019']];

/** The row key of an item, `null` when nothing identifies it; a group key alone marks a subtotal. */
export function itemToKey(item: ApplicationItem): string | null {
  const label = item.label;
  if (label === '') return item.group;
  if (item.group === 'otherHandling' && /^(\d[.．、]?)?其他$/.test(label)) return 'otherHandling.other';
  for (const row of ALL_ROWS) {
    if (row.key === 'otherHandling.other' || row.key === 'otherHandling') continue;
    if (row.match.test(label)) return row.key;
  }
  if (TOTAL.test(label)) return 'total';
  const n = /^(\d+)[.．、]?/.exec(label);
  if (n && item.group) {
    const row = ALL_ROWS.find((r) => r.group === item.group && r.n === Number(n[1]));
    if (row) return row.key;
  }
  return null;
}

function versionOf(keys: readonly (string | null)[]): TemplateVersion | null {
  if (keys.some((k) => k?.startsWith('otherHandling.'))) return '2021';
  if (keys.includes('otherHandling')) return '2019';
  return null;
}
