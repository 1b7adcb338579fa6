import { workerData } from 'node:worker_threads';
import type { TextFormat } from '../export/serialize.js';

/** What the pool sends a worker: the file, the id its start is recorded under, and whether to send the report back as text. */
export interface Task {
  path: string;
  id: number;
  text?: TextFormat;
  /** PDFs: the engine to read with (default PDFium). */
  engine?: 'pdfium' | 'pdfjs';
  /** false: pages without a text layer are not read by OCR. */
  ocr?: boolean;
}

/** Slots in the shared start table; far more than the tasks ever in flight at once. */
export const START_SLOTS = 1 << 16;

/**
 * Record in memory shared with the pool that a task has started, so its timeout counts running
 * time only (a task can wait in a worker's queue behind another). A store into shared memory
 * costs nothing; a message per task cost ~10 % of a text batch (measured).
 */
export function announceStart(task: Task): void {
  const starts = (workerData as { starts?: Int32Array } | undefined)?.starts;
  if (starts) Atomics.store(starts, task.id % START_SLOTS, task.id);
}

/** Record, in the same way, that a task's file has this many more pages to read by OCR: its time limit grows with them. */
export function announceOcr(task: Task, pages: number): void {
  const ocrPages = (workerData as { ocrPages?: Int32Array } | undefined)?.ocrPages;
  if (ocrPages) Atomics.add(ocrPages, task.id % START_SLOTS, pages);
}
