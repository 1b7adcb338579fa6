import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';

export interface CliIO {
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
}

export interface Output {
  stream: Writable;
  /** Make the output final: for files, the temporary file replaces the target only now. */
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * `--out FILE` is written to a temporary file beside it and renamed at the end, so an
 * interrupted run never leaves a half-written file that looks complete.
 */
export function openOutput(io: CliIO, file: string | undefined): Output {
  if (!file) return { stream: io.stdout, commit: async () => {}, abort: async () => {} };
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const stream = createWriteStream(tmp);
  const closed = new Promise<void>((resolve, reject) => {
    stream.once('close', resolve);
    stream.once('error', reject);
  });
  return {
    stream,
    async commit() {
      stream.end();
      await closed;
      await rename(tmp, file);
    },
    async abort() {
      stream.destroy();
      await rm(tmp, { force: true });
    },
  };
}
