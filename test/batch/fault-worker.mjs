// A pool worker that misbehaves on purpose, by file name, to test isolation; every other file
// is parsed by the real worker.
import parseTask from '../../dist/batch/worker.js';
import { announceStart } from '../../dist/batch/task.js';

export default async function (task) {
  announceStart(task);
  if (task.path.includes('hang')) for (;;);
  if (task.path.includes('crash')) process.exit(3);
  if (task.path.includes('oom')) {
    const hog = [];
    for (;;) hog.push(new Array(1e5).fill(hog.length));
  }
  if (task.path.includes('throw')) throw new Error('unexpected failure in the worker');
  return parseTask(task);
}
