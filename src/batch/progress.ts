import type { Writable } from 'node:stream';
import type { BatchProgress } from './run.js';

/** One line on a terminal, redrawn at most 10 times a second: files, rate, ETA, failures. */
export function progressLine(stderr: Writable & { isTTY?: boolean }) {
  let last = 0;
  return {
    update(p: BatchProgress) {
      const now = Date.now();
      if (now - last < 100 && p.done < p.total) return;
      last = now;
      const seconds = (now - p.startedAt) / 1000;
      const rate = p.done / Math.max(seconds, 0.001);
      const eta = rate > 0 ? Math.round((p.total - p.done) / rate) : 0;
      const failed = p.failed > 0 ? ` · ${p.failed} failed` : '';
      stderr.write(`\r\x1b[2K${p.done}/${p.total} files · ${rate.toFixed(1)}/s · ETA ${formatTime(eta)}${failed}`);
    },
    clear() {
      stderr.write('\r\x1b[2K');
    },
  };
}

function formatTime(s: number): string {
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
