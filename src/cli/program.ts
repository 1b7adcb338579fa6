import { Argument, Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { OUTPUT_FORMATS } from '../export/index.js';
import { debugCommand } from './commands/debug.js';
import { parseCommand } from './commands/parse.js';
import { schemaCommand } from './commands/schema.js';
import type { CliIO } from './io.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const EXIT_HELP = `
Exit codes:
  0  every file was read (reports may still carry warnings or 勾稽 errors)
  1  some file could not be read (its record has status "failed"), a path named
     nothing usable, or --strict and some report has an error diagnostic
  2  bad usage (unknown command or option, bad --format)`;

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
    .description('parse report files and folders (recursively) into JSON, NDJSON or CSV')
    .argument('<paths...>', 'report files or folders')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('json'))
    .option('-o, --out <file>', 'write the output to this file instead of stdout')
    .option('--strict', 'also exit 1 when any report has an error diagnostic (e.g. a failed 勾稽 rule)')
    .option('-q, --quiet', 'no summary on stderr')
    .addHelpText('after', EXIT_HELP)
    .action(async (paths: string[], options) => {
      code = await parseCommand(paths, options, io);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the report object')
    .action(async () => {
      code = await schemaCommand(io);
    });

  program
    .command('debug')
    .description("show the reader's intermediate results for one file")
    .addArgument(new Argument('<what>', 'tables: ruled grids of each PDF page; lines: the line stream the table parsers read').choices(['tables', 'lines']))
    .argument('<file>', 'a report file')
    .action(async (what: 'tables' | 'lines', file: string) => {
      code = await debugCommand(what, file, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  return code;
}
