import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../extract/hash.js';
import type { Status } from '../schema/index.js';
import { summarize, textOf, type Parsed } from './serialize.js';

export const MANIFEST = 'manifest.json';

export interface Manifest {
  tool: 'gov-report';
  /** Reports written by another version are parsed again. */
  version: string;
  /** By the SHA-256 of the input file's bytes. */
  reports: Record<string, { path: string; file: string; status: Status }>;
}

/**
 * The manifest is also saved while the batch runs, at most this often: a run stopped halfway
 * (Ctrl-C, a reboot) then loses at most these seconds of work, not the whole batch.
 */
const SAVE_EVERY_MS = 5000;

/**
 * `--out DIR`: one JSON file per report and a manifest keyed by content hash. A second run over
 * a grown folder parses only files whose content is new (or failed before); moved or renamed
 * files are recognised by their content. Every file is written atomically.
 */
export async function openOutputDir(dir: string, version: string, options: { saveEveryMs?: number } = {}) {
  const saveEveryMs = options.saveEveryMs ?? SAVE_EVERY_MS;
  let lastSave = Date.now();
  await mkdir(dir, { recursive: true });
  const manifestPath = path.join(dir, MANIFEST);
  let manifest: Manifest = { tool: 'gov-report', version, reports: {} };
  try {
    const old = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
    if (old.tool === 'gov-report' && old.version === version && old.reports) manifest = old;
  } catch {
    // No manifest yet, or an unreadable one: start afresh.
  }
  // Stopped before the end (Ctrl-C): what was written is recorded, so the next run resumes.
  const saveOnExit = () => atomicWriteSync(manifestPath, manifestText());
  process.once('exit', saveOnExit);
  return {
    /** Whether this content was already parsed into a report that is still there. */
    done(sha256: string): boolean {
      const entry = manifest.reports[sha256];
      return entry !== undefined && entry.status !== 'failed' && existsSync(path.join(dir, entry.file));
    },
    async write(report: Parsed, sha256: string): Promise<void> {
      const { path: source, status } = summarize(report);
      const file = `${path.basename(source).replace(/[^\p{L}\p{N}._-]+/gu, '_')}.${sha256.slice(0, 12)}.json`;
      await atomicWrite(path.join(dir, file), `${textOf(report, 'json')}\n`);
      manifest.reports[sha256] = { path: source, file, status };
      if (Date.now() - lastSave >= saveEveryMs) await save();
    },
    /** The final save; the batch is over. */
    async end(): Promise<void> {
      process.off('exit', saveOnExit);
      await save();
    },
  };
  function manifestText(): string {
    return `${JSON.stringify(manifest, null, 2)}\n`;
  }
  async function save(): Promise<void> {
    lastSave = Date.now();
    await atomicWrite(manifestPath, manifestText());
  }
}

export async function fileSha256(file: string): Promise<string | null> {
  try {
    return sha256(await readFile(file));
  } catch {
    return null;
  }
}

const tmpOf = (file: string) => `${file}.${process.pid}.tmp`;

async function atomicWrite(file: string, text: string): Promise<void> {
  await writeFile(tmpOf(file), text);
  await rename(tmpOf(file), file);
}

/** For 'exit' handlers, which cannot wait. */
function atomicWriteSync(file: string, text: string): void {
  writeFileSync(tmpOf(file), text);
  renameSync(tmpOf(file), file);
}
