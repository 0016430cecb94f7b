// Counter tracks (Run.counters): a queue's length or a semaphore's permits in use, each a row of
// its own under the lanes, drawn as a step chart (a value holds until the next sample). The
// vertical scale is the object's max (capacity, permits), else the highest value seen, so a full
// queue touches the row's top. Samples are kept as parallel typed arrays, like the spans; a
// row draws only the samples in view, and several within one pixel become one vertical stroke.
import type { Counter, Run } from "../../trace/run";
import { counterTop, LAYOUT } from "./layout";
import { fitLabel } from "./draw-spans";
import type { Ctx2D } from "./renderer";
import { upperBound } from "./span-columns";
import type { RenderTheme } from "./theme";
import type { TimeScale } from "./time-scale";

export interface CounterRow {
  /** The gutter's label: "q length", "sem in use". */
  label: string;
  /** The tooltip's name of the quantity: "queue `q` length". */
  what: string;
  /** The row's top value: the max, else the highest sample (at least 1). */
  top: number;
  /** The object's max, if bounded. */
  max?: number;
  t: Float64Array;
  value: Float64Array;
}

export function buildCounterRows(run: Run): CounterRow[] {
  return (run.counters ?? []).map(rowOf);
}

function rowOf(counter: Counter): CounterRow {
  const queue = counter.kind === "queue length";
  const t = Float64Array.from(counter.samples, (s) => s.t);
  const value = Float64Array.from(counter.samples, (s) => s.value);
  let highest = 1;
  for (const v of value) highest = Math.max(highest, v);
  const row: CounterRow = {
    label: `${counter.object} ${queue ? "length" : "in use"}`,
    what: queue ? `queue \`${counter.object}\` length` : `semaphore \`${counter.object}\` permits in use`,
    top: counter.max !== undefined && counter.max > 0 ? Math.max(counter.max, highest) : highest,
    t,
    value,
  };
  if (counter.max !== undefined) row.max = counter.max;
  return row;
}

/** The counter's value at run time t: 0 before its first sample (objects start empty, none in use). */
export function counterValueAt(row: CounterRow, t: number): number {
  const i = upperBound(row.t, 0, row.t.length, t) - 1;
  return i >= 0 ? row.value[i]! : 0;
}

/** Draws every counter row under `laneCount` lanes; returns how many vertices were drawn. */
export function drawCounterRows(ctx: Ctx2D, rows: readonly CounterRow[], laneCount: number, scale: TimeScale, wallMs: number, theme: RenderTheme): number {
  let vertices = 0;
  rows.forEach((row, i) => {
    vertices += drawRow(ctx, row, counterTop(laneCount, i), scale, wallMs, theme);
  });
  return vertices;
}

function drawRow(ctx: Ctx2D, row: CounterRow, top: number, scale: TimeScale, wallMs: number, theme: RenderTheme): number {
  const p = theme.palette;
  const base = top + LAYOUT.counterHeight - 3;
  const height = LAYOUT.counterHeight - 8;
  const y = (v: number) => base - (Math.max(0, Math.min(v, row.top)) / row.top) * height;
  // The row's floor and, for a bounded object, its ceiling: where "full" is.
  ctx.fillStyle = p.grid;
  ctx.fillRect(scale.x0, base, scale.widthPx, 1);
  if (row.max !== undefined) {
    ctx.setLineDash([3, 3]);
    ctx.strokeStyle = p.grid;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(scale.x0, y(row.max) + 0.5);
    ctx.lineTo(scale.x0 + scale.widthPx, y(row.max) + 0.5);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  const end = Math.min(wallMs, scale.t1);
  const from = Math.max(0, scale.t0);
  if (end <= from) return 0;
  // The step path, from the value in force at the window's left edge to the run's end.
  const first = upperBound(row.t, 0, row.t.length, from);
  let value = counterValueAt(row, from);
  let x = scale.timeToPx(from);
  const points: number[] = [x, y(value)];
  for (let k = first; k < row.t.length && row.t[k]! <= end; k++) {
    const nx = scale.timeToPx(row.t[k]!);
    const next = row.value[k]!;
    if (nx - x >= 0.5 || points.length <= 2) points.push(nx, y(value));
    points.push(nx, y(next));
    x = nx;
    value = next;
  }
  points.push(scale.timeToPx(end), y(value));
  ctx.beginPath();
  ctx.moveTo(points[0]!, base);
  for (let k = 0; k < points.length; k += 2) ctx.lineTo(points[k]!, points[k + 1]!);
  ctx.lineTo(points[points.length - 2]!, base);
  ctx.closePath();
  ctx.fillStyle = p.band;
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(points[0]!, points[1]!);
  for (let k = 2; k < points.length; k += 2) ctx.lineTo(points[k]!, points[k + 1]!);
  ctx.strokeStyle = p.accent;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  return points.length / 2;
}

/** The row labels, in the gutter, with the row's top value at the plot's left edge. */
export function drawCounterLabels(ctx: Ctx2D, rows: readonly CounterRow[], laneCount: number, theme: RenderTheme, gutter: number): void {
  const p = theme.palette;
  ctx.font = p.font;
  ctx.textBaseline = "middle";
  rows.forEach((row, i) => {
    const top = counterTop(laneCount, i);
    ctx.textAlign = "left";
    ctx.fillStyle = p.muted;
    const text = fitLabel(ctx, row.label, gutter - 30);
    if (text) ctx.fillText(text, 8, top + LAYOUT.counterHeight / 2);
    ctx.textAlign = "right";
    ctx.fillText(String(row.top), gutter - 4, top + 8);
    ctx.fillText("0", gutter - 4, top + LAYOUT.counterHeight - 5);
  });
}

/** The counter row under y, or -1. */
export function counterRowAt(y: number, laneCount: number, rowCount: number): number {
  const top = counterTop(laneCount, 0);
  const i = Math.floor((y - top) / LAYOUT.counterHeight);
  return y >= top && i < rowCount ? i : -1;
}
