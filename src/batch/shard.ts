/** `i/n` → shard i of n (1-based), or an error message. */
export function parseShard(text: string): { index: number; count: number } | string {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) return `--shard takes i/n with 1 ≤ i ≤ n, e.g. 2/8; got "${text}"`;
  return { index, count };
}

/**
 * Whether a file belongs to shard i of n: FNV-1a of its path relative to the folder it was found
 * in. Every machine given the same corpus agrees, and adding files never moves the others.
 */
export function inShard(relativePath: string, shard: { index: number; count: number }): boolean {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(relativePath.split('\\').join('/'))) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % shard.count) + 1 === shard.index;
}
