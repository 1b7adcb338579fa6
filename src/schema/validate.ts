import type { z } from 'zod';
import { ReportSchema, TABLE_SCHEMAS, type Report } from './report.js';
import { TABLES, type TemplateVersion } from './template.js';

/** What a report is checked against: its envelope, and each table by the version it shows. */
export interface ReportSchemas {
  envelope: z.ZodType;
  tables: typeof TABLE_SCHEMAS;
}

const REPORT_SCHEMAS: ReportSchemas = { envelope: ReportSchema.omit({ tables: true, raw: true, confidence: true }), tables: TABLE_SCHEMAS };

/**
 * ReportSchema's check, without its costly failures: each table is checked against the
 * version its own keys name, instead of trying the 2021 shape and failing into the 2019 one
 * (which, measured, was most of the validation time). Returns the problem, or null. `schemas`
 * other than the report's own are for tests (a copy built without zod's compiler).
 */
export function validateReport(report: Report, schemas: ReportSchemas = REPORT_SCHEMAS): string | null {
  const { tables, raw, confidence, ...envelope } = report;
  const problems: string[] = [];
  // validate answers yes or no without building the parsed copy; only a failure (a defect of
  // ours) is parsed again, for zod's account of what is wrong.
  const check = (schema: z.ZodType, value: unknown, where: string) => {
    if (schema.validate(value)) return;
    const result = schema.safeParse(value);
    problems.push(`${where}: ${result.success ? 'rejected by the compiled check, accepted by the parser' : result.error.message}`);
  };
  check(schemas.envelope, envelope, 'report');
  for (const { key } of TABLES) {
    for (const [name, value] of [['tables', tables[key]], ['raw', raw[key]], ['confidence', confidence?.[key] ?? null]] as const) {
      if (value === null) continue;
      check(schemas.tables[name][key][tableVersion(key, value)], value, `${name}.${key}`);
    }
  }
  return problems.length === 0 ? null : problems.join('\n');
}

/** The layout version a table map shows by its keys: 2019 has 其他对外管理服务事项 and 政府集中采购; 2021 splits （六）. */
export function tableVersion(table: string, value: unknown): TemplateVersion {
  // Not a table at all (a defect the schema then names): any version will reject it.
  if (!isObject(value)) return '2021';
  const v = value as Record<string, unknown>;
  if (table === 'activeDisclosure') return 'otherServices' in v || 'procurement' in v ? '2019' : '2021';
  if (table === 'applications') return isObject(v['otherHandling']) && 'overdueCorrection' in v['otherHandling'] ? '2021' : '2019';
  return '2021';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
