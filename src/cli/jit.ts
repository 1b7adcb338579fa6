import { setFlagsFromString } from 'node:v8';

/**
 * TurboFan's default inlining made each batch worker spend ~2 s of CPU compiling the parsers
 * (50–95 ms per function, measured with --trace-opt); a smaller inlining budget costs nothing
 * in speed and cuts total CPU ~15 % for text batches and ~10 % for PDFs. V8 flags are
 * per-process, so the pool's workers get it too; the library itself never sets flags.
 */
export const JIT_FLAGS = '--max-inlined-bytecode-size=100';

/** Set JIT_FLAGS for this process: before any worker starts (the CLI, the bench's measuring process). */
export function setJitFlags(): void {
  setFlagsFromString(JIT_FLAGS);
}
