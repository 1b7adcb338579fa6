import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { failedReport } from '../failed.js';
import type { Parsed, TextFormat } from '../export/serialize.js';
import type { Report } from '../schema/index.js';
import { START_SLOTS, type Task } from './task.js';

export interface PoolOptions {
  /** Worker threads; each parses one file at a time. */
  jobs: number;
  /** A file still parsing after this is stopped (its worker is replaced). */
  timeoutMs: number;
  /** Added to a file's time limit for each page it reads by OCR (default OCR_PAGE_TIMEOUT_MS). */
  ocrPageTimeoutMs?: number;
  /** Heap limit per worker; a file that needs more is stopped. */
  maxMemoryMb: number;
  /** The worker module (tests inject faults through their own). */
  workerFile?: string;
  /** Have workers send reports back as this text (for writers that need nothing else). */
  text?: TextFormat;
  /** PDFs: the engine to read with. */
  engine?: 'pdfium' | 'pdfjs';
  /** false: no OCR (image-only pages are reported, image files fail). */
  ocr?: boolean;
  /** PDFium compiled once for all the workers (compilePdfium); without it each compiles its own. */
  pdfium?: WebAssembly.Module;
}

/** OCR reads a page in ~10 s on a 2-core machine (npm run bench); a page gets six times that. */
export const OCR_PAGE_TIMEOUT_MS = 60_000;

/** The compiled worker; when running from sources (tests), the build's copy. */
function workerFile(): string {
  const beside = fileURLToPath(new URL('./worker.js', import.meta.url));
  return existsSync(beside) ? beside : fileURLToPath(new URL('../../dist/batch/worker.js', import.meta.url));
}

/**
 * A pool of worker threads, one file per task. A task that hangs past the timeout, exhausts its
 * heap or crashes its worker becomes a `failed` record naming the cause; piscina replaces the
 * worker and the batch goes on.
 */
export function createPool(options: PoolOptions) {
  const starts = new Int32Array(new SharedArrayBuffer(START_SLOTS * Int32Array.BYTES_PER_ELEMENT));
  const ocrPages = new Int32Array(new SharedArrayBuffer(START_SLOTS * Int32Array.BYTES_PER_ELEMENT));
  const perOcrPage = options.ocrPageTimeoutMs ?? OCR_PAGE_TIMEOUT_MS;
  const pool = new Piscina<Task, Parsed>({
    filename: options.workerFile ?? workerFile(),
    minThreads: options.jobs,
    maxThreads: options.jobs,
    concurrentTasksPerWorker: 1,
    idleTimeout: 1000,
    // A small young generation: a file's garbage is collected young, and peak RSS stays flat over
    // the batch (2,000 PDFs: 335 → 237 MB; 10,000 text reports: 462 → 224 MB; the same CPU).
    resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb, maxYoungGenerationSizeMb: 16 },
    workerData: { starts, ocrPages, maxMemoryMb: options.maxMemoryMb, pdfium: options.pdfium },
  });
  // A replaced worker can fail again with no task attached; the task already has its record.
  pool.on('error', () => {});
  const running = new Map<number, { abort: AbortController; startedAt?: number; ocrPages: number }>();
  // Timeouts are checked a few times a second against the start each worker recorded.
  const watch = setInterval(
    () => {
      const now = Date.now();
      for (const [id, task] of running) {
        if (task.startedAt === undefined && Atomics.load(starts, id % START_SLOTS) === id) task.startedAt = now;
        task.ocrPages = Atomics.load(ocrPages, id % START_SLOTS);
        if (task.startedAt !== undefined && now - task.startedAt >= options.timeoutMs + task.ocrPages * perOcrPage) task.abort.abort();
      }
    },
    Math.max(10, Math.min(250, options.timeoutMs / 4)),
  );
  let ids = 0;
  return {
    async parse(path: string): Promise<Parsed> {
      const id = ++ids;
      const task = { abort: new AbortController(), ocrPages: 0 };
      running.set(id, task);
      Atomics.store(ocrPages, id % START_SLOTS, 0);
      try {
        return await pool.run({ path, id, text: options.text, engine: options.engine, ocr: options.ocr }, { signal: task.abort.signal });
      } catch (error) {
        return taskErrorToReport(path, error, options, task.ocrPages * perOcrPage);
      } finally {
        running.delete(id);
      }
    },
    async close() {
      clearInterval(watch);
      await pool.destroy();
    },
  };
}

function taskErrorToReport(path: string, error: unknown, options: PoolOptions, ocrMs: number): Report {
  const e = error as Error & { code?: string };
  if (e?.name === 'AbortError') {
    const ocr = ocrMs > 0 ? ` (${options.timeoutMs / 1000} s, and ${ocrMs / 1000} s for the pages read by OCR)` : '';
    return failedReport(path, 'timeout', `still parsing after ${(options.timeoutMs + ocrMs) / 1000} s${ocr}; stopped (raise --timeout if the file is just large)`);
  }
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory limit/i.test(e?.message ?? '')) {
    return failedReport(path, 'out-of-memory', `needed more than the ${options.maxMemoryMb} MB heap a worker may use; stopped (raise --max-memory if the file is just large)`);
  }
  return failedReport(path, 'worker-crash', `the worker parsing it crashed: ${e?.message ?? String(error)}`);
}
