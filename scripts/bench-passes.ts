/**
 * Part of `npm run bench`: what one batch worker pays to warm up. In a fresh process with the
 * CLI's V8 flags, the worker's own task function parses the files listed in argv[2] twice: the
 * first pass is what a worker does (compiling as it goes), the second is the same work warm.
 * Prints {first, warm} with wall and CPU seconds (CPU: all the process's threads, JIT included).
 */
import { readFileSync } from 'node:fs';
import { setJitFlags } from '../dist/cli/jit.js';

setJitFlags();
const { default: parseTask } = await import('../dist/batch/worker.js');
const files = readFileSync(process.argv[2]!, 'utf8').split('\n').filter(Boolean);

async function pass(): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const [id, path] of files.entries()) await parseTask({ path, id, text: 'ndjson' });
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

const first = await pass();
const warm = await pass();
console.log(JSON.stringify({ first, warm }));
