import { z } from './zod.js';
import { TEMPLATES } from './template.js';

/** One row of the tidy CSV: one value of one table. Its key order is the CSV column order. */
export const TidyRowSchema = z.strictObject({
  path: z.string(),
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
  template: z.enum(TEMPLATES),
  table: z.string(),
  row: z.string().meta({ description: 'Row key; nested rows dotted, e.g. denied.stateSecret' }),
  column: z.string(),
  value: z.number().nullable(),
  raw: z.string().nullable(),
});
export type TidyRow = z.infer<typeof TidyRowSchema>;
export const TIDY_COLUMNS = Object.keys(TidyRowSchema.shape) as (keyof TidyRow)[];
