import { createWriter, type OutputFormat } from '../../export/index.js';
import { parseFile } from '../../index.js';
import { failedReport } from '../../pipeline.js';
import type { Report } from '../../schema/index.js';
import { expandInputs } from '../inputs.js';
import { openOutput, type CliIO } from '../io.js';

export interface ParseOptions {
  format: OutputFormat;
  out?: string;
  strict?: boolean;
  quiet?: boolean;
}

/** Parse every input, writing each report as it finishes; bad files become `failed` records. */
export async function parseCommand(paths: string[], options: ParseOptions, io: CliIO): Promise<number> {
  const inputs = await expandInputs(paths);
  const output = openOutput(io, options.out);
  const writer = createWriter(options.format, output.stream, { single: inputs.single });
  const tally = { ok: 0, partial: 0, failed: 0, errors: 0 };
  const say = (s: string) => io.stderr.write(`gov-report: ${s}\n`);
  try {
    const records = [
      ...inputs.problems.filter((p) => p.record).map((p) => ({ path: p.path, problem: p.message })),
      ...inputs.files.map((path) => ({ path, problem: undefined })),
    ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const p of inputs.problems.filter((p) => !p.record)) say(`${p.path}: ${p.message}`);
    for (const { path, problem } of records) {
      const report: Report = problem ? failedReport(path, 'read-not-found', problem) : await parseFile(path);
      tally[report.status]++;
      if (report.diagnostics.some((d) => d.severity === 'error')) tally.errors++;
      if (report.status === 'failed') say(report.diagnostics[0]?.message ?? `${path}: failed`);
      await writer.write(report);
    }
    await writer.end();
    await output.commit();
  } catch (error) {
    await output.abort();
    throw error;
  }
  const total = tally.ok + tally.partial + tally.failed;
  if (!options.quiet) {
    say(`${total} file${total === 1 ? '' : 's'}: ${tally.ok} ok, ${tally.partial} partial, ${tally.failed} failed; ${tally.errors} with error diagnostics`);
  }
  const unusable = inputs.problems.some((p) => !p.record && p.message.startsWith('no report files'));
  if (tally.failed > 0 || unusable || total === 0) return 1;
  if (options.strict && tally.errors > 0) return 1;
  return 0;
}
