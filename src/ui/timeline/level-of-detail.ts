// Level of detail for one lane in one visible window: what to draw, in pixels.
// Spans at least `minRectPx` wide become rectangles clipped to the window; spans narrower than
// that are merged into one-pixel columns that take the state holding most of their time (from the
// per-state prefix sums, so a column of a million spans costs one binary search, not a million
// steps). Work per lane is O(visible pixels × log spans), whatever the number of spans.
import { firstVisible, lowerBound, STATE_COUNT, timeInState, type SpanColumns } from "./span-columns";
import type { TimeScale } from "./time-scale";

/** Text needs this much room; narrower rectangles get no label (the caller measures the text).
 *  Two digits of a task's arguments fit in this. */
export const MIN_LABEL_PX = 18;

/** Draw commands in parallel arrays, reused frame to frame (clear, don't reallocate). */
export interface DrawList {
  n: number;
  x: Float64Array;
  w: Float64Array;
  state: Uint8Array;
  /** The span a rectangle shows, or -1 for a merged column (no label, hover picks by time). */
  span: Int32Array;
  lane: Uint16Array;
}

export function createDrawList(capacity = 256): DrawList {
  return { n: 0, x: new Float64Array(capacity), w: new Float64Array(capacity), state: new Uint8Array(capacity), span: new Int32Array(capacity), lane: new Uint16Array(capacity) };
}

function grow(list: DrawList): void {
  const cap = list.x.length * 2;
  const copy = <T extends Float64Array | Uint8Array | Int32Array | Uint16Array>(a: T, b: T): T => (b.set(a), b);
  list.x = copy(list.x, new Float64Array(cap));
  list.w = copy(list.w, new Float64Array(cap));
  list.state = copy(list.state, new Uint8Array(cap));
  list.span = copy(list.span, new Int32Array(cap));
  list.lane = copy(list.lane, new Uint16Array(cap));
}

function push(list: DrawList, x: number, w: number, state: number, span: number, lane: number): void {
  // Adjacent merged columns of one state become one wider rectangle.
  const last = list.n - 1;
  if (span < 0 && last >= 0 && list.span[last] === -1 && list.state[last] === state && list.lane[last] === lane && list.x[last]! + list.w[last]! === x) {
    list.w[last]! += w;
    return;
  }
  if (list.n === list.x.length) grow(list);
  const k = list.n++;
  list.x[k] = x;
  list.w[k] = w;
  list.state[k] = state;
  list.span[k] = span;
  list.lane[k] = lane;
}

/** Appends the draw commands of `lane` in the scale's window to `out`. */
export function laneDetail(cols: SpanColumns, lane: number, scale: TimeScale, out: DrawList, minRectPx = 1): void {
  const { starts, ends, state } = cols;
  const hi = cols.laneStart[lane + 1]!;
  const { t0, t1 } = scale;
  const k = scale.pxPerMs;
  let i = firstVisible(cols, lane, t0);
  while (i < hi && starts[i]! < t1) {
    const s = starts[i]!;
    const e = ends[i]!;
    if (e <= t0) {
      i++; // only when spans of one lane overlap: an earlier, longer one kept the prefix max up
      continue;
    }
    if ((e - s) * k >= minRectPx) {
      const cs = Math.max(s, t0);
      const ce = Math.min(e, t1);
      push(out, scale.timeToPx(cs), (ce - cs) * k, state[i]!, i, lane);
      i++;
      continue;
    }
    // Sub-pixel: every span starting in this pixel column becomes one column.
    const col = Math.floor(scale.timeToPx(Math.max(s, t0)));
    const colEnd = scale.pxToTime(col + 1);
    const j = Math.max(lowerBound(starts, i + 1, hi, colEnd), i + 1);
    const last = j - 1;
    const lastInCol = Math.max(0, Math.min(ends[last]!, colEnd) - starts[last]!);
    let best = state[i]!;
    let bestTime = 0;
    for (let st = 0; st < STATE_COUNT; st++) {
      const time = timeInState(cols, st, i, last) + (state[last] === st ? lastInCol : 0);
      if (time > bestTime) {
        best = st;
        bestTime = time;
      }
    }
    push(out, col, 1, best, -1, lane);
    // The last span may start here and reach far beyond this pixel: draw the rest of it.
    const rest = Math.min(ends[last]!, t1) - colEnd;
    if (rest * k >= minRectPx) push(out, col + 1, rest * k, state[last]!, last, lane);
    i = j;
  }
}
