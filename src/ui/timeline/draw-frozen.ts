// The page's frozen stretches (no frame drawn for 50 ms or more), as a red strip along the top of
// the page-thread row: where main blocks the thread, the student sees the page could not respond.
import { LAYOUT, rowTop } from "./layout";
import type { Ctx2D } from "./renderer";
import type { RenderTheme } from "./theme";
import type { TimelineModel } from "./timeline-model";
import type { TimeScale } from "./time-scale";

export const FROZEN_STRIP_PX = 3;

/** The row that stands for the page's thread: `page`, else the driver's (workers runs). */
export function frozenRow(model: TimelineModel): number {
  const page = model.lanes.findIndex((lane) => lane.id === "page");
  return page >= 0 ? page : model.lanes.findIndex((lane) => lane.id === "main");
}

export function drawFrozen(ctx: Ctx2D, model: TimelineModel, scale: TimeScale, theme: RenderTheme): number {
  const stretches = model.run.frames?.frozen ?? [];
  const row = frozenRow(model);
  if (stretches.length === 0 || row < 0) return 0;
  const y = rowTop(row) + Math.max(0, LAYOUT.barTop - FROZEN_STRIP_PX - 0.5);
  ctx.fillStyle = theme.palette.failed;
  ctx.beginPath();
  let drawn = 0;
  for (const s of stretches) {
    if (s.end < scale.t0 || s.start > scale.t1) continue;
    const x0 = Math.max(scale.timeToPx(s.start), scale.x0);
    const x1 = Math.min(scale.timeToPx(s.end), scale.x0 + scale.widthPx);
    ctx.rect(x0, y, Math.max(1, x1 - x0), FROZEN_STRIP_PX);
    drawn += 1;
  }
  ctx.fill();
  return drawn;
}
