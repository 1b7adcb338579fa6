import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { parseShard } from '../batch/shard.js';
import { createRequire } from 'node:module';
import { RULE_IDS } from '../checks/ids.js';
import { OUTPUT_FORMATS } from '../export/formats.js';
import { OutputError, type CliIO } from './io.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export const EXIT = { ok: 0, failed: 1, usage: 2, output: 74 } as const;

function positiveInt(flag: string) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${flag} takes a whole number ≥ 1; got "${value}"`);
    return n;
  };
}

function ruleList(flag: string) {
  return (value: string) => {
    const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = ids.filter((id) => !(RULE_IDS as readonly string[]).includes(id));
    if (unknown.length > 0) throw new InvalidArgumentError(`${flag}: unknown rule ${unknown.join(', ')}; rules are ${RULE_IDS.join(', ')}`);
    return ids;
  };
}

function shardArg(value: string) {
  const shard = parseShard(value);
  if (typeof shard === 'string') throw new InvalidArgumentError(shard);
  return shard;
}

const EXIT_HELP = `
Exit codes:
  0  every file was read (reports may still carry warnings or 勾稽 errors)
  1  some file could not be read (its record has status "failed"), a path named
     nothing usable, or --strict and some report has an error diagnostic
  2  bad usage (unknown command or option, bad --format)
  74 the output could not be written (--out in a missing folder, a full disk)
  130/143 stopped by Ctrl-C / SIGTERM (an --out folder resumes on the next run)`;

/** The whole CLI as a function of its arguments: returns the exit code, never exits. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('gov-report')
    .description('Turn 政府信息公开工作年度报告 (government information-disclosure annual reports) into validated data')
    .version(version)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addHelpText('after', EXIT_HELP);

  program
    .command('parse')
    .description('parse report files and folders (recursively) into JSON, NDJSON, CSV, Excel or Parquet')
    .argument('<paths...>', 'report files or folders')
    .addOption(
      new Option('-f, --format <format>', 'json | ndjson | csv (one value per row) | wide (CSV, one row per report) | xlsx (a workbook: a sheet per table, 指标, 问题, 说明) | parquet (the long table)')
        .choices(OUTPUT_FORMATS)
        .default('json'),
    )
    .option('-o, --out <file|dir/>', 'write to this file instead of stdout; a folder (ending in /, or existing) gets one JSON per report (--format json only) and a manifest, and a re-run skips files already parsed')
    .option('--strict', 'also exit 1 when any report has an error diagnostic (e.g. a failed 勾稽 rule)')
    .option('-q, --quiet', 'no progress and no summary on stderr')
    .addOption(new Option('-j, --jobs <n>', 'files parsed in parallel').default(availableParallelism()).argParser(positiveInt('--jobs')))
    .addOption(new Option('--timeout <seconds>', 'stop a file still parsing after this (and 60 s more for each page it reads by OCR)').default(120).argParser(positiveInt('--timeout')))
    .addOption(new Option('--max-memory <MB>', 'heap a worker may use for one file').default(512).argParser(positiveInt('--max-memory')))
    .addOption(new Option('--pdf-engine <engine>', 'read PDFs with PDFium (a PDF it cannot open is tried with pdf.js) or with pdf.js').choices(['pdfium', 'pdfjs']).default('pdfium'))
    .option('--no-ocr', 'do not read scanned pages and page images by OCR (they are reported as not read)')
    .addOption(new Option('--shard <i/n>', 'parse only shard i of n (files split by path, the same on every machine)').argParser(shardArg))
    .addHelpText('after', EXIT_HELP)
    .action(async (paths: string[], options) => {
      // Commands are loaded when run: `--help` and `--version` answer without loading the parsers.
      const { parseCommand } = await import('./commands/parse.js');
      code = await parseCommand(paths, { ...options, version }, io);
    });

  program
    .command('check')
    .description('audit reports: the 勾稽 rules and the others one by one, and across years of one agency')
    .argument('<paths...>', 'report files or folders')
    .addOption(new Option('-f, --format <format>', 'text for a terminal, the same as data (json, ndjson), or html: one self-contained audit page').choices(['text', 'json', 'ndjson', 'html']).default('text'))
    .option('-o, --out <file>', 'write to this file instead of stdout (written whole, renamed into place when complete)')
    .addOption(new Option('--rules <ids>', `only these rules (comma-separated): ${RULE_IDS.join(', ')}`).argParser(ruleList('--rules')))
    .addOption(new Option('--ignore <ids>', 'leave these rules out (comma-separated)').argParser(ruleList('--ignore')))
    .addOption(new Option('-j, --jobs <n>', 'files parsed in parallel').default(availableParallelism()).argParser(positiveInt('--jobs')))
    .addOption(new Option('--timeout <seconds>', 'stop a file still parsing after this (and 60 s more for each page it reads by OCR)').default(120).argParser(positiveInt('--timeout')))
    .addOption(new Option('--max-memory <MB>', 'heap a worker may use for one file').default(512).argParser(positiveInt('--max-memory')))
    .addOption(new Option('--pdf-engine <engine>', 'read PDFs with PDFium (a PDF it cannot open is tried with pdf.js) or with pdf.js').choices(['pdfium', 'pdfjs']).default('pdfium'))
    .option('--no-ocr', 'do not read scanned pages and page images by OCR (they are reported as not read)')
    .addHelpText('after', `
Exit codes:
  0  no error-severity rule failed (warnings and infos are reported)
  1  an error-severity rule failed (a 勾稽 relation), or a file could not be read
  2  bad usage (unknown option, unknown rule id)
  74 standard output could not be written (a full disk)`)
    .action(async (paths: string[], options) => {
      const { checkCommand } = await import('./commands/check.js');
      code = await checkCommand(paths, { ...options, version }, io);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the report object')
    .action(async () => {
      const { schemaCommand } = await import('./commands/schema.js');
      code = await schemaCommand(io);
    });

  program
    .command('debug')
    .description("show the reader's intermediate results for one file")
    .addArgument(
      new Argument('<what>', 'tables: ruled grids of each PDF page; lines: the line stream the table parsers read; units: each table\'s labels and value units').choices(['tables', 'lines', 'units']),
    )
    .argument('<file>', 'a report file')
    .action(async (what: 'tables' | 'lines' | 'units', file: string) => {
      const { debugCommand } = await import('./commands/debug.js');
      code = await debugCommand(what, file, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof OutputError) {
      io.stderr.write(`gov-report: ${error.message}\n`);
      return EXIT.output;
    }
    throw error;
  }
  return code;
}
