import { createWriteStream, rmSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';

export interface CliIO {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
}

export interface Output {
  stream: Writable;
  /** Make the output final: for files, the temporary file replaces the target only now. */
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** The output could not be written (disk full, permission …): exit code 74. */
export class OutputError extends Error {}

/**
 * `--out FILE` is written to a temporary file beside it and renamed at the end, so an
 * interrupted run never leaves a half-written file that looks complete. A target that exists
 * and is not a regular file (`/dev/null`, a named pipe) is written as is: renaming over it
 * would replace the device with a file.
 */
export async function openOutput(io: CliIO, file: string | undefined): Promise<Output> {
  if (!file) return { stream: io.stdout, commit: async () => {}, abort: async () => {} };
  const existing = await stat(file).catch(() => null);
  const inPlace = existing !== null && !existing.isFile();
  const target = inPlace ? file : path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  // Stopped before commit (Ctrl-C): the temporary file goes too. Registered before the file
  // exists, so no signal can fall between its creation and its clean-up.
  const removeOnExit = () => rmSync(target, { force: true });
  if (!inPlace) process.once('exit', removeOnExit);
  const stream = createWriteStream(target);
  const closed = new Promise<void>((resolve, reject) => {
    stream.once('close', resolve);
    stream.once('error', (error) => reject(outputError(file, error)));
  });
  closed.catch(() => {}); // surfaced by the next write or by commit
  // Fail before parsing anything when the output cannot even be opened (no such folder, no permission).
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    closed.catch(reject);
  }).catch((error: unknown) => {
    process.off('exit', removeOnExit);
    throw error;
  });
  return {
    stream,
    async commit() {
      stream.end();
      await closed;
      if (!inPlace) await rename(target, file).catch((error: unknown) => Promise.reject(outputError(file, error)));
      process.off('exit', removeOnExit);
    },
    async abort() {
      process.off('exit', removeOnExit);
      stream.destroy();
      if (!inPlace) await rm(target, { force: true });
    },
  };
}

export function outputError(file: string, error: unknown): OutputError {
  const e = error as NodeJS.ErrnoException;
  // Node says `ENOSPC: no space left on device, write`; say `no space left on device (ENOSPC)`.
  const what = (e?.message ?? String(error)).replace(/^[A-Z]+: /, '').replace(/, \w+( '[^']*')?$/, '');
  return new OutputError(`cannot write ${file}: ${what}${e?.code ? ` (${e.code})` : ''}`);
}
