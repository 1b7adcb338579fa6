import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { expandInputs } from '../src/cli/inputs.js';
import { run } from '../src/cli/program.js';

/** Every report file under fixtures/, as the CLI would find them. */
export async function fixtureFiles(dir = 'fixtures'): Promise<string[]> {
  return (await expandInputs([dir])).files;
}

/** Every cell of a tables object (or any nested object), keyed `table.row.column`. */
export type FlatCells = Record<string, number | null>;
export function flatCells(o: unknown, p = '', out: FlatCells = {}): FlatCells {
  if (o !== null && typeof o === 'object') for (const [k, v] of Object.entries(o)) flatCells(v, p ? `${p}.${k}` : k, out);
  else out[p] = o as number | null;
  return out;
}

/** The golden JSON of a fixture. */
export function goldenPath(file: string): string {
  return path.join('test/golden', `${file.replace(/^fixtures\//, '')}.json`);
}

/**
 * Compare with the golden JSON beside it in test/golden/; `UPDATE=1` rewrites it. Goldens were
 * checked by hand against the source; every golden test also asserts key values outright.
 */
export function matchGolden(file: string, actual: unknown): { expected: unknown; actual: unknown } {
  const golden = goldenPath(file);
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE) {
    mkdirSync(path.dirname(golden), { recursive: true });
    writeFileSync(golden, text);
  }
  return { expected: JSON.parse(readFileSync(golden, 'utf8')), actual: JSON.parse(text) };
}

class Sink extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void) {
    this.chunks.push(Buffer.from(chunk));
    cb();
  }
  get text() {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** Run the CLI in-process and capture what it prints. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWith({}, ...argv);
}

/** The same, with stderr posing as a terminal when asked (progress is drawn only there). */
export async function cliWith(options: { ttyStderr?: boolean }, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Sink();
  const stderr = Object.assign(new Sink(), { isTTY: options.ttyStderr ?? false });
  const code = await run(argv, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
