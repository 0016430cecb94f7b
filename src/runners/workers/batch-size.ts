// Python's Pool.map answers per-task overhead with a chunksize; Lanes picks it as it goes.
// Long tasks go one at a time (best balance); tiny ones in batches that take ~TARGET_MS each,
// so the ~0.2 ms message round trip is shared by many tasks.

export const TARGET_BATCH_MS = 4;
export const MAX_BATCH = 2048;

/**
 * What tasks have cost lately, from the time workers report running whole batches: sums that
 * halve at each batch, so recent batches count most and a batch of 1,000 tasks counts more
 * than a batch of one (whose time is mostly fixed cost). Ramps from 1 to 2,000 in two batches.
 */
export interface TaskCost {
  busyMs: number;
  tasks: number;
}

export function updateCost(previous: TaskCost | undefined, batchMs: number, count: number): TaskCost {
  if (previous === undefined) return { busyMs: batchMs, tasks: count };
  return { busyMs: previous.busyMs / 2 + batchMs, tasks: previous.tasks / 2 + count };
}

/** Estimated cost of one task (ms), or undefined before any batch came back. */
export function perTaskMs(cost: TaskCost | undefined): number | undefined {
  return cost === undefined ? undefined : cost.busyMs / Math.max(cost.tasks, 1e-9);
}

/** How many queued tasks to send a worker now. */
export function batchSize(estimateMs: number | undefined, queued: number, workers: number): number {
  if (queued <= 0) return 0;
  if (estimateMs === undefined) return 1;
  const byTime = Math.floor(TARGET_BATCH_MS / Math.max(estimateMs, 1e-4));
  // Near the end, share what is left between the workers, but not in pieces under ~1 ms of
  // work: those only add round trips (a tail of 900, 450, 225, … tasks took 2 ms of 12).
  const fairShare = Math.max(Math.ceil(queued / Math.max(workers, 1)), Math.floor(byTime / 4));
  return Math.max(1, Math.min(byTime, fairShare, MAX_BATCH, queued));
}

/** Batches in flight per worker: a second one hides the round trip, but only for short tasks. */
export function depthFor(estimateMs: number | undefined): number {
  return estimateMs !== undefined && estimateMs < TARGET_BATCH_MS ? 2 : 1;
}
