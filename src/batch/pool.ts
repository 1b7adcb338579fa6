import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { failedReport } from '../pipeline.js';
import type { Report } from '../schema/index.js';

export interface PoolOptions {
  /** Worker threads; each parses one file at a time. */
  jobs: number;
  /** A file still parsing after this is stopped (its worker is replaced). */
  timeoutMs: number;
  /** Heap limit per worker; a file that needs more is stopped. */
  maxMemoryMb: number;
  /** The worker module (tests inject faults through their own). */
  workerFile?: string;
}

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
  const pool = new Piscina<string, Report>({
    filename: options.workerFile ?? workerFile(),
    minThreads: 1,
    maxThreads: options.jobs,
    concurrentTasksPerWorker: 1,
    idleTimeout: 1000,
    resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb },
  });
  // A replaced worker can fail again with no task attached; the task already has its record.
  pool.on('error', () => {});
  return {
    async parse(path: string): Promise<Report> {
      try {
        return await pool.run(path, { signal: AbortSignal.timeout(options.timeoutMs) });
      } catch (error) {
        return taskErrorToReport(path, error, options);
      }
    },
    close: () => pool.destroy(),
  };
}

function taskErrorToReport(path: string, error: unknown, options: PoolOptions): Report {
  const e = error as Error & { code?: string };
  if (e?.name === 'AbortError') {
    return failedReport(path, 'timeout', `still parsing after ${options.timeoutMs / 1000} s; stopped (raise --timeout if the file is just large)`);
  }
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory limit/i.test(e?.message ?? '')) {
    return failedReport(path, 'out-of-memory', `needed more than the ${options.maxMemoryMb} MB heap a worker may use; stopped`);
  }
  return failedReport(path, 'worker-crash', `the worker parsing it crashed: ${e?.message ?? String(error)}`);
}
