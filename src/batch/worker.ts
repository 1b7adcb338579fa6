import { parseFile } from '../index.js';
import type { Report } from '../schema/index.js';

/** One pool task: one file. Bad files come back as `failed` records; only hangs and crashes escape. */
export default function parseTask(path: string): Promise<Report> {
  return parseFile(path);
}
