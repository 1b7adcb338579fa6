import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe } from 'vitest';

// Documents written by others are never committed: tests read them from ../shared (the seeds
// and the published reports in shared/real) and skip, saying why, where it is not there.

export const SHARED = path.resolve('../shared');

/** The five seed reports, by the names the tests use. */
export const SEEDS = {
  garbled: 'seeds/000_0157cd21641b28c7.txt',
  dongfeng: 'seeds/001_f174b1ddd8dd595e.txt',
  zhuji: 'seeds/002_605f0bc05b25c761.txt',
  wuzhongCity: 'seeds/003_a9c952ea755c5d56.txt',
  shizuishan: 'seeds/004_83789a04309035d3.txt',
} as const;

/** A shared document's path, or null when ../shared does not hold it. */
export function shared(rel: string): string | null {
  const file = path.join(SHARED, rel);
  return existsSync(file) ? file : null;
}

/** `shared()` for a document a test cannot do without: the path, typed as present. */
export const sharedPath = (rel: string): string => path.join(SHARED, rel);

const poppler = ((): boolean => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * describe(), run only when the shared documents are there; otherwise skipped with one line
 * naming what is missing.
 */
export function describeShared(name: string, rels: readonly string[], fn: () => void | Promise<void>, needs: { poppler?: boolean } = {}): void {
  const missing = rels.filter((r) => shared(r) === null).map((m) => `../shared/${m}`);
  if (needs.poppler && !poppler) missing.push('pdftotext (poppler-utils)');
  if (missing.length > 0) {
    console.warn(`skipped "${name}": ${missing.join(', ')} not present`);
    describe.skip(`${name} (skipped: ${missing[0]} not present)`, () => {});
    return;
  }
  describe(name, fn);
}

/**
 * Text made from a shared PDF by pdftotext (what users hold as converter text), written to a
 * temporary folder; null when poppler-utils is not installed.
 */
export function pdftotext(rel: string, args: readonly string[] = []): string | null {
  const pdf = shared(rel);
  if (!pdf || !poppler) return null;
  const dir = path.join(tmpdir(), 'gov-report-derived');
  mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `${path.basename(rel, '.pdf')}${args.join('')}.txt`);
  execFileSync('pdftotext', [...args, pdf, out]);
  return out;
}

export const HAS_POPPLER = poppler;
