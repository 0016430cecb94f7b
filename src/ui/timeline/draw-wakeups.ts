// Wake-up arrows (Perfetto's flows, DevTools' initiator arrows): from the release, notify, put
// or set that unblocked a task to the moment that task continued, lane to lane. Arrows are few
// (only contended waits make them); their lanes are found once per model and cached.
import type { Wakeup } from "../../trace/run";
import { LAYOUT, barTop } from "./layout";
import type { Ctx2D } from "./renderer";
import type { RenderTheme } from "./theme";
import type { TimelineModel } from "./timeline-model";
import type { TimeScale } from "./time-scale";

/** More arrows than this would be a smear: the first ones in view are drawn. */
const MAX_ARROWS = 400;
const HEAD = 5;
/**
 * At fit zoom a release and the wake-up it causes are often under one pixel apart: the arrow
 * would be a vertical stroke on a span's edge, its head pointing nowhere. The tail is moved left
 * (earlier: the signal comes first) until the arrow is at least this wide, and this long when
 * both ends are on one lane; a square marks the tail, so a short arrow still reads as one.
 */
export const MIN_DX = 7;
export const MIN_SAME_LANE = 14;
const TAIL = 3;

/** Where to draw the tail of an arrow ending at (x1, y1): the real one, or far enough left to see. */
export function visibleTail(x0: number, y0: number, x1: number, y1: number): number {
  const least = y0 === y1 ? MIN_SAME_LANE : MIN_DX;
  return x1 - x0 < least ? x1 - least : x0;
}

interface Arrow {
  wakeup: Wakeup;
  fromLane: number;
  toLane: number;
}

const cache = new WeakMap<TimelineModel, Arrow[]>();

/**
 * The lane (row index) a task was on at time t: the span of the task nearest t. Under async a
 * task's running stretches are mirrored on the page thread's lane; its own lane is preferred.
 */
function laneFinder(model: TimelineModel): (task: string, t: number) => number {
  const own = new Map<string, { lane: number; start: number; end: number }[]>();
  const mirrored = new Map<string, { lane: number; start: number; end: number }[]>();
  const laneIndex = new Map(model.lanes.map((l, i) => [l.id, i]));
  const mirrors = model.run.runner === "async" ? new Set(model.lanes.filter((l) => l.kind === "thread").map((l) => l.id)) : new Set<string>();
  for (const s of model.run.spans) {
    const lane = laneIndex.get(s.lane);
    if (lane === undefined) continue;
    const into = mirrors.has(s.lane) ? mirrored : own;
    let list = into.get(s.task);
    if (!list) into.set(s.task, (list = []));
    list.push({ lane, start: s.start, end: s.end });
  }
  return (task, t) => {
    let best = -1;
    let distance = Infinity;
    for (const s of own.get(task) ?? mirrored.get(task) ?? []) {
      const d = t < s.start ? s.start - t : t > s.end ? t - s.end : 0;
      if (d < distance) {
        distance = d;
        best = s.lane;
      }
    }
    return best;
  };
}

export function wakeupArrows(model: TimelineModel): Arrow[] {
  const hit = cache.get(model);
  if (hit) return hit;
  const wakeups = model.run.wakeups ?? [];
  const laneOf = wakeups.length > 0 ? laneFinder(model) : () => -1;
  const arrows = wakeups
    .map((wakeup) => ({ wakeup, fromLane: laneOf(wakeup.from.task, wakeup.from.t), toLane: laneOf(wakeup.to.task, wakeup.to.t) }))
    .filter((a) => a.fromLane >= 0 && a.toLane >= 0);
  cache.set(model, arrows);
  return arrows;
}

/** Draws the arrows in view; `only` (a task) draws just the arrows into that task, emphasised. Returns how many. */
export function drawWakeups(ctx: Ctx2D, model: TimelineModel, scale: TimeScale, theme: RenderTheme, only?: string): number {
  const arrows = wakeupArrows(model);
  if (arrows.length === 0) return 0;
  const mid = LAYOUT.barHeight / 2;
  let drawn = 0;
  ctx.save();
  ctx.strokeStyle = theme.palette.accent;
  ctx.fillStyle = theme.palette.accent;
  ctx.lineWidth = only ? 2 : 1;
  ctx.beginPath();
  const heads: [number, number, number][] = [];
  const tails: number[] = [];
  for (const { wakeup, fromLane, toLane } of arrows) {
    if (only !== undefined && wakeup.to.task !== only) continue;
    if (wakeup.to.t < scale.t0 || wakeup.from.t > scale.t1) continue;
    const x1 = scale.timeToPx(wakeup.to.t);
    const y0 = barTop(fromLane) + mid;
    const y1 = barTop(toLane) + mid;
    const x0 = visibleTail(scale.timeToPx(wakeup.from.t), y0, x1, y1);
    ctx.moveTo(x0, y0);
    tails.push(x0, y0);
    ctx.lineTo(x1, y1);
    heads.push([x1, y1, Math.atan2(y1 - y0, x1 - x0)]);
    if (++drawn >= MAX_ARROWS) break;
  }
  ctx.stroke();
  ctx.beginPath();
  for (const [x, y, angle] of heads) {
    ctx.moveTo(x, y);
    ctx.lineTo(x - HEAD * Math.cos(angle - 0.45), y - HEAD * Math.sin(angle - 0.45));
    ctx.lineTo(x - HEAD * Math.cos(angle + 0.45), y - HEAD * Math.sin(angle + 0.45));
  }
  for (let k = 0; k < tails.length; k += 2) ctx.rect(tails[k]! - TAIL / 2, tails[k + 1]! - TAIL / 2, TAIL, TAIL);
  ctx.fill();
  ctx.restore();
  return drawn;
}

/** For a tooltip: the label of the span and the wake-up that ended it, in words. */
export function waitWords(model: TimelineModel, task: string, lane: string, start: number, end: number): string[] {
  const span = model.run.spans.find((s) => s.task === task && s.lane === lane && s.start === start);
  const lines: string[] = [];
  if (span?.label) lines.push(span.label);
  const woke = (model.run.wakeups ?? []).find((w) => w.to.task === task && w.to.t >= end - 0.5 && w.from.t <= end + 0.5);
  if (woke) {
    const info = model.tasks.get(woke.from.task);
    const who = info ? `${info.name}(${info.args})` : woke.from.task === "main" ? "main()" : `task ${woke.from.task}`;
    lines.push(`held by ${who}, which let go of \`${woke.object}\` at ${woke.from.t.toFixed(1)} ms`);
  }
  return lines;
}
