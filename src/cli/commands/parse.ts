import { stat } from 'node:fs/promises';
import path from 'node:path';
import { progressLine } from '../../batch/progress.js';
import { parseInOrder } from '../../batch/run.js';
import { inShard } from '../../batch/shard.js';
import { fileSha256, openOutputDir } from '../../export/directory.js';
import { BINARY_FORMATS, FORMAT_EXTENSIONS } from '../../export/formats.js';
import { createWriter, summarize, writerTextFormat, type OutputFormat, type Parsed, type ReportWriter } from '../../export/index.js';
import { failedReport } from '../../failed.js';
import { expandInputs } from '../inputs.js';
import { openOutput, OutputError, outputError, type CliIO } from '../io.js';

export interface ParseOptions {
  format: OutputFormat;
  out?: string;
  strict?: boolean;
  quiet?: boolean;
  jobs: number;
  pdfEngine?: 'pdfium' | 'pdfjs';
  ocr?: boolean;
  timeout: number;
  maxMemory: number;
  shard?: { index: number; count: number };
  version: string;
}

interface Tally {
  ok: number;
  partial: number;
  failed: number;
  errors: number;
  skipped: number;
}

/** Parse every input on the worker pool, writing each report in path order as it is ready. */
export async function parseCommand(paths: string[], options: ParseOptions, io: CliIO): Promise<number> {
  const say = (s: string) => io.stderr.write(`gov-report: ${s}\n`);
  if (BINARY_FORMATS.has(options.format) && options.out === undefined && io.stdout.isTTY) {
    say(`--format ${options.format} writes a binary file: give -o FILE, or redirect standard output`);
    return 2;
  }
  const toFolder = options.out !== undefined && (await isDirectoryTarget(options.out));
  if (toFolder && options.format !== 'json') {
    // A folder holds one JSON report per file (what the manifest and re-runs rely on); the other formats are one file for the batch.
    say(`--out ${options.out} is a folder, which gets one JSON file per report; --format ${options.format} writes one file for the whole batch: give -o a file name (e.g. -o reports.${FORMAT_EXTENSIONS[options.format]})`);
    return 2;
  }
  const inputs = await expandInputs(paths);
  for (const p of inputs.problems.filter((p) => !p.record)) say(`${p.path}: ${p.message}`);
  const shard = options.shard;
  let files = shard ? inputs.files.filter((f) => inShard(inputs.relative.get(f) ?? f, shard)) : inputs.files;
  const missing = inputs.problems.filter((p) => p.record).map((p) => failedReport(p.path, 'read-not-found', p.message));
  const tally: Tally = { ok: 0, partial: 0, failed: 0, errors: 0, skipped: 0 };
  const count = (report: Parsed) => {
    const { status, hasErrors, failure, path } = summarize(report);
    tally[status]++;
    if (hasErrors) tally.errors++;
    if (status === 'failed') say(failure ?? `${path}: failed`);
  };

  const directory = toFolder ? await openOutputDir(options.out!, options.version) : null;
  const hashes = new Map<string, string | null>();
  if (directory) {
    for (const f of files) hashes.set(f, await fileSha256(f));
    const before = files.length;
    files = files.filter((f) => !directory.done(hashes.get(f) ?? ''));
    tally.skipped = before - files.length;
  }
  const output = directory ? null : await openOutput(io, options.out);
  const writer = failingAsOutputError(
    options.out ?? 'standard output',
    directory
      ? { write: (r) => directory.write(r, hashes.get(summarize(r).path) ?? 'unknown'), end: () => directory.end() }
      : createWriter(options.format, output!.stream, { single: inputs.single }),
  );

  const progress = io.stderr.isTTY && !options.quiet ? progressLine(io.stderr) : null;
  try {
    // Paths that named nothing come first: they have no file to wait for.
    for (const report of missing) {
      count(report);
      await writer.write(report);
    }
    await parseInOrder(
      files,
      {
        jobs: options.jobs,
        timeoutMs: options.timeout * 1000,
        maxMemoryMb: options.maxMemory,
        engine: options.pdfEngine,
        ocr: options.ocr,
        // Workers serialise the reports when the output needs only their text.
        text: (directory ? 'json' : writerTextFormat(options.format, { single: inputs.single })) ?? undefined,
      },
      async (report) => {
        progress?.clear();
        count(report);
        await writer.write(report);
      },
      (p) => progress?.update(p),
    );
    progress?.clear();
    await writer.end();
    await output?.commit();
  } catch (error) {
    await output?.abort();
    throw error;
  }
  const total = tally.ok + tally.partial + tally.failed;
  if (!options.quiet) {
    const skipped = tally.skipped > 0 ? `; ${tally.skipped} unchanged, skipped` : '';
    say(`${total} file${total === 1 ? '' : 's'}: ${tally.ok} ok, ${tally.partial} partial, ${tally.failed} failed; ${tally.errors} with error diagnostics${skipped}`);
  }
  const unusable = inputs.problems.some((p) => !p.record && p.message.startsWith('no report files'));
  if (tally.failed > 0 || unusable || total + tally.skipped === 0) return 1;
  if (options.strict && tally.errors > 0) return 1;
  return 0;
}

/** `--out` names a folder when it ends with a separator or is one already. */
async function isDirectoryTarget(out: string): Promise<boolean> {
  if (out.endsWith('/') || out.endsWith(path.sep)) return true;
  try {
    return (await stat(out)).isDirectory();
  } catch {
    return false;
  }
}

/** A failed write names the output and ends the run with exit code 74, not as an internal error. */
function failingAsOutputError(target: string, writer: ReportWriter): ReportWriter {
  const wrap = (error: unknown) => Promise.reject(error instanceof OutputError ? error : outputError(target, error));
  return { write: (r) => writer.write(r).catch(wrap), end: () => writer.end().catch(wrap) };
}
