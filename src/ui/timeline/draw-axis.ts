// The time axis along the top (1-2-5 ticks with ms/s labels), grid lines through the lanes, and
// a marker where the run ended (its wall time).
import { LAYOUT } from "./layout";
import type { Ctx2D } from "./renderer";
import type { RenderTheme } from "./theme";
import { axisTicks, formatMs, formatTick } from "./ticks";
import type { TimeScale } from "./time-scale";

/** Where the wall-time label goes, so tick labels can keep out of its way. */
interface LabelBox {
  text: string;
  x: number;
  left: number;
  right: number;
  align: "left" | "right";
}

function wallLabel(ctx: Ctx2D, scale: TimeScale, wallMs: number, word: string): LabelBox | null {
  if (!(wallMs > 0) || wallMs < scale.t0 || wallMs > scale.t1) return null;
  const x = Math.round(scale.timeToPx(wallMs)) + 0.5;
  const text = `${word} ${formatMs(wallMs)}`;
  const w = ctx.measureText(text).width;
  // Left of the line when there is no room on its right.
  if (x + 4 + w <= scale.x1 + LAYOUT.padRight) return { text, x, left: x, right: x + 4 + w, align: "left" };
  return { text, x, left: x - 4 - w, right: x, align: "right" };
}

/** Grid, tick labels and the wall-time marker, labelled `word` ("end", or "now" while live). */
export function drawAxis(ctx: Ctx2D, scale: TimeScale, wallMs: number, height: number, theme: RenderTheme, word = "end"): void {
  ctx.font = theme.palette.font;
  const end = wallLabel(ctx, scale, wallMs, word);
  drawGrid(ctx, scale, height, theme, end);
  if (end) drawWallMarker(ctx, end, height, theme);
}

function drawGrid(ctx: Ctx2D, scale: TimeScale, height: number, theme: RenderTheme, avoid: LabelBox | null): void {
  const { step, times } = axisTicks(scale.t0, scale.t1, scale.widthPx);
  const p = theme.palette;
  ctx.beginPath();
  for (const t of times) {
    const x = Math.round(scale.timeToPx(t)) + 0.5;
    ctx.moveTo(x, LAYOUT.axisHeight - 5);
    ctx.lineTo(x, height);
  }
  ctx.strokeStyle = p.grid;
  ctx.lineWidth = 1;
  ctx.stroke();

  ctx.font = p.font;
  ctx.fillStyle = p.muted;
  ctx.textBaseline = "middle";
  ctx.textAlign = "center";
  const y = (LAYOUT.axisHeight - 5) / 2 + 1;
  for (const t of times) {
    const x = scale.timeToPx(t);
    const label = formatTick(t, step);
    const half = ctx.measureText(label).width / 2;
    if (x - half < scale.x0 - 6 || x + half > scale.x1 + LAYOUT.padRight) continue;
    if (avoid && x + half + 6 > avoid.left && x - half - 6 < avoid.right) continue;
    ctx.fillText(label, Math.round(x), y);
  }
}

/** Dashed line at the wall time, labelled, so "how long did it take" is one glance. */
function drawWallMarker(ctx: Ctx2D, label: LabelBox, height: number, theme: RenderTheme): void {
  ctx.beginPath();
  ctx.moveTo(label.x, LAYOUT.axisHeight - 5);
  ctx.lineTo(label.x, height);
  ctx.setLineDash([3, 3]);
  ctx.strokeStyle = theme.palette.fg;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.textBaseline = "middle";
  ctx.textAlign = label.align;
  ctx.fillStyle = theme.palette.fg;
  ctx.fillText(label.text, label.align === "left" ? label.x + 4 : label.x - 4, (LAYOUT.axisHeight - 5) / 2 + 1);
}
