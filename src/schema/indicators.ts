import { z } from './zod.js';
import { INDICATORS, definitionText, type IndicatorKey } from './indicator-definitions.js';

export const IndicatorSchema = z.strictObject({
  value: z.number().nullable().meta({ description: 'numerator / denominator as a fraction (0.25 = 25 %); null when it cannot be computed' }),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  definition: z.string(),
  reason: z.string().nullable().meta({ description: 'Why value is null (a table not found, a cell null, a zero denominator); null when it is not' }),
  basis: z
    .array(z.enum(['check-failed', 'ocr', 'split']))
    .meta({ description: 'What to know of the cells behind it: some were split from run-together digits, read by OCR, or are where a 勾稽 relation failed (the report contradicts itself there)' }),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const IndicatorsSchema = z
  .strictObject(
    Object.fromEntries(INDICATORS.map((d) => [d.key, IndicatorSchema.meta({ title: d.label, description: definitionText(d) })])) as Record<IndicatorKey, typeof IndicatorSchema>,
  )
  .meta({ description: 'Rates computed from the tables, each with its definition; see shared/notes/indicators-and-outputs.md' });
export type Indicators = Record<IndicatorKey, Indicator>;
