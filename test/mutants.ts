import { readFileSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['pdf/2021-ruled.pdf', 'pdf/2019-blank-cells.pdf', 'scanned/2021-scanned-page.pdf', 'pdf/2019-kangxi.pdf'].map((f) => readFileSync(path.join('fixtures', f)));

/** A small deterministic generator, so a failing mutant can be made again from its number. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Mutant number n of our PDF fixtures: flips, a truncation, a random block, or two documents spliced. */
export function mutant(n: number): Buffer {
  const rnd = random(n * 7919 + 17);
  const pick = (max: number) => Math.floor(rnd() * max);
  const src = Buffer.from(SOURCES[n % SOURCES.length]!);
  switch (n % 4) {
    case 0: // flips: a few dozen bytes anywhere
      for (let i = 0; i < 8 + pick(64); i++) src[pick(src.length)] = pick(256);
      return src;
    case 1: // truncated somewhere
      return src.subarray(0, 256 + pick(src.length - 256));
    case 2: {
      // a block of random bytes over the middle (streams, xref, objects)
      const at = pick(src.length);
      for (let i = at; i < Math.min(src.length, at + 64 + pick(4096)); i++) src[i] = pick(256);
      return src;
    }
    default: {
      // two documents spliced, or one cut and repeated
      const other = SOURCES[(n + 1) % SOURCES.length]!;
      return Buffer.concat([src.subarray(0, pick(src.length)), other.subarray(pick(other.length))]);
    }
  }
}

