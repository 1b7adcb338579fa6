import { BroadcastChannel, workerData } from 'node:worker_threads';

/** What the pool sends a worker: the file, and the id its start is announced under. */
export interface Task {
  path: string;
  id: number;
}

let channel: BroadcastChannel | undefined;

/**
 * Tell the pool a task has started, so its timeout counts running time only (tasks wait in a
 * short queue per worker, which keeps workers from idling between files).
 */
export function announceStart(task: Task): void {
  const name = (workerData as { startChannel?: string } | undefined)?.startChannel;
  if (!name) return;
  if (!channel) {
    channel = new BroadcastChannel(name);
    channel.unref();
  }
  channel.postMessage(task.id);
}
