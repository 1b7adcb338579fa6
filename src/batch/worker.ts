import { parseFile } from '../index.js';
import type { Report } from '../schema/index.js';
import { announceStart, type Task } from './task.js';

/** One pool task: one file. Bad files come back as `failed` records; only hangs and crashes escape. */
export default function parseTask(task: Task): Promise<Report> {
  announceStart(task);
  return parseFile(task.path, { sync: true });
}
