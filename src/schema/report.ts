import { z } from './zod.js';
import {
  ACTIVE_DISCLOSURE,
  APPLICATION_COLUMNS,
  APPLICATION_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  SECTIONS,
  TABLES,
  TEMPLATES,
  type Labelled,
  type TemplateVersion,
} from './template.js';
import { IndicatorsSchema } from './indicators.js';

const TABLE_KEYS = TABLES.map((t) => t.key) as ['activeDisclosure', 'applications', 'reviewLitigation'];

/** A number read from a cell, or null when the cell is empty, a placeholder or unreadable. */
export const CellSchema = z.number().nullable();
/** The cell text as it stood in the document; null when no cell was found at all. */
export const RawCellSchema = z.string().nullable();

type Shape<T extends z.ZodType> = Record<string, T | z.ZodObject<Record<string, z.ZodType>>>;

function objectOf<T extends z.ZodType>(items: readonly Labelled[], value: () => T): z.ZodObject<Record<string, T>> {
  const shape: Record<string, T> = {};
  for (const { key, label } of items) shape[key] = value().meta({ title: label }) as T;
  return z.strictObject(shape);
}

/** Dotted row keys nest: `denied.stateSecret` → `{ denied: { stateSecret: … } }`. */
function nestedRows(rows: readonly Labelled[], leaf: (row: Labelled) => z.ZodType): z.ZodObject {
  const shape: Shape<z.ZodType> = {};
  const groups = new Map<string, Record<string, z.ZodType>>();
  for (const row of rows) {
    const [head, tail] = row.key.split('.') as [string, string | undefined];
    if (tail === undefined) {
      shape[head] = leaf(row);
      continue;
    }
    let group = groups.get(head);
    if (!group) groups.set(head, (group = {}));
    group[tail] = leaf(row);
  }
  for (const [head, group] of groups) shape[head] = z.strictObject(group);
  return z.strictObject(shape);
}

/** Each table's schema per layout version, and the tables object that admits either. */
function tableSchemas(cell: () => z.ZodType) {
  const disclosure = (v: TemplateVersion) =>
    z
      .strictObject(
        Object.fromEntries(
          ACTIVE_DISCLOSURE[v].flatMap((block) =>
            block.rows.map((r) => [r.key, objectOf(block.columns, cell).meta({ title: r.label })]),
          ),
        ),
      )
      .meta({ title: `表二 主动公开政府信息情况 (${v})` });
  const applications = (v: TemplateVersion) =>
    nestedRows(APPLICATION_ROWS[v], (r) => objectOf(APPLICATION_COLUMNS, cell).meta({ title: r.label })).meta({
      title: `表三 收到和处理政府信息公开申请情况 (${v})`,
    });
  const review = z
    .strictObject(
      Object.fromEntries(REVIEW_GROUPS.map((g) => [g.key, objectOf(REVIEW_COLUMNS, cell).meta({ title: g.label })])),
    )
    .meta({ title: '表四 行政复议、行政诉讼情况' });
  const byVersion = {
    activeDisclosure: { '2019': disclosure('2019'), '2021': disclosure('2021') },
    applications: { '2019': applications('2019'), '2021': applications('2021') },
    reviewLitigation: { '2019': review, '2021': review },
  } as const;
  const object = z.strictObject({
    activeDisclosure: z.union([byVersion.activeDisclosure['2021'], byVersion.activeDisclosure['2019']]).nullable(),
    applications: z.union([byVersion.applications['2021'], byVersion.applications['2019']]).nullable(),
    reviewLitigation: review.nullable(),
  });
  return { object, byVersion };
}

const cellTables = tableSchemas(() => CellSchema);
const rawTables = tableSchemas(() => RawCellSchema);

export const TablesSchema = cellTables.object.meta({
  description: 'Numbers of 表二, 表三 and 表四; a table that was not found is null.',
});
export const RawTablesSchema = rawTables.object.meta({
  description: 'The cell text behind every value of `tables`, same shape.',
});
/** The same table schemas, by layout version: validation picks the one a table's keys name. */
export const TABLE_SCHEMAS = { tables: cellTables.byVersion, raw: rawTables.byVersion, confidence: cellTables.byVersion };

/** OCR's confidence in each value it read (0–1), same shape as `tables`; present only when OCR read some. */
export const ConfidenceSchema = cellTables.object.meta({
  description: "Values read by OCR: the recogniser's confidence (0–1) in each (null where a value was not read by OCR), same shape as tables.",
});

export const TableCellSchema = z.strictObject({ table: z.enum(TABLE_KEYS), row: z.string(), column: z.string() });

