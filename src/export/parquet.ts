import { parquetWriteBuffer, type BasicType, type ColumnSource } from 'hyparquet-writer';
import { z } from '../schema/zod.js';
import type { Report } from '../schema/index.js';
import { TIDY_COLUMNS, TidyRowSchema, type TidyRow } from '../schema/tidy.js';
import { reportToTidyRows } from './tidy.js';
import type { FileBuilder } from './writers.js';

/** Each tidy column's Parquet type, from its zod schema: integers INT32, other numbers DOUBLE, text STRING. */
const TYPES: Record<keyof TidyRow, { type: BasicType; nullable: boolean }> = (() => {
  const properties = (z.toJSONSchema(TidyRowSchema) as { properties: Record<string, JsonType> }).properties;
  return Object.fromEntries(TIDY_COLUMNS.map((key) => [key, parquetType(properties[key]!)])) as Record<keyof TidyRow, { type: BasicType; nullable: boolean }>;
})();

interface JsonType {
  type?: string | string[];
  anyOf?: JsonType[];
  enum?: unknown[];
}

function parquetType(t: JsonType): { type: BasicType; nullable: boolean } {
  const types = (t.anyOf ?? [t]).flatMap((x) => x.type ?? []);
  const nullable = types.includes('null');
  if (types.includes('integer')) return { type: 'INT32', nullable };
  if (types.includes('number')) return { type: 'DOUBLE', nullable };
  return { type: 'STRING', nullable };
}

/** The long table (one row per value, as the CSV) in columns, nulls kept as nulls. */
export function parquetBuilder(): FileBuilder {
  const columns = Object.fromEntries(TIDY_COLUMNS.map((k) => [k, [] as unknown[]])) as Record<keyof TidyRow, unknown[]>;
  return {
    add(report: Report) {
      for (const row of reportToTidyRows(report)) for (const key of TIDY_COLUMNS) columns[key].push(row[key]);
    },
    async finish() {
      const columnData: ColumnSource[] = TIDY_COLUMNS.map((name) => ({ name, data: columns[name], ...TYPES[name] }));
      return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: 'gov-report' }));
    },
  };
}
