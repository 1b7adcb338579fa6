import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The PDFium C API as the wasm module exports it: pointers and handles are numbers. */
export type Exports = Record<string, (...args: number[]) => number>;

export interface Pdfium {
  exports: Exports;
  heap(): { u8: Uint8Array; f32: Float32Array; f64: Float64Array; i32: Int32Array };
  /** 64 bytes of scratch memory for out-parameters. */
  scratch: number;
  memory: WebAssembly.Memory;
}

/** A document that needs more wasm memory than this is stopped (a bomb fails alone). */
export const MAX_WASM_MB = 768;

const require = createRequire(import.meta.url);
let wasm: Buffer | undefined;
let loading: Promise<Pdfium> | undefined;
let limitBytes = MAX_WASM_MB * 1024 * 1024;

/** Set the wasm memory cap (bytes) for documents opened from now on. */
export function setWasmLimit(mb: number): void {
  limitBytes = mb * 1024 * 1024;
}

/**
 * The PDFium module, instantiated once per thread and kept. The wrapper's cwrap functions
 * check their arguments on every call; the exports are called directly. A module whose code
 * trapped (an abort, a cap hit) is dropped: `discard()` makes the next call instantiate afresh.
 */
export function loadPdfium(): Promise<Pdfium> {
  loading ??= (async () => {
    const { init } = await import('@embedpdf/pdfium');
    wasm ??= readFileSync(require.resolve('@embedpdf/pdfium/pdfium.wasm'));
    // The module's own messages (a failed allocation) would go to stderr; the error that follows says enough.
    const wrapped = await init({ wasmBinary: wasm, print: () => {}, printErr: () => {} } as never);
    const module = wrapped.pdfium as unknown as {
      wasmExports: Exports & { memory: WebAssembly.Memory };
      HEAPU8: Uint8Array;
      HEAPF32: Float32Array;
      HEAPF64: Float64Array;
      HEAP32: Int32Array;
    };
    const exports = module.wasmExports;
    const memory = exports.memory;
    capGrowth(memory);
    exports['PDFiumExt_Init']!();
    return {
      exports,
      memory,
      heap: () => ({ u8: module.HEAPU8, f32: module.HEAPF32, f64: module.HEAPF64, i32: module.HEAP32 }),
      scratch: exports['malloc']!(64),
    };
  })();
  return loading;
}

/** Forget the module: after a trap its state cannot be trusted; memory it grew cannot shrink. */
export function discardPdfium(): void {
  loading = undefined;
}

/** The memory the module holds, to start afresh after a document that grew it far. */
export function pdfiumMemoryBytes(module: Pdfium): number {
  return module.memory.buffer.byteLength;
}

/**
 * Memory grows only through `grow`, which Emscripten calls and whose failure it turns into a
 * failed allocation; PDFium then aborts, and the caller fails the document.
 */
function capGrowth(memory: WebAssembly.Memory): void {
  const grow = WebAssembly.Memory.prototype.grow;
  memory.grow = function capped(this: WebAssembly.Memory, delta: number): number {
    if (this.buffer.byteLength + delta * 65536 > limitBytes) throw new RangeError(`wasm memory over ${limitBytes / 1048576} MB`);
    return grow.call(this, delta);
  } as typeof memory.grow;
}