export const SeveritySchema = z.enum(['error', 'warning', 'info']);

export const WhereSchema = z
  .strictObject({
    table: z.string(),
    row: z.string(),
    column: z.string(),
    section: z.number().int(),
    page: z.number().int(),
    line: z.number().int(),
  })
  .partial();

export const DiagnosticSchema = z.strictObject({
  severity: SeveritySchema,
  rule: z.string().meta({ description: 'Stable rule id, e.g. applications-balance' }),
  message: z.string(),
  where: WhereSchema.optional(),
  expected: z.union([z.number(), z.string()]).optional(),
  actual: z.union([z.number(), z.string()]).optional(),
});

export const CheckOutcomeSchema = z.enum(['passed', 'failed', 'not-assessable', 'not-applicable']);

export const CheckResultSchema = z.strictObject({
  rule: z.string(),
  outcome: CheckOutcomeSchema,
  /** For failed and not-assessable outcomes: why. */
  message: z.string().optional(),
});

export const FormatSchema = z.enum(['pdf', 'txt', 'md', 'docx', 'html', 'image', 'doc']);
export const StatusSchema = z.enum(['ok', 'partial', 'failed']).meta({
  description:
    'ok: every table read; partial: read, but some values, tables or sections could not be; failed: not read at all',
});

export const SourceSchema = z.strictObject({
  path: z.string(),
  format: FormatSchema.nullable(),
  sha256: z.string().nullable(),
  pages: z.number().int().nullable(),
  encoding: z.string().nullable(),
  engine: z.enum(['pdfium', 'pdfjs']).nullable().meta({ description: 'PDFs: the engine that read the file (PDFium, or pdf.js when PDFium could not open it or was asked not to)' }),
  ocr: z.array(z.number().int()).meta({ description: 'Pages read by OCR (scanned pages; an image file is page 1)' }),
});

const IsoDate = z.iso.date();

export const AgencyKindSchema = z.enum(['government', 'department', 'unknown']).meta({
  description: 'government: a 人民政府 or 管理委员会 (or a place named alone), whose report its office compiles; department: an agency of one; unknown: neither can be told',
});

export const ReportInfoSchema = z.strictObject({
  title: z.string().nullable(),
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
  template: z.enum(TEMPLATES),
  publishedOn: IsoDate.nullable().meta({ description: "When the report was published: the page's own date (<meta name=\"PubDate\">, a crawler's 发布时间), else the date that signs the report" }),
  publishedFrom: z.enum(['page', 'signature']).nullable().meta({ description: 'Where publishedOn was read: the page\'s metadata, or the signature date ending the report' }),
  agencyKind: AgencyKindSchema,
  deadline: IsoDate.nullable().meta({ description: '条例 Art. 49: departments publish by 31 January, governments by 31 March of the year after the report year; null when the year or the kind is unknown, and for townships (乡, 镇, 街道), which it does not name' }),
  onTime: z.boolean().nullable().meta({ description: 'publishedOn on or before deadline; null when either is unknown' }),
});

export const SectionSchema = z.strictObject({
  number: z.number().int().min(1).max(6),
  id: z.enum(SECTIONS.map((s) => s.id) as [string, ...string[]]),
  heading: z.string(),
  text: z.string(),
});

export const ReportSchema = z
  .strictObject({
    source: SourceSchema,
    status: StatusSchema,
    report: ReportInfoSchema,
    sections: z.array(SectionSchema),
    tables: TablesSchema,
    raw: RawTablesSchema,
    checks: z.array(CheckResultSchema),
    diagnostics: z.array(DiagnosticSchema),
    confidence: ConfidenceSchema.optional(),
    split: z.array(TableCellSchema).optional().meta({ description: 'Cells whose value was cut from run-together digits (see the value-split diagnostics); present only when some were' }),
    indicators: IndicatorsSchema,
  })
  .meta({ id: 'GovReport', title: '政府信息公开工作年度报告 (gov-report output)' });

export type Report = z.infer<typeof ReportSchema>;
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
export type Where = z.infer<typeof WhereSchema>;
export type CheckResult = z.infer<typeof CheckResultSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Format = z.infer<typeof FormatSchema>;
export type Status = z.infer<typeof StatusSchema>;
export type Severity = z.infer<typeof SeveritySchema>;
export type ReportInfo = z.infer<typeof ReportInfoSchema>;
export type TableCell = z.infer<typeof TableCellSchema>;
export type AgencyKind = z.infer<typeof AgencyKindSchema>;

/** The nested `{row: {column: value}}` maps, as the parsers build them. */
export type CellMap<V> = { [row: string]: { [column: string]: V } | CellMap<V> };
