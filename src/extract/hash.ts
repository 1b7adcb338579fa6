import { createHash } from 'node:crypto';

/** The content hash a report's source carries, and `--out DIR` keys its manifest by. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
