// Draws one run's timeline on a 2D context: lane rows and labels, grid and axis, spans by state,
// output marks, highlight. Pure over its inputs (model, scale, viewport, theme), so it is tested
// with a recording fake context; the component owns the canvas and calls it from its rAF loop.
import { drawCounterLabels, drawCounterRows } from "./counter-rows";
import { drawAxis } from "./draw-axis";
import { drawFrozen } from "./draw-frozen";
import { drawHighlight, drawOutputs } from "./draw-marks";
import { drawSpans, fitLabel } from "./draw-spans";
import { drawWakeups } from "./draw-wakeups";
import { LAYOUT, rowTop } from "./layout";
import { drawStartup } from "./startup-track";
import type { RenderTheme } from "./theme";
import type { TimelineModel } from "./timeline-model";
import type { TimeScale } from "./time-scale";

/** The part of CanvasRenderingContext2D the timeline uses (a fake one records it in tests). */
export type Ctx2D = Pick<
  CanvasRenderingContext2D,
  | "save" | "restore" | "setTransform" | "clearRect" | "fillRect" | "beginPath" | "rect" | "moveTo" | "lineTo"
  | "closePath" | "fill" | "stroke" | "clip" | "fillText" | "measureText" | "setLineDash"
  | "fillStyle" | "strokeStyle" | "lineWidth" | "font" | "textAlign" | "textBaseline"
>;

/** Canvas size in CSS pixels, and device pixels per CSS pixel. */
export interface Viewport {
  width: number;
  height: number;
  dpr: number;
}

export interface RenderOptions {
  /** The run is still going: its wall-time marker says "now", not "end". */
  live?: boolean;
  /** Replay: draw only what happened before this run time, and a line there. */
  playhead?: number | null;
}

/** Indices into the model: a span (columns order), output lines (run.output order). */
export interface Highlight {
  span?: number;
  output?: number;
  /** An output line highlighted from elsewhere (the output panel). */
  linkedOutput?: number;
}

function drawRows(ctx: Ctx2D, model: TimelineModel, viewport: Viewport, theme: RenderTheme): void {
  ctx.fillStyle = theme.palette.band;
  for (let lane = 1; lane < model.lanes.length; lane += 2) ctx.fillRect(0, rowTop(lane), viewport.width, LAYOUT.rowHeight);
}

function drawLaneLabels(ctx: Ctx2D, model: TimelineModel, theme: RenderTheme, gutter: number): void {
  const p = theme.palette;
  ctx.font = p.font;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  model.lanes.forEach((lane, i) => {
    // Threads (page, workers) are what runs; task lanes are indented under them.
    const indent = lane.kind === "task" && lane.id !== "main" ? 14 : 8;
    const text = fitLabel(ctx, lane.label, gutter - indent - 8);
    if (!text) return;
    ctx.fillStyle = lane.kind === "thread" ? p.fg : p.muted;
    ctx.fillText(text, indent, rowTop(i) + LAYOUT.barTop + LAYOUT.barHeight / 2 + 0.5);
  });
}

function drawPlayhead(ctx: Ctx2D, x: number, height: number, theme: RenderTheme): void {
  ctx.fillStyle = theme.palette.accent;
  ctx.fillRect(Math.round(x) - 1, LAYOUT.axisHeight - 6, 2, height - LAYOUT.axisHeight + 6);
}

export function renderTimeline(
  ctx: Ctx2D,
  model: TimelineModel,
  scale: TimeScale,
  viewport: Viewport,
  theme: RenderTheme,
  highlight?: Highlight,
  options: RenderOptions = {},
): void {
  const { width, height, dpr } = viewport;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = theme.palette.bg;
  ctx.fillRect(0, 0, width, height);
  drawRows(ctx, model, viewport, theme);
  drawAxis(ctx, scale, model.run.wallMs, height, theme, options.live ? "now" : "end");

  // Spans and marks stay inside the plot area, whatever the window.
  const playhead = options.playhead ?? null;
  const right = playhead === null ? scale.x0 + scale.widthPx : Math.min(scale.x0 + scale.widthPx, scale.timeToPx(playhead));
  ctx.save();
  ctx.beginPath();
  ctx.rect(scale.x0, 0, Math.max(0, right - scale.x0), height);
  ctx.clip();
  drawStartup(ctx, model.startup, scale, theme);
  drawSpans(ctx, model, scale, theme);
  drawCounterRows(ctx, model.counters, model.lanes.length, scale, model.run.wallMs, theme);
  drawFrozen(ctx, model, scale, theme);
  drawOutputs(ctx, model, scale, theme);
  drawWakeups(ctx, model, scale, theme);
  if (highlight) drawHighlight(ctx, model, scale, theme, highlight);
  ctx.restore();
  if (playhead !== null) drawPlayhead(ctx, right, height, theme);

  // The label column ends where the time scale begins.
  drawLaneLabels(ctx, model, theme, scale.x0);
  drawCounterLabels(ctx, model.counters, model.lanes.length, theme, scale.x0);
}
