// Every task at least MIN_TASK_PX wide is drawn with a visible boundary, at every zoom: checked
// on what the renderer's fills leave on each bar's middle line (FakeContext.paintedRow).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Run, Span, State } from "../../trace/run";
import { FakeContext } from "./fake-context";
import { barTop, LAYOUT, plotRange, sectionHeight } from "./layout";
import { renderTimeline } from "./renderer";
import { MIN_TASK_PX } from "./task-runs";
import { LIGHT, renderTheme } from "./theme";
import { buildModel } from "./timeline-model";
import { TimeScale } from "./time-scale";

const theme = renderTheme(LIGHT, { waiting: "pattern:hatch", blocked: "pattern:cross", ready: "pattern:dots", failed: "pattern:x" });
const WIDTH = 900;

/** Tasks on worker lanes, each a short running start and then `state`; `idle[w][i]` ms of idle
 *  lane before task i of lane w (none: back to back). */
function backToBack(durations: number[][], idle: number[][] = [], state: State = "waiting"): Run {
  const spans: Span[] = [];
  let id = 0;
  durations.forEach((lane, w) => {
    let t = 0;
    for (const [i, d] of lane.entries()) {
      t += idle[w]?.[i] ?? 0;
      const task = String(++id);
      spans.push({ lane: `worker:${w + 1}`, task, state: "running", start: t, end: t + d * 0.01 });
      spans.push({ lane: `worker:${w + 1}`, task, state, start: t + d * 0.01, end: t + d });
      t += d;
    }
  });
  const wallMs = Math.max(...spans.map((s) => s.end));
  return {
    runner: "workers",
    ok: true,
    wallMs,
    lanes: durations.map((_, i) => ({ id: `worker:${i + 1}`, label: `worker ${i + 1}`, kind: "thread" as const })),
    spans,
    output: [],
    tasks: Array.from({ length: id }, (_, i) => ({ id: String(i + 1), name: "download", args: String(i + 1) })),
  };
}

interface Problem {
  lane: number;
  task: string;
  at: number;
  why: string;
}

/** Tasks of `run` at least MIN_TASK_PX wide in `scale` whose start shows no gap, or that vanished. */
function invisibleBoundaries(run: Run, scale: TimeScale): Problem[] {
  const model = buildModel(run);
  const ctx = new FakeContext();
  renderTimeline(ctx.asContext(), model, scale, { width: WIDTH, height: sectionHeight(model.lanes.length), dpr: 2 }, theme);
  const problems: Problem[] = [];
  model.lanes.forEach((lane, li) => {
    const row = ctx.paintedRow(barTop(li) + LAYOUT.barHeight / 2, WIDTH);
    const background = li % 2 === 1 ? LIGHT.band : LIGHT.bg;
    const spans = run.spans.filter((s) => s.lane === lane.id);
    // Task runs, worked out here from the spans (not by the code under test).
    const runs: { task: string; start: number; end: number }[] = [];
    for (const s of spans) {
      const last = runs[runs.length - 1];
      if (last && last.task === s.task) last.end = Math.max(last.end, s.end);
      else runs.push({ task: s.task, start: s.start, end: s.end });
    }
    runs.forEach((r, i) => {
      const x0 = scale.timeToPx(Math.max(r.start, scale.t0));
      const x1 = scale.timeToPx(Math.min(r.end, scale.t1));
      if (x1 - x0 < MIN_TASK_PX || x0 < scale.x0 + 2 || x1 > scale.x1) return;
      const inside = row.slice(Math.ceil(x0) + 1, Math.floor(x1) - 1);
      if (!inside.some((p) => p !== background)) problems.push({ lane: li, task: r.task, at: x0, why: "not drawn" });
      const prev = runs[i - 1];
      if (!prev) return;
      // Some pixel column right at the task's start is the row's background.
      const near = row.slice(Math.floor(x0) - 2, Math.ceil(x0) + 1);
      if (!near.includes(background)) problems.push({ lane: li, task: r.task, at: x0, why: "no gap before it" });
    });
  });
  return problems;
}

const [X0, X1] = plotRange(WIDTH);

describe("task boundaries", () => {
  it("cuts thirteen back-to-back downloads on one lane into thirteen bars at fit zoom", () => {
    const run = backToBack([Array.from({ length: 13 }, () => 100)]);
    const scale = new TimeScale(-26, 1326, X0, X1);
    expect(invisibleBoundaries(run, scale)).toEqual([]);
    expect(buildModel(run).taskRuns.count).toBe(13);
  });

  it("shows every task of at least MIN_TASK_PX at any zoom and pan", () => {
    const task = fc.tuple(fc.double({ min: 0.2, max: 200, noNaN: true }), fc.oneof(fc.constant(0), fc.double({ min: 0, max: 6, noNaN: true })));
    const lanes = fc.array(fc.array(task, { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(lanes, fc.double({ min: 1, max: 64, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (tasks, zoom, at) => {
        const run = backToBack(tasks.map((l) => l.map(([d]) => d)), tasks.map((l) => l.map(([, gap]) => gap)));
        const length = run.wallMs / zoom;
        const t0 = at * (run.wallMs - length);
        expect(invisibleBoundaries(run, new TimeScale(t0, t0 + length, X0, X1))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
