#!/usr/bin/env node
import { outputError } from './io.js';
import { setJitFlags } from './jit.js';
import { run } from './program.js';

setJitFlags();
// No flag for the old generation: the 128 MB it was let grow to before its first collection
// (to keep pdf.js's optimised code from being thrown away) cost ~100 MB a worker; with PDFium the
// JS heap holds little, and a small young generation (the pool's) keeps the batch near 240 MB.

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
