import { workerData } from 'node:worker_threads';
import { serialize, type Parsed } from '../export/serialize.js';
import { setWasmLimit, usePdfiumModule } from '../extract/pdf/pdfium/module.js';
import { parseFile } from '../index.js';
import { announceOcr, announceStart, type Task } from './task.js';

// pdf.js (the fallback engine) can reject a promise no one awaits on a damaged file; the task
// that read the file settles on its own, so such a stray rejection must not end the worker.
process.on('unhandledRejection', () => {});

const data = workerData as { maxMemoryMb?: number; pdfium?: WebAssembly.Module } | undefined;
// A file gets the same memory outside the JS heap (PDFium's wasm memory) as inside it.
if (data?.maxMemoryMb) setWasmLimit(data.maxMemoryMb);
if (data?.pdfium) usePdfiumModule(data.pdfium);

/** One pool task: one file. Bad files come back as `failed` records; only hangs and crashes escape. */
export default async function parseTask(task: Task): Promise<Parsed> {
  announceStart(task);
  const report = await parseFile(task.path, { sync: true, engine: task.engine, ocr: task.ocr, onOcr: (pages) => announceOcr(task, pages) });
  return task.text ? serialize(report, task.text) : report;
}
