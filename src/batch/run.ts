import { summarize, type Parsed } from '../export/serialize.js';
import type { Report } from '../schema/index.js';
import { compilePdfium } from '../extract/pdf/pdfium/module.js';
import { createPool, type PoolOptions } from './pool.js';

export interface BatchProgress {
  done: number;
  total: number;
  failed: number;
  startedAt: number;
}

/** Tasks started ahead of the next report due, per worker: enough to keep workers busy, few enough that memory stays flat. */
const AHEAD_PER_WORKER = 4;

/**
 * Parse files on the pool and hand the reports on in the order of `files` (sorted by path),
 * each as soon as it and every file before it are done: output is stable whatever the finishing
 * order, NDJSON still streams, and a slow file holds back at most a window of finished reports.
 */
export function parseInOrder(
  files: readonly string[],
  options: PoolOptions & { text?: undefined },
  onReport: (report: Report, index: number) => Promise<void>,
  onProgress?: (p: BatchProgress) => void,
): Promise<void>;
/** With `text`, reports parsed by workers arrive serialised; failures found here stay objects. */
export function parseInOrder(
  files: readonly string[],
  options: PoolOptions,
  onReport: (report: Parsed, index: number) => Promise<void>,
  onProgress?: (p: BatchProgress) => void,
): Promise<void>;
export async function parseInOrder(
  files: readonly string[],
  options: PoolOptions,
  onReport: ((report: Parsed, index: number) => Promise<void>) | ((report: Report, index: number) => Promise<void>),
  onProgress?: (p: BatchProgress) => void,
): Promise<void> {
  // Without `text` every result is a report object (first overload), so either callback fits.
  const deliver = onReport as (report: Parsed, index: number) => Promise<void>;
  if (files.length === 0) return;
  const jobs = Math.max(1, Math.min(options.jobs, files.length));
  // Workers reading PDFs share one compiled PDFium; should compiling fail, each compiles its own.
  const sharePdfium = jobs > 1 && options.engine !== 'pdfjs' && files.some((f) => /\.pdf$/i.test(f));
  const pdfium = options.pdfium ?? (sharePdfium ? await compilePdfium().catch(() => undefined) : undefined);
  const pool = createPool({ ...options, jobs, pdfium });
  const ready = new Map<number, Parsed>();
  const progress: BatchProgress = { done: 0, total: files.length, failed: 0, startedAt: Date.now() };
  let next = 0;
  let started = 0;
  let running = 0;
  let chain = Promise.resolve();
  try {
    await new Promise<void>((resolve, reject) => {
      // After a failed write nothing more is written or started; the pool is closed below.
      let stopped = false;
      const stop = (error: unknown) => {
        stopped = true;
        reject(error);
      };
      const pump = () => {
        if (stopped) return;
        // One file waiting per worker hides the round trip between files; timeouts start when a file does.
        while (running < jobs * 2 && started < files.length && started < next + jobs * AHEAD_PER_WORKER) start(started++);
        if (next === files.length) resolve();
      };
      const drain = async () => {
        while (!stopped && ready.has(next)) {
          const report = ready.get(next)!;
          ready.delete(next);
          await deliver(report, next++);
        }
      };
      const start = (i: number) => {
        running++;
        void pool.parse(files[i]!).then((report) => {
          running--;
          if (stopped) return;
          progress.done++;
          if (summarize(report).status === 'failed') progress.failed++;
          onProgress?.(progress);
          ready.set(i, report);
          // Start the next file before writing this one: a worker should not wait on our output.
          pump();
          chain = chain.then(drain).then(pump, stop);
        }, stop);
      };
      pump();
    });
  } finally {
    await pool.close();
  }
}
