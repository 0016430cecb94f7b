// The cut between two tasks that share a lane back to back: a gap of the row's own background
// across the bar, on whole CSS pixels so it is equally crisp everywhere (bars sit on fractional
// pixels, and a seam drawn there came out as a faint line at one zoom and nothing at the next).
import { barTop, LAYOUT } from "./layout";
import type { Ctx2D } from "./renderer";
import { forEachBoundary } from "./task-runs";
import type { RenderTheme } from "./theme";
import type { TimelineModel } from "./timeline-model";
import type { TimeScale } from "./time-scale";

/** Gap between two tasks, px: wider when both tasks have room to spare. */
export function gapWidth(narrowerPx: number): number {
  return narrowerPx >= 12 ? 2 : 1;
}

/** Cuts every visible task boundary; returns how many. Two fills: banded rows get the band on top. */
export function drawTaskGaps(ctx: Ctx2D, model: TimelineModel, scale: TimeScale, theme: RenderTheme): number {
  let cuts = 0;
  const banded: number[] = [];
  ctx.beginPath();
  for (let lane = 0; lane < model.lanes.length; lane++) {
    forEachBoundary(model.taskRuns, lane, scale, (x, narrower) => {
      const w = gapWidth(narrower);
      ctx.rect(x - w, barTop(lane), w, LAYOUT.barHeight);
      if (lane % 2 === 1) banded.push(x - w, lane, w);
      cuts++;
    });
  }
  if (cuts === 0) return 0;
  ctx.fillStyle = theme.palette.bg;
  ctx.fill();
  if (banded.length > 0) {
    ctx.beginPath();
    for (let i = 0; i < banded.length; i += 3) ctx.rect(banded[i]!, barTop(banded[i + 1]!), banded[i + 2]!, LAYOUT.barHeight);
    ctx.fillStyle = theme.palette.band;
    ctx.fill();
  }
  return cuts;
}
