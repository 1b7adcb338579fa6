import {
  ACTIVE_DISCLOSURE,
  APPLICANT_COLUMNS,
  APPLICATION_COLUMNS,
  APPLICATION_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  type TableKey,
  type TemplateVersion,
} from './template.js';

/** One cell of a table, by row key (dotted for nested 表三 rows) and column key. */
export interface CellRef {
  row: string;
  column: string;
}

/**
 * A relation the cells of a table satisfy: sum(left) = sum(right). The 勾稽 rules check them;
 * the reader of run-together digits uses the same ones to choose between splits.
 */
export interface Relation {
  /** The rule that checks it; `disclosure-decisions` is not checked (many reports break it). */
  rule: RelationRule;
  /** How the part is named to a reader: `row （二）部分公开…`, `column 自然人`, `group 行政复议`. */
  part: string;
  table: TableKey;
  /** The cell a failure is reported at. */
  at: CellRef;
  left: readonly CellRef[];
  right: readonly CellRef[];
  /**
   * Stated by the template (the corner cell, the totals): assumed whenever digits must be split.
   * Otherwise it holds in many reports only, and is used only where some split satisfies it.
   */
  stated: boolean;
}

/** The rules whose relations tie cells of one table together. */
export const RELATION_RULES = ['applications-balance', 'applications-row-total', 'applications-outcome-total', 'review-litigation-total', 'disclosure-decisions'] as const;
export type RelationRule = (typeof RELATION_RULES)[number];

/** A relation's identity, for marking the ones a reading assumed. */
export const relationId = (r: Pick<Relation, 'rule' | 'part'>): string => `${r.rule}: ${r.part}`;

const cells = (rows: readonly string[], column: string): CellRef[] => rows.map((row) => ({ row, column }));

function applicationRelations(version: TemplateVersion): Relation[] {
  const rows = APPLICATION_ROWS[version];
  const outcomes = rows.filter((r) => r.outcome).map((r) => r.key);
  return [
    ...APPLICATION_COLUMNS.map((c) => ({
      rule: 'applications-balance' as const,
      part: `column ${c.label}`,
      table: 'applications' as const,
      at: { row: 'total', column: c.key },
      left: cells(['newReceived', 'carriedOver'], c.key),
      right: cells(['total', 'carriedForward'], c.key),
      stated: true,
    })),
    ...rows.map((r) => ({
      rule: 'applications-row-total' as const,
      part: `row ${r.label}`,
      table: 'applications' as const,
      at: { row: r.key, column: 'total' },
      left: APPLICANT_COLUMNS.map((c) => ({ row: r.key, column: c.key })),
      right: [{ row: r.key, column: 'total' }],
      stated: true,
    })),
    ...APPLICATION_COLUMNS.map((c) => ({
      rule: 'applications-outcome-total' as const,
      part: `column ${c.label}`,
      table: 'applications' as const,
      at: { row: 'total', column: c.key },
      left: cells(outcomes, c.key),
      right: [{ row: 'total', column: c.key }],
      stated: true,
    })),
  ];
}

function reviewRelations(): Relation[] {
  const parts = REVIEW_COLUMNS.filter((c) => c.key !== 'total');
  return REVIEW_GROUPS.map((g) => ({
    rule: 'review-litigation-total' as const,
    part: `group ${g.label}`,
    table: 'reviewLitigation' as const,
    at: { row: g.key, column: 'total' },
    left: parts.map((c) => ({ row: g.key, column: c.key })),
    right: [{ row: g.key, column: 'total' }],
    stated: true,
  }));
}

/** 2019 表二 （五）（六）: 处理决定数量 = 上一年项目数量 + 本年增/减, as many reports fill it in. */
function disclosureRelations(version: TemplateVersion): Relation[] {
  return ACTIVE_DISCLOSURE[version]
    .filter((b) => ['previousCount', 'change', 'decisions'].every((k) => b.columns.some((c) => c.key === k)))
    .flatMap((b) =>
      b.rows.map((r) => ({
        rule: 'disclosure-decisions' as const,
        part: `row ${r.label}`,
        table: 'activeDisclosure' as const,
        at: { row: r.key, column: 'decisions' },
        left: [{ row: r.key, column: 'previousCount' }, { row: r.key, column: 'change' }],
        right: [{ row: r.key, column: 'decisions' }],
        stated: false,
      })),
    );
}

const BY_TABLE: Record<TableKey, Record<TemplateVersion, Relation[]>> = {
  activeDisclosure: { '2019': disclosureRelations('2019'), '2021': disclosureRelations('2021') },
  applications: { '2019': applicationRelations('2019'), '2021': applicationRelations('2021') },
  reviewLitigation: { '2019': reviewRelations(), '2021': reviewRelations() },
};

/** Every relation of one table in one layout version, built once. */
export function relationsOf(table: TableKey, version: TemplateVersion): readonly Relation[] {
  return BY_TABLE[table][version];
}
