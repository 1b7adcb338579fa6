import { serialize, type Parsed } from '../export/serialize.js';
import { parseFile } from '../index.js';
import { announceStart, type Task } from './task.js';

/** One pool task: one file. Bad files come back as `failed` records; only hangs and crashes escape. */
export default async function parseTask(task: Task): Promise<Parsed> {
  announceStart(task);
  const report = await parseFile(task.path, { sync: true });
  return task.text ? serialize(report, task.text) : report;
}
