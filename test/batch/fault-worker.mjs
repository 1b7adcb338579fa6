// A pool worker that misbehaves on purpose, by file name, to test isolation; every other file
// is parsed by the real worker.
import parseTask from '../../dist/batch/worker.js';
import { announceOcr, announceStart } from '../../dist/batch/task.js';

export default async function (task) {
  announceStart(task);
  // slow-Nms: busy for N ms; ocr-…: says it reads 2 pages by OCR first; ocr-forever: never ends.
  if (task.path.includes('ocr-')) announceOcr(task, 2);
  const busy = /(\d+)ms|forever/.exec(task.path);
  if (busy) {
    const until = Date.now() + (busy[1] ? Number(busy[1]) : Infinity);
    while (Date.now() < until);
  }
  if (task.path.includes('hang')) for (;;);
  if (task.path.includes('crash')) process.exit(3);
  if (task.path.includes('oom')) {
    const hog = [];
    for (;;) hog.push(new Array(1e5).fill(hog.length));
  }
  if (task.path.includes('throw')) throw new Error('unexpected failure in the worker');
  return parseTask(task);
}
