#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { outputError } from './io.js';
import { run } from './program.js';

// TurboFan's default inlining made each batch worker spend ~2 s of CPU compiling the parsers
// (50–95 ms per function, measured with --trace-opt); a smaller inlining budget costs nothing
// in speed and cuts total CPU ~15 % for text batches and ~10 % for PDFs. V8 flags are
// per-process, so the pool's workers get it too; the library itself never sets flags.
setFlagsFromString('--max-inlined-bytecode-size=100');
// A worker's heap cap (--max-memory, 512 MB) is a safety limit, but V8 also reads it as a wish
// to stay small: it collected the old generation every few PDFs, and each full collection threw
// away optimised pdf.js code that then had to be compiled again (150 PDFs: 4,950 optimisations,
// TurboFan 28 % of all CPU). Letting the old generation reach 128 MB before its first full
// collection: 2,300 optimisations, 26 % fewer instructions for PDFs and 14 % for a mixed batch,
// for ~50 MB more per worker. Growing the heap 4× between collections instead saved as much CPU
// but its peak RSS kept climbing with the batch (358 → 611 MB from 100 to 2,000 files).
setFlagsFromString('--initial-old-space-size=128');

// The one place that ends the process: everything else returns codes and writes diagnostics.
// A reader that stopped early (`| head`) is not an error; a failing standard output (disk full
// behind `>`) is exit code 74, like a failing --out.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`gov-report: ${outputError('standard output', error).message}\n`);
  process.exit(74);
});
// Ctrl-C or a kill: exit through process.exit so outputs tidy up in their 'exit' handlers (the
// temporary --out file is removed, an --out folder's manifest is saved); 128 + signal number.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    process.stderr.write(`\ngov-report: stopped by ${signal}\n`);
    process.exit(code);
  });
}
run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`gov-report: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(70);
  },
);
