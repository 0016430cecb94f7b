// Span bars, batched by state: every lane's level-of-detail commands are collected into one draw
// list, then each state is one path (one fill, one pattern fill, at most one stroke) per frame.
// Labels go only on rectangles wide enough for their text.
import { STATES, type State } from "../../trace/run";
import { drawTaskGaps } from "./draw-task-gaps";
import { barTop, LAYOUT } from "./layout";
import { createDrawList, laneDetail, MIN_LABEL_PX, type DrawList } from "./level-of-detail";
import type { Ctx2D } from "./renderer";
import { STATE_TEXT } from "./state-text";
import type { RenderTheme, StatePaint } from "./theme";
import { taskTitle, type TimelineModel } from "./timeline-model";
import type { TimeScale } from "./time-scale";

const LABEL_PAD = 4;
const scratch: DrawList = createDrawList(1024);

/** Fill, pattern, border: the one way a state is painted (the legend calls it too). */
export function paintCurrentPath(ctx: Ctx2D, paint: StatePaint): void {
  ctx.fillStyle = paint.fill;
  ctx.fill();
  if (paint.overlay) {
    ctx.fillStyle = paint.overlay;
    ctx.fill();
  }
  if (paint.outline) {
    ctx.strokeStyle = paint.outline;
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }
}

/** A legend swatch, painted exactly as spans are. */
export function paintSwatch(ctx: Ctx2D, state: State, theme: RenderTheme, w: number, h: number): void {
  ctx.beginPath();
  ctx.rect(1, 1, w - 2, h - 2);
  paintCurrentPath(ctx, theme.states[state]);
}

/** What a bar may say, longest first: the first that fits is drawn. */
function labelsOf(model: TimelineModel, span: number): string[] {
  const c = model.columns;
  const lane = c.lanes[c.laneIndex[span]!];
  // A thread lane shows which task holds it; a task lane is already named, so show the state.
  if (lane?.kind !== "thread") return [STATE_TEXT[STATES[c.state[span]!] ?? "failed"].label];
  const task = c.tasks[c.taskIndex[span]!] ?? "?";
  const args = model.tasks.get(task)?.args;
  // Too narrow for "download(12)": its arguments alone still tell the tasks apart.
  return args ? [taskTitle(model, task), args] : [taskTitle(model, task)];
}

/** Text shortened with an ellipsis to fit `room` px, or null when even a stub would not fit. */
export function fitLabel(ctx: Ctx2D, text: string, room: number): string | null {
  const full = ctx.measureText(text).width;
  if (full <= room) return text;
  // The proportional guess can be a character or two too long (wide letters): shorten until it fits.
  for (let keep = Math.floor((text.length * room) / full) - 1; keep >= 3; keep--) {
    const short = `${text.slice(0, keep)}…`;
    if (ctx.measureText(short).width <= room) return short;
  }
  return null;
}

function drawLabels(ctx: Ctx2D, model: TimelineModel, list: DrawList, theme: RenderTheme): void {
  ctx.font = theme.palette.font;
  ctx.fillStyle = theme.palette.labelInk;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  for (let k = 0; k < list.n; k++) {
    const span = list.span[k]!;
    const w = list.w[k]!;
    if (span < 0 || w < MIN_LABEL_PX) continue;
    const [full, ...shorter] = labelsOf(model, span);
    const room = w - 2 * LABEL_PAD;
    const text = fitLabel(ctx, full ?? "", room) ?? shorter.find((t) => ctx.measureText(t).width <= room);
    if (text) ctx.fillText(text, list.x[k]! + LABEL_PAD, barTop(list.lane[k]!) + LAYOUT.barHeight / 2 + 0.5);
  }
}

/** Draws every lane's spans in the window; returns the draw list (valid until the next call). */
export function drawSpans(ctx: Ctx2D, model: TimelineModel, scale: TimeScale, theme: RenderTheme): DrawList {
  const list = scratch;
  list.n = 0;
  for (let lane = 0; lane < model.lanes.length; lane++) laneDetail(model.columns, lane, scale, list);
  for (let st = 0; st < STATES.length; st++) {
    let any = false;
    for (let k = 0; k < list.n; k++) {
      if (list.state[k] !== st) continue;
      if (!any) ctx.beginPath();
      any = true;
      ctx.rect(list.x[k]!, barTop(list.lane[k]!), list.w[k]!, LAYOUT.barHeight);
    }
    if (any) paintCurrentPath(ctx, theme.states[STATES[st]!]);
  }
  drawTaskGaps(ctx, model, scale, theme);
  drawLabels(ctx, model, list, theme);
  return list;
}
