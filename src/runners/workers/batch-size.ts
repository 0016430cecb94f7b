// Python's Pool.map answers per-task overhead with a chunksize; Lanes picks it as it goes.
// Long tasks go one at a time (best balance); tiny ones in batches that take ~TARGET_MS each,
// so the ~0.2 ms message round trip is shared by many tasks.

export const TARGET_BATCH_MS = 4;
export const MAX_BATCH = 2048;

/** Moving estimate of one task's cost (ms), from the time workers report running whole batches. */
export function updateEstimate(previous: number | undefined, batchMs: number, count: number): number {
  const sample = batchMs / Math.max(count, 1);
  return previous === undefined ? sample : previous * 0.5 + sample * 0.5;
}

/** How many queued tasks to send a worker now. */
export function batchSize(estimateMs: number | undefined, queued: number, workers: number): number {
  if (queued <= 0) return 0;
  if (estimateMs === undefined) return 1;
  const byTime = Math.floor(TARGET_BATCH_MS / Math.max(estimateMs, 1e-4));
  const fairShare = Math.ceil(queued / Math.max(workers, 1));
  return Math.max(1, Math.min(byTime, fairShare, MAX_BATCH));
}

/** Batches in flight per worker: a second one hides the round trip, but only for short tasks. */
export function depthFor(estimateMs: number | undefined): number {
  return estimateMs !== undefined && estimateMs < TARGET_BATCH_MS ? 2 : 1;
}
