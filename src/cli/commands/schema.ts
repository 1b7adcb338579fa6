import { z } from '../../schema/zod.js';
import { ReportSchema } from '../../schema/index.js';
import type { CliIO } from '../io.js';

export function reportJsonSchema(): unknown {
  return z.toJSONSchema(ReportSchema, { target: 'draft-2020-12', reused: 'ref' });
}

export async function schemaCommand(io: CliIO): Promise<number> {
  io.stdout.write(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
  return 0;
}
