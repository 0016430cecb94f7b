// Numbers a student compares across runners: how long, how busy, how parallel.
// All are computed from the Run record alone, with sweep lines (O(n log n)), so they work the
// same on a live snapshot, a finished run, or one loaded from JSON.
import { clip, measure, peakOverlap, union, type Interval } from "./intervals";
import { DRIVER_TASK, MAIN_LANE, PAGE_LANE } from "./lanes";
import { STATES, type Run, type Span, type State } from "./run";

export interface RunSummary {
  wallMs: number;
  /** Per lane id (every lane of the run): time covered by its `running` spans. */
  busyMs: Record<string, number>;
  /** 0..1, see utilisation(). */
  utilisation: number;
  peakInFlight: number;
  peakRunning: number;
  timeInState: Record<State, number>;
}

const isRunning = (s: Span): boolean => s.state === "running";

function groupBy<K>(spans: readonly Span[], key: (s: Span) => K): Map<K, Span[]> {
  const groups = new Map<K, Span[]>();
  for (const s of spans) {
    const k = key(s);
    const group = groups.get(k);
    if (group) group.push(s);
    else groups.set(k, [s]);
  }
  return groups;
}

/** Per lane: length of the union of its running spans (two tasks running at once count once). */
export function busyMs(run: Run): Record<string, number> {
  const busy: Record<string, number> = {};
  for (const lane of run.lanes) busy[lane.id] = 0;
  for (const [lane, spans] of groupBy(run.spans.filter(isRunning), (s) => s.lane)) busy[lane] = measure(spans);
  return busy;
}

/**
 * Running intervals per thread: one entry per thread-kind lane. The driver main() runs on the
 * page's thread but is drawn on its own task-kind lane, so when the run has a `page` thread lane
 * the `main` lane's running spans are merged into it (as a union: under async the page lane
 * already mirrors them and must not count twice). The workers runner has no page thread lane;
 * its threads are the workers, and the driver's time is not theirs.
 */
function threadRunning(run: Run): Interval[][] {
  const running = groupBy(run.spans.filter(isRunning), (s) => s.lane);
  return run.lanes
    .filter((l) => l.kind === "thread")
    .map((l) => {
      const own: Interval[] = running.get(l.id) ?? [];
      const driver = l.id === PAGE_LANE ? (running.get(MAIN_LANE) ?? []) : [];
      return union([...own, ...driver]);
    });
}

/**
 * Share of the available thread time spent running:
 *   sum over thread-kind lanes L of |union of L's running spans ∩ [0, wallMs)|
 *   / (wallMs × number of thread-kind lanes)
 * where the `page` lane also takes in the `main` driver lane's running spans (see threadRunning).
 * So main and async divide by 1 thread (page), workers by n (worker:1..n). 0 for an empty run.
 */
export function utilisation(run: Run): number {
  const threads = threadRunning(run);
  if (run.wallMs <= 0 || threads.length === 0) return 0;
  const busy = threads.reduce((sum, t) => sum + measure(clip(t, 0, run.wallMs)), 0);
  return busy / (run.wallMs * threads.length);
}

/**
 * Most tasks alive at one instant, the driver excluded. A task is alive from the start of its
 * first span to the end of its last, on any lane, whatever its state (waiting counts: it is in
 * flight). A task that ends at t and one that starts at t are not both alive at t.
 */
export function peakInFlight(run: Run): number {
  const life = new Map<string, Interval>();
  for (const s of run.spans) {
    if (s.task === DRIVER_TASK || s.end <= s.start) continue;
    const l = life.get(s.task);
    if (!l) life.set(s.task, { start: s.start, end: s.end });
    else {
      l.start = Math.min(l.start, s.start);
      l.end = Math.max(l.end, s.end);
    }
  }
  return peakOverlap([...life.values()]);
}

/** Most thread-kind lanes running at one instant: the parallelism actually achieved. */
export function peakRunning(run: Run): number {
  return peakOverlap(threadRunning(run).flat());
}

/**
 * Time per state, counted per task: for each task (driver included) and state, the union of its
 * spans in that state over all lanes, summed over tasks. Per task, so the async runner's page
 * lane, which mirrors a task's running span, does not count it twice.
 */
export function timeInState(run: Run): Record<State, number> {
  const totals = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<State, number>;
  for (const [state, spans] of groupBy(run.spans, (s) => s.state)) {
    for (const own of groupBy(spans, (s) => s.task).values()) totals[state] += measure(own);
  }
  return totals;
}

/** How many times faster `run` was than `baseline`; NaN unless both took some time. */
export function speedUp(run: Run, baseline: Run): number {
  if (!(run.wallMs > 0) || !(baseline.wallMs > 0)) return NaN;
  return baseline.wallMs / run.wallMs;
}

export function summarize(run: Run): RunSummary {
  return {
    wallMs: run.wallMs,
    busyMs: busyMs(run),
    utilisation: utilisation(run),
    peakInFlight: peakInFlight(run),
    peakRunning: peakRunning(run),
    timeInState: timeInState(run),
  };
}
