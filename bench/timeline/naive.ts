// The reference the renderer is compared with: one fillRect per span, every frame, no culling and
// no merging, on the same canvas and geometry. It is the cheapest naive drawing (spans grouped by
// state beforehand, so fillStyle changes five times a frame): what is left is the per-span cost.
import { STATES } from "../../src/trace/run";
import { barTop, LAYOUT } from "../../src/ui/timeline/layout";
import type { Viewport } from "../../src/ui/timeline/renderer";
import type { SpanColumns } from "../../src/ui/timeline/span-columns";
import type { RenderTheme } from "../../src/ui/timeline/theme";
import type { TimeScale } from "../../src/ui/timeline/time-scale";

export interface NaiveData {
  starts: Float64Array;
  ends: Float64Array;
  y: Float64Array;
  /** Spans of state s are [stateStart[s], stateStart[s + 1]). */
  stateStart: Uint32Array;
}

export function naiveData(cols: SpanColumns): NaiveData {
  const n = cols.count;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => cols.state[a]! - cols.state[b]! || a - b);
  const data: NaiveData = { starts: new Float64Array(n), ends: new Float64Array(n), y: new Float64Array(n), stateStart: new Uint32Array(STATES.length + 1) };
  order.forEach((i, k) => {
    data.starts[k] = cols.starts[i]!;
    data.ends[k] = cols.ends[i]!;
    data.y[k] = barTop(cols.laneIndex[i]!);
  });
  for (let s = 0, k = 0; s <= STATES.length; s++) {
    while (k < n && cols.state[order[k]!]! < s) k++;
    data.stateStart[s] = k;
  }
  return data;
}

export function drawNaive(ctx: CanvasRenderingContext2D, data: NaiveData, scale: TimeScale, viewport: Viewport, theme: RenderTheme): void {
  const { width, height, dpr } = viewport;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = theme.palette.bg;
  ctx.fillRect(0, 0, width, height);
  ctx.save();
  ctx.beginPath();
  ctx.rect(scale.x0, 0, scale.widthPx, height);
  ctx.clip();
  const k = scale.pxPerMs;
  for (let s = 0; s < STATES.length; s++) {
    ctx.fillStyle = theme.palette[STATES[s]!];
    for (let i = data.stateStart[s]!; i < data.stateStart[s + 1]!; i++) {
      ctx.fillRect(scale.timeToPx(data.starts[i]!), data.y[i]!, (data.ends[i]! - data.starts[i]!) * k, LAYOUT.barHeight);
    }
  }
  ctx.restore();
}
