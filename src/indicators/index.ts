import { cellAt } from '../schema/row-path.js';
// Definitions and template only, not the zod schemas: failed records are built on the CLI's main thread.
import { INDICATORS, definitionText, type IndicatorDefinition, type Term } from '../schema/indicator-definitions.js';
import type { Diagnostic, Indicator, Indicators, Report, TableCell } from '../schema/index.js';
import { RELATION_RULES } from '../schema/relations.js';
import { TABLE_NAMES } from '../schema/template.js';

type Tables = Report['tables'];

/** How the cells were read, and which failed a 勾稽 relation, for the indicators' basis. */
export interface Readings {
  split?: readonly TableCell[];
  confidence?: Report['confidence'];
  /** Cells at which a relation between cells failed (the cell its diagnostic names). */
  failed?: readonly TableCell[];
}

/** The rules that relate cells of one table: their diagnostics name the cell the relation lands on. */
const RELATIONS = new Set<string>(RELATION_RULES);

/** The cells the failed relations of a report name. */
export function failedCells(diagnostics: readonly Diagnostic[]): TableCell[] {
  return diagnostics.flatMap((d) => {
    const w = d.where;
    if (d.severity !== 'error' || !RELATIONS.has(d.rule) || !w?.table || !w.row || !w.column) return [];
    return [{ table: w.table as TableCell['table'], row: w.row, column: w.column }];
  });
}

const DEFINITIONS = new Map<string, string>(INDICATORS.map((d) => [d.key, definitionText(d)]));

/** Every indicator of the template, from the tables: a value, or null with the reason. */
export function tablesToIndicators(tables: Tables, readings: Readings = {}): Indicators {
  const split = new Set((readings.split ?? []).map(refId));
  const failed = new Set((readings.failed ?? []).map(refId));
  const out = {} as Record<string, Indicator>;
  for (const def of INDICATORS) out[def.key] = indicator(def, tables, { split, failed }, readings.confidence);
  return out as Indicators;
}

function indicator(def: IndicatorDefinition, tables: Tables, cells: Record<'split' | 'failed', ReadonlySet<string>>, confidence: Readings['confidence']): Indicator {
  const definition = DEFINITIONS.get(def.key)!;
  const numerator = sum(def.numerator, tables);
  const denominator = sum(def.denominator, tables);
  const basis = new Set<Indicator['basis'][number]>();
  for (const t of [...def.numerator, ...def.denominator]) {
    if (cells.split.has(refId(t))) basis.add('split');
    if (cells.failed.has(refId(t))) basis.add('check-failed');
    if (typeof cellOf(confidence ?? null, t) === 'number') basis.add('ocr');
  }
  const reason = numerator.missing ?? denominator.missing ?? (denominator.value === 0 ? `the denominator is 0 (${sideText(def.denominator)})` : null);
  const value = reason === null ? numerator.value! / denominator.value! : null;
  return { value, numerator: numerator.value, denominator: denominator.value, definition, reason, basis: [...basis].sort() };
}

function sum(terms: readonly Term[], tables: Tables): { value: number | null; missing: string | null } {
  let value = 0;
  for (const t of terms) {
    if (tables[t.table] === null) return { value: null, missing: `${TABLE_NAMES[t.table]} was not read` };
    const v = cellOf(tables, t);
    if (typeof v !== 'number') return { value: null, missing: `${t.label} (${refId(t)}) is null` };
    value += t.sign * v;
  }
  return { value, missing: null };
}

const cellOf = (tables: Tables | null, t: Term): unknown => cellAt<unknown>(tables?.[t.table], t.row, t.column);

const refId = (c: TableCell | Term): string => `${c.table}.${c.row}.${c.column}`;
const sideText = (terms: readonly Term[]) => terms.map((t, i) => `${i === 0 ? '' : t.sign < 0 ? ' − ' : ' + '}${t.label}`).join('');

export { agencyToKind, publicationDeadline, publishedOnTime } from './deadline.js';
