#!/usr/bin/env node
import { run } from './program.js';

// The one place that ends the process: everything else returns codes and writes diagnostics.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`gov-report: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(70);
  },
);
