// A Run's spans as parallel typed arrays, grouped by lane and sorted by start within each lane,
// so drawing never walks objects and a binary search finds the first visible span of a lane.
// After Perfetto's slice_track.ts and DevTools' FlameChart.ts timeline data.
import { STATES, type Lane, type Run, type State } from "../../trace/run";

export const STATE_COUNT = STATES.length;

export function stateIndex(state: State): number {
  const i = STATES.indexOf(state);
  return i < 0 ? STATES.indexOf("failed") : i;
}

export interface SpanColumns {
  readonly count: number;
  /** The run's lanes in order, then any lane a span or output names that the run did not list. */
  readonly lanes: readonly Lane[];
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly laneIndex: Uint16Array;
  /** Index into STATES. */
  readonly state: Uint8Array;
  /** Index into `tasks`. */
  readonly taskIndex: Uint32Array;
  readonly tasks: readonly string[];
  /** Lane i's spans are [laneStart[i], laneStart[i + 1]). Length lanes.length + 1. */
  readonly laneStart: Uint32Array;
  /** Largest end among the lane's spans up to and including i: non-decreasing within a lane, so
   *  "first span that ends after t" is a binary search even if spans overlap. */
  readonly endPrefixMax: Float64Array;
  /** stateTime[s * (count + 1) + i]: time spent in state s by spans [laneStart, i) of the global
   *  order. Differences give the time per state of any run of spans in O(1) (level of detail). */
  readonly stateTime: Float64Array;
}

/** Lanes in Run order, plus implicit ones (labelled by their id) so nothing is silently dropped. */
export function collectLanes(run: Run): Lane[] {
  const lanes = [...run.lanes];
  const known = new Set(lanes.map((l) => l.id));
  const add = (id: string) => {
    if (known.has(id)) return;
    known.add(id);
    lanes.push({ id, label: id, kind: "thread" });
  };
  for (const s of run.spans) add(s.lane);
  for (const o of run.output) add(o.lane);
  return lanes;
}

export function buildSpanColumns(run: Run, lanes: readonly Lane[] = collectLanes(run)): SpanColumns {
  const laneOf = new Map(lanes.map((l, i) => [l.id, i]));
  const taskOf = new Map<string, number>();
  const tasks: string[] = [];
  const src = run.spans;
  const n = src.length;

  // Order an index permutation, not the objects: (lane, start, end).
  const srcLane = new Uint16Array(n);
  for (let i = 0; i < n; i++) srcLane[i] = laneOf.get(src[i]!.lane) ?? 0;
  const order = orderByLane(srcLane, lanes.length, src);

  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const laneIndex = new Uint16Array(n);
  const state = new Uint8Array(n);
  const taskIndex = new Uint32Array(n);
  const endPrefixMax = new Float64Array(n);
  const stateTime = new Float64Array(STATE_COUNT * (n + 1));
  const laneStart = new Uint32Array(lanes.length + 1);

  let lane = -1;
  for (let k = 0; k < n; k++) {
    const s = src[order[k]!]!;
    const li = srcLane[order[k]!]!;
    while (lane < li) laneStart[++lane] = k;
    let ti = taskOf.get(s.task);
    if (ti === undefined) {
      ti = tasks.length;
      tasks.push(s.task);
      taskOf.set(s.task, ti);
    }
    const end = Math.max(s.start, s.end);
    starts[k] = s.start;
    ends[k] = end;
    laneIndex[k] = li;
    state[k] = stateIndex(s.state);
    taskIndex[k] = ti;
    const prev = k > 0 && laneStart[li] !== k ? endPrefixMax[k - 1]! : -Infinity;
    endPrefixMax[k] = Math.max(prev, end);
    for (let st = 0; st < STATE_COUNT; st++) {
      const at = st * (n + 1) + k;
      stateTime[at + 1] = stateTime[at]! + (st === state[k] ? end - s.start : 0);
    }
  }
  while (lane < lanes.length) laneStart[++lane] = n;

  return { count: n, lanes, starts, ends, laneIndex, state, taskIndex, tasks, laneStart, endPrefixMax, stateTime };
}

/**
 * Recorded runs list spans by start already, so a stable counting sort by lane (O(n)) is enough;
 * a comparator sort is only the fallback for spans that come out of order.
 */
function orderByLane(srcLane: Uint16Array, laneCount: number, src: Run["spans"]): Uint32Array {
  const n = srcLane.length;
  const next = new Uint32Array(laneCount + 1);
  for (let i = 0; i < n; i++) next[srcLane[i]! + 1]! += 1;
  for (let l = 1; l <= laneCount; l++) next[l]! += next[l - 1]!;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[next[srcLane[i]!]!++] = i;
  for (let k = 1; k < n; k++) {
    const a = src[order[k - 1]!]!;
    const b = src[order[k]!]!;
    if (srcLane[order[k - 1]!] === srcLane[order[k]!] && (a.start > b.start || (a.start === b.start && a.end > b.end))) {
      return order.sort((x, y) => srcLane[x]! - srcLane[y]! || src[x]!.start - src[y]!.start || src[x]!.end - src[y]!.end);
    }
  }
  return order;
}

/** First index i in [lo, hi) whose value is > t (values non-decreasing), or hi. */
export function upperBound(values: Float64Array, lo: number, hi: number, t: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index i in [lo, hi) whose value is >= t, or hi. */
export function lowerBound(values: Float64Array, lo: number, hi: number, t: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! >= t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First span of `lane` that ends after t: the first one a window starting at t can show. */
export function firstVisible(cols: SpanColumns, lane: number, t: number): number {
  return upperBound(cols.endPrefixMax, cols.laneStart[lane]!, cols.laneStart[lane + 1]!, t);
}

/** Time spent in state `st` by spans [i, j) (same lane). */
export function timeInState(cols: SpanColumns, st: number, i: number, j: number): number {
  const base = st * (cols.count + 1);
  return cols.stateTime[base + j]! - cols.stateTime[base + i]!;
}
