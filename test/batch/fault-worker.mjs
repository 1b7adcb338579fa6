// A pool worker that misbehaves on purpose, by file name, to test isolation; every other file
// is parsed by the real worker.
import parseTask from '../../dist/batch/worker.js';

export default async function (path) {
  if (path.includes('hang')) for (;;);
  if (path.includes('crash')) process.exit(3);
  if (path.includes('oom')) {
    const hog = [];
    for (;;) hog.push(new Array(1e5).fill(hog.length));
  }
  if (path.includes('throw')) throw new Error('unexpected failure in the worker');
  return parseTask(path);
}
