// Output lines as small marks under their lane's bar (one path for all of them, at most one per
// pixel per lane), and the highlighted span and output line drawn over everything.
import { LAYOUT, rowTop } from "./layout";
import type { Ctx2D, Highlight } from "./renderer";
import { lowerBound } from "./span-columns";
import type { RenderTheme } from "./theme";
import type { TimelineModel } from "./timeline-model";
import type { TimeScale } from "./time-scale";

const MARK_HALF = 3;

function markBase(lane: number): number {
  return rowTop(lane) + LAYOUT.rowHeight - 1;
}

function triangle(ctx: Ctx2D, x: number, base: number, half: number, height: number): void {
  ctx.moveTo(x, base - height);
  ctx.lineTo(x + half, base);
  ctx.lineTo(x - half, base);
  // No closePath(): fill() closes every subpath anyway, and in Chromium each closePath on a
  // path with thousands of subpaths costs more than the last (8,000 marks: 235 ms vs 1 ms).
}

/** A legend swatch: the end of a bar with an output mark under it, as a lane shows one. */
export function paintOutputSwatch(ctx: Ctx2D, theme: RenderTheme, w: number, h: number): void {
  const base = h - 1;
  ctx.fillStyle = theme.palette.grid;
  ctx.fillRect(0, base - LAYOUT.bottomPad - 1, w, 1);
  ctx.beginPath();
  triangle(ctx, w / 2, base, MARK_HALF, LAYOUT.bottomPad);
  ctx.fillStyle = theme.palette.output;
  ctx.fill();
}

export function drawOutputs(ctx: Ctx2D, model: TimelineModel, scale: TimeScale, theme: RenderTheme): number {
  const { t, laneStart } = model.outputs;
  let marks = 0;
  ctx.beginPath();
  for (let lane = 0; lane < model.lanes.length; lane++) {
    const hi = laneStart[lane + 1]!;
    let lastPx = -Infinity;
    for (let k = lowerBound(t, laneStart[lane]!, hi, scale.t0); k < hi && t[k]! <= scale.t1; k++) {
      const x = Math.round(scale.timeToPx(t[k]!));
      if (x === lastPx) continue;
      // Many lines on one pixel: jump past the rest of that pixel instead of visiting each.
      lastPx = x;
      triangle(ctx, x, markBase(lane), MARK_HALF, LAYOUT.bottomPad);
      marks++;
      k = lowerBound(t, k + 1, hi, scale.pxToTime(x + 0.5)) - 1;
    }
  }
  if (marks > 0) {
    ctx.fillStyle = theme.palette.output;
    ctx.fill();
  }
  return marks;
}

function laneOfOutput(model: TimelineModel, index: number): number {
  const line = model.run.output[index];
  return line ? model.lanes.findIndex((l) => l.id === line.lane) : -1;
}

export function drawHighlight(ctx: Ctx2D, model: TimelineModel, scale: TimeScale, theme: RenderTheme, hl: Highlight): void {
  const accent = theme.palette.accent;
  const c = model.columns;
  if (hl.span !== undefined && hl.span >= 0 && hl.span < c.count) {
    const s = Math.max(c.starts[hl.span]!, scale.t0);
    const e = Math.min(c.ends[hl.span]!, scale.t1);
    if (e >= s) {
      const x0 = scale.timeToPx(s);
      const w = Math.max(scale.timeToPx(e) - x0, 1);
      const y = rowTop(c.laneIndex[hl.span]!) + LAYOUT.barTop;
      ctx.strokeStyle = accent;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.rect(x0 - 1.5, y - 1.5, w + 3, LAYOUT.barHeight + 3);
      ctx.stroke();
    }
  }
  for (const index of [hl.output, hl.linkedOutput]) {
    if (index === undefined || index < 0) continue;
    const lane = laneOfOutput(model, index);
    const t = model.run.output[index]?.t;
    if (lane < 0 || t === undefined || t < scale.t0 || t > scale.t1) continue;
    const x = Math.round(scale.timeToPx(t));
    ctx.beginPath();
    ctx.moveTo(x + 0.5, rowTop(lane));
    ctx.lineTo(x + 0.5, markBase(lane));
    ctx.strokeStyle = accent;
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.beginPath();
    triangle(ctx, x, markBase(lane) + 1, MARK_HALF + 2, LAYOUT.bottomPad + 3);
    ctx.fillStyle = accent;
    ctx.fill();
  }
}
