// Worker start-up as a track of its own: from the pool asking for a worker until it could take a
// task, drawn as a grey bar on that worker's lane, so a first task that starts 190 ms late on an
// empty lane is seen to wait for its worker, not for nothing. Few entries (one per worker), kept
// as parallel arrays like the spans; drawn under the spans, hit-tested before them.
import type { Lane, Run } from "../../trace/run";
import { barTop, LAYOUT } from "./layout";
import type { Ctx2D } from "./renderer";
import type { RenderTheme } from "./theme";
import type { TimeScale } from "./time-scale";

export interface StartupColumns {
  readonly count: number;
  readonly laneIndex: Uint16Array;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
}

/** The word on a start-up bar wide enough for it. */
export const STARTUP_LABEL = "starting";

export function buildStartup(run: Run, lanes: readonly Lane[]): StartupColumns {
  const laneOf = new Map(lanes.map((l, i) => [l.id, i]));
  const known = (run.startup ?? []).filter((s) => laneOf.has(s.lane) && Number.isFinite(s.start) && s.end > s.start);
  return {
    count: known.length,
    laneIndex: Uint16Array.from(known, (s) => laneOf.get(s.lane)!),
    starts: Float64Array.from(known, (s) => s.start),
    ends: Float64Array.from(known, (s) => s.end),
  };
}

/** The start-up on `lane` covering time t, or -1. */
export function startupAt(startup: StartupColumns, lane: number, t: number): number {
  for (let i = 0; i < startup.count; i++) {
    if (startup.laneIndex[i] === lane && startup.starts[i]! <= t && t < startup.ends[i]!) return i;
  }
  return -1;
}

/** One fill for all visible start-up bars, then their labels; returns how many were drawn. */
export function drawStartup(ctx: Ctx2D, startup: StartupColumns, scale: TimeScale, theme: RenderTheme): number {
  const boxes: number[] = [];
  ctx.beginPath();
  for (let i = 0; i < startup.count; i++) {
    const s = Math.max(startup.starts[i]!, scale.t0);
    const e = Math.min(startup.ends[i]!, scale.t1);
    if (e <= s) continue;
    const x = scale.timeToPx(s);
    const w = Math.max((e - s) * scale.pxPerMs, 1);
    const y = barTop(startup.laneIndex[i]!);
    ctx.rect(x, y, w, LAYOUT.barHeight);
    boxes.push(x, y, w);
  }
  if (boxes.length === 0) return 0;
  ctx.fillStyle = theme.palette.startup;
  ctx.fill();
  ctx.font = theme.palette.font;
  ctx.fillStyle = theme.palette.fg;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  const textWidth = ctx.measureText(STARTUP_LABEL).width;
  for (let k = 0; k < boxes.length; k += 3) {
    if (boxes[k + 2]! >= textWidth + 8) ctx.fillText(STARTUP_LABEL, boxes[k]! + 4, boxes[k + 1]! + LAYOUT.barHeight / 2 + 0.5);
  }
  return boxes.length / 3;
}

/** A legend swatch, painted as start-up bars are. */
export function paintStartupSwatch(ctx: Ctx2D, theme: RenderTheme, w: number, h: number): void {
  ctx.fillStyle = theme.palette.startup;
  ctx.fillRect(1, 1, w - 2, h - 2);
}
