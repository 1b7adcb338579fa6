import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { REPORT_EXTENSIONS } from '../extract/document.js';

export interface Inputs {
  /** Files to parse, sorted by path, each once. */
  files: string[];
  /** Paths that named something unusable; reported, and they fail the run. */
  problems: { path: string; message: string; record: boolean }[];
  /** True when the input was exactly one path naming a file. */
  single: boolean;
  /** Each file's path relative to the folder it was found under (a named file: its name). */
  relative: Map<string, string>;
}

/**
 * Expand the command-line paths: a file is taken whatever its name (the format is sniffed);
 * a folder is walked recursively for report files. Symbolic links to folders are followed
 * once: a link loop is reported, not followed forever.
 */
export async function expandInputs(paths: readonly string[]): Promise<Inputs> {
  const files = new Set<string>();
  const relative = new Map<string, string>();
  const problems: Inputs['problems'] = [];
  let fileArgs = 0;
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const message = code === 'ENOENT' ? 'no such file or folder' : code === 'ELOOP' ? 'symbolic link loop' : `cannot access (${code})`;
      problems.push({ path: p, message, record: true });
      continue;
    }
    if (info.isDirectory()) {
      const before = files.size;
      await walk(p, files, problems, new Set());
      for (const f of files) if (!relative.has(f)) relative.set(f, path.relative(p, f));
      if (files.size === before) {
        problems.push({ path: p, message: `no report files (${[...REPORT_EXTENSIONS].join(', ')}) in this folder`, record: false });
      }
    } else {
      fileArgs++;
      files.add(p);
      if (!relative.has(p)) relative.set(p, path.basename(p));
    }
  }
  const sorted = [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files: sorted, problems, single: paths.length === 1 && fileArgs === 1, relative };
}

async function walk(dir: string, files: Set<string>, problems: Inputs['problems'], visited: Set<string>): Promise<void> {
  let real: string;
  let entries;
  try {
    real = await realpath(dir);
    if (visited.has(real)) {
      problems.push({ path: dir, message: 'symbolic link loop; folder skipped', record: false });
      return;
    }
    visited.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: dir, message: `cannot read folder (${(error as NodeJS.ErrnoException).code})`, record: false });
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(full);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        problems.push({ path: full, message: 'broken or looping symbolic link; skipped', record: false });
        continue;
      }
    }
    if (isDir && savedPageFiles(entry.name, entries)) continue;
    if (isDir) await walk(full, files, problems, visited);
    else if (isFile && REPORT_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) && !PROJECT_DOC.test(entry.name)) files.add(full);
  }
}

/** A folder's own notes (README.md beside the reports), never a report; named on the command line they are read. */
const PROJECT_DOC = /^(?:readme|license|licence|changelog|contributing)(?:\.[^.]+)?$/i;

/** `报告_files/` beside `报告.html`: a browser's saved copy of the page's images and scripts, not reports. */
function savedPageFiles(name: string, entries: ReadonlyArray<{ name: string }>): boolean {
  const m = /^(.+)[_.]files$/i.exec(name);
  return m !== null && entries.some((e) => /^\.html?$/i.test(e.name.slice(m[1]!.length)) && e.name.startsWith(m[1]!));
}
