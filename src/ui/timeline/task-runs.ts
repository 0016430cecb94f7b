// Where one task hands a lane to the next. A lane's spans, in order, form task runs: maximal
// stretches of consecutive spans of one task (a download's brief running start and its long
// wait are one run; thirteen downloads back to back on the page's thread are thirteen). Two runs
// that touch would draw as one bar, so the renderer cuts a gap where each run begins.
// Parallel typed arrays grouped by lane, like the span columns; O(spans) to build.
import { lowerBound, type SpanColumns } from "./span-columns";
import type { TimeScale } from "./time-scale";

/** A task run at least this wide (px) always shows where it begins and ends. */
export const MIN_TASK_PX = 4;

export interface TaskRuns {
  readonly count: number;
  readonly starts: Float64Array;
  /** Largest end among the run's spans. */
  readonly ends: Float64Array;
  /** Index into the columns' `tasks`. */
  readonly taskIndex: Uint32Array;
  /** Lane i's runs are [laneStart[i], laneStart[i + 1]), sorted by start. */
  readonly laneStart: Uint32Array;
}

export function buildTaskRuns(cols: SpanColumns): TaskRuns {
  const laneCount = cols.lanes.length;
  const starts = new Float64Array(cols.count);
  const ends = new Float64Array(cols.count);
  const taskIndex = new Uint32Array(cols.count);
  const laneStart = new Uint32Array(laneCount + 1);
  let n = 0;
  for (let lane = 0; lane < laneCount; lane++) {
    laneStart[lane] = n;
    for (let i = cols.laneStart[lane]!; i < cols.laneStart[lane + 1]!; i++) {
      const task = cols.taskIndex[i]!;
      if (n > laneStart[lane]! && taskIndex[n - 1] === task) {
        ends[n - 1] = Math.max(ends[n - 1]!, cols.ends[i]!);
        continue;
      }
      starts[n] = cols.starts[i]!;
      ends[n] = cols.ends[i]!;
      taskIndex[n] = task;
      n++;
    }
  }
  laneStart[laneCount] = n;
  return { count: n, starts: starts.slice(0, n), ends: ends.slice(0, n), taskIndex: taskIndex.slice(0, n), laneStart };
}

/**
 * Calls `cut(x, narrower)` at each visible task boundary of `lane`: x is the boundary's pixel
 * rounded to a whole CSS pixel, `narrower` the width (px) of the narrower of the two runs. A
 * boundary is where a run begins right after another one ends, one of the two at least
 * MIN_TASK_PX wide. Runs narrower than that are merged by the level of detail anyway; a
 * stretch of them is skipped with one binary search, so the cost is O(pixels × log runs).
 */
export function forEachBoundary(runs: TaskRuns, lane: number, scale: TimeScale, cut: (x: number, narrower: number) => void): void {
  const lo = runs.laneStart[lane]!;
  const hi = runs.laneStart[lane + 1]!;
  const k = scale.pxPerMs;
  const width = (r: number) => (runs.ends[r]! - runs.starts[r]!) * k;
  const wide = (r: number) => width(r) >= MIN_TASK_PX;
  // The first boundary that can be visible: a run starting at or after the window's start.
  let r = Math.max(lo + 1, lowerBound(runs.starts, lo, hi, scale.t0));
  while (r < hi && runs.starts[r]! <= scale.t1) {
    const px = scale.timeToPx(runs.starts[r]!);
    const x = Math.round(px);
    // Touching: less than 2 px of idle lane between them (or an overlap). A gap that narrow on
    // fractional pixels can leave no whole pixel of background between the two antialiased edges.
    const touching = (runs.starts[r]! - runs.ends[r - 1]!) * k < 2;
    if (touching && (wide(r) || wide(r - 1))) cut(x, Math.min(width(r), width(r - 1)));
    if (wide(r)) {
      r++;
      continue;
    }
    // A narrow run: every run that starts within MIN_TASK_PX of it and is followed by another
    // one there is narrow too, so only the last of them needs looking at.
    r = Math.max(r + 1, lowerBound(runs.starts, r + 1, hi, scale.pxToTime(px + MIN_TASK_PX)) - 1);
  }
}
