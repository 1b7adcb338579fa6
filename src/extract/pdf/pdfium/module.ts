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
let wasm: Uint8Array<ArrayBuffer> | undefined;
let compiled: WebAssembly.Module | undefined;
let loading: Promise<Pdfium> | undefined;
let limitBytes = MAX_WASM_MB * 1024 * 1024;

// A file this large is read into an ArrayBuffer of its own, never a shared pool.
const wasmBytes = () => (wasm ??= readFileSync(require.resolve('@embedpdf/pdfium/pdfium.wasm')) as Uint8Array<ArrayBuffer>);

/**
 * PDFium compiled once, to hand to worker threads: an instance made from a shared module shares
 * its machine code, and the code V8 optimises as the batch runs, with every other thread's.
 * Each worker compiling its own bytes warmed PDFium up again (measured in the commit that added this).
 */
export function compilePdfium(): Promise<WebAssembly.Module> {
  return WebAssembly.compile(wasmBytes());
}

/** Instantiate from this compiled module from now on (a worker given one by its pool); undefined: from the bytes. */
export function usePdfiumModule(module: WebAssembly.Module | undefined): void {
  compiled = module;
}

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
    // The module's own messages (a failed allocation) would go to stderr; the error that follows says enough.
    const quiet = { print: () => {}, printErr: () => {} };
    const start: Init = (overrides) => init({ ...quiet, ...overrides } as never);
    const wrapped = await (compiled ? initFrom(compiled, start) : start({ wasmBinary: wasmBytes() }));
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
  // A module that failed to load is not kept: the next document tries again.
  loading.catch(() => (loading = undefined));
  return loading;
}

type Init = (overrides: object) => Promise<{ pdfium: unknown }>;

/**
 * Emscripten's init with our own instantiation from a compiled module. Emscripten waits for the
 * callback without end, so a failed instantiation rejects here instead.
 */
function initFrom(module: WebAssembly.Module, init: Init): ReturnType<Init> {
  return new Promise((resolve, reject) => {
    const instantiateWasm = (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => {
      WebAssembly.instantiate(module, imports).then((instance) => done(instance, module), reject);
      return {};
    };
    init({ instantiateWasm }).then(resolve, reject);
  });
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
