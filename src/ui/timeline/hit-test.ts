// What is under the pointer: an output mark (in the strip under a lane's bar) or a span.
// O(log n) per lane: a binary search, never a scan, so hovering 100,000 spans stays smooth.
import { LAYOUT, laneAt, rowTop, type Layout } from "./layout";
import { lowerBound, upperBound } from "./span-columns";
import { counterRowAt } from "./counter-rows";
import { startupAt } from "./startup-track";
import type { TimelineModel } from "./timeline-model";
import type { TimeScale } from "./time-scale";

export type Hit =
  | { kind: "span"; span: number }
  | { kind: "output"; output: number }
  | { kind: "startup"; startup: number }
  /** A counter row; `sample`: the index of the value in force (-1: before the first, i.e. 0). */
  | { kind: "counter"; row: number; sample: number };

/** How close (px) the pointer must be to a thin span or an output mark to pick it. */
export const HIT_SLOP_PX = 4;

function hitOutput(model: TimelineModel, lane: number, scale: TimeScale, x: number): Hit | null {
  const { t, laneStart, source } = model.outputs;
  const slop = HIT_SLOP_PX / scale.pxPerMs;
  const at = scale.pxToTime(x);
  const lo = laneStart[lane]!;
  const hi = laneStart[lane + 1]!;
  let best = -1;
  for (let k = lowerBound(t, lo, hi, at - slop); k < hi && t[k]! <= at + slop; k++) {
    if (best < 0 || Math.abs(t[k]! - at) < Math.abs(t[best]! - at)) best = k;
    if (k - lo > 64) break; // a pile of lines on one pixel: the first ones will do
  }
  return best < 0 ? null : { kind: "output", output: source[best]! };
}

function hitSpan(model: TimelineModel, lane: number, scale: TimeScale, x: number): Hit | null {
  const { starts, ends, laneStart } = model.columns;
  const lo = laneStart[lane]!;
  const hi = laneStart[lane + 1]!;
  const at = scale.pxToTime(x);
  const slop = HIT_SLOP_PX / scale.pxPerMs;
  // Last span starting at or before the pointer: it covers the pointer if it has not ended.
  const j = upperBound(starts, lo, hi, at) - 1;
  if (j >= lo && ends[j]! > at) return { kind: "span", span: j };
  const before = j >= lo && at - ends[j]! <= slop ? at - ends[j]! : Infinity;
  const after = j + 1 < hi && starts[j + 1]! - at <= slop ? starts[j + 1]! - at : Infinity;
  if (before === Infinity && after === Infinity) return null;
  return { kind: "span", span: before <= after ? j : j + 1 };
}

function hitCounter(model: TimelineModel, scale: TimeScale, x: number, y: number): Hit | null {
  const row = counterRowAt(y, model.lanes.length, model.counters.length);
  const counter = model.counters[row];
  if (!counter) return null;
  const at = scale.pxToTime(x);
  if (at < 0 || at > model.run.wallMs) return null;
  return { kind: "counter", row, sample: upperBound(counter.t, 0, counter.t.length, at) - 1 };
}

export function hitTest(model: TimelineModel, scale: TimeScale, x: number, y: number, layout: Layout = LAYOUT): Hit | null {
  if (x < scale.x0 - HIT_SLOP_PX || x > scale.x1 + HIT_SLOP_PX) return null;
  const lane = laneAt(y, model.lanes.length, layout);
  if (lane < 0) return hitCounter(model, scale, x, y);
  const inMarkStrip = y >= rowTop(lane, layout) + layout.barTop + layout.barHeight - 2;
  if (inMarkStrip) {
    const out = hitOutput(model, lane, scale, x);
    if (out) return out;
  }
  const startup = startupAt(model.startup, lane, scale.pxToTime(x));
  if (startup >= 0) return { kind: "startup", startup };
  return hitSpan(model, lane, scale, x);
}
