import { describe, expect, it } from "vitest";
import type { Run, Span, State } from "../../trace/run";
import { FakeContext } from "./fake-context";
import { LAYOUT, sectionHeight } from "./layout";
import { drawFrozen, frozenRow } from "./draw-frozen";
import { drawOutputs } from "./draw-marks";
import { renderTimeline } from "./renderer";
import { LIGHT, renderTheme } from "./theme";
import { buildModel } from "./timeline-model";
import { TimeScale } from "./time-scale";

// Overlays as strings, so the test can see the pattern fills.
const theme = renderTheme(LIGHT, { waiting: "pattern:hatch", blocked: "pattern:cross", ready: "pattern:dots", failed: "pattern:x" });
const WIDTH = 800;

function workersRun(perLane: number, spanMs: number, lanes = 3): Run {
  const spans: Span[] = [];
  const states: State[] = ["running", "waiting", "blocked", "ready"];
  for (let w = 1; w <= lanes; w++) {
    for (let k = 0; k < perLane; k++) {
      spans.push({ lane: `worker:${w}`, task: String(k), state: states[k % 4]!, start: k * spanMs, end: (k + 1) * spanMs });
    }
  }
  return {
    runner: "workers",
    ok: true,
    wallMs: perLane * spanMs,
    lanes: Array.from({ length: lanes }, (_, i) => ({ id: `worker:${i + 1}`, label: `worker ${i + 1}`, kind: "thread" as const })),
    spans,
    output: [],
    tasks: Array.from({ length: perLane }, (_, k) => ({ id: String(k), name: "crunch", args: String(k) })),
  };
}

function draw(run: Run, t0: number, t1: number) {
  const model = buildModel(run);
  const ctx = new FakeContext();
  const scale = new TimeScale(t0, t1, LAYOUT.gutter, WIDTH - LAYOUT.padRight);
  renderTimeline(ctx.asContext(), model, scale, { width: WIDTH, height: sectionHeight(model.lanes.length), dpr: 2 }, theme);
  return { ctx, scale, model };
}

describe("renderTimeline: cost follows pixels", () => {
  // 3 lanes × 33,334 spans of 0.01 ms each: 100,002 spans.
  const run = workersRun(33_334, 0.01);

  it("issues at most pixels × lanes rectangles for 100,000 spans", () => {
    const { ctx, scale } = draw(run, 0, run.wallMs);
    expect(ctx.count("rect")).toBeLessThanOrEqual(Math.ceil(scale.widthPx + 2) * 3 + 2);
  });

  it("stays within the budget in a narrow window, too", () => {
    const { ctx, scale } = draw(run, 100, 103);
    expect(ctx.count("rect")).toBeLessThanOrEqual(Math.ceil(scale.widthPx + 2) * 3 + 2);
  });

  it("fills once per state per frame, plus one pattern fill for patterned states", () => {
    const { ctx } = draw(run, 100, 103);
    const spanFills = ctx.calls.filter((c) => c.op === "fill" && typeof c.fillStyle === "string" && /^(#|pattern:)/.test(c.fillStyle));
    // 4 states: running (solid: 1 fill), waiting/blocked/ready (fill + pattern: 2 each).
    expect(spanFills.length).toBe(7);
    expect(spanFills.map((c) => c.fillStyle)).toContain("pattern:hatch");
  });
});

describe("renderTimeline: labels", () => {
  it("labels spans wide enough for their text with the task on thread lanes", () => {
    const { ctx } = draw(workersRun(4, 100, 1), 0, 400);
    expect(ctx.texts()).toEqual(expect.arrayContaining(["crunch(0)", "crunch(3)", "worker 1"]));
  });

  it("skips labels on narrow spans", () => {
    const { ctx } = draw(workersRun(400, 1, 1), 0, 400);
    expect(ctx.texts().some((t) => t.startsWith("crunch"))).toBe(false);
  });

  it("draws axis tick labels in ms", () => {
    const { ctx } = draw(workersRun(4, 100, 1), 0, 400);
    expect(ctx.texts()).toEqual(expect.arrayContaining(["0", "100 ms", "200 ms"]));
  });
});

describe("renderTimeline: wall-time marker", () => {
  it("marks where the run ended, or where a live run is now", () => {
    const run = workersRun(4, 100, 1);
    const model = buildModel(run);
    const scale = new TimeScale(-10, 410, LAYOUT.gutter, WIDTH - LAYOUT.padRight);
    const viewport = { width: WIDTH, height: sectionHeight(1), dpr: 1 };
    const done = new FakeContext();
    renderTimeline(done.asContext(), model, scale, viewport, theme);
    expect(done.texts()).toContain("end 400.0 ms");
    const live = new FakeContext();
    renderTimeline(live.asContext(), model, scale, viewport, theme, undefined, { live: true });
    expect(live.texts()).toContain("now 400.0 ms");
  });
});

describe("renderTimeline: failed spans and output", () => {
  const run: Run = {
    ...workersRun(2, 50, 1),
    spans: [
      { lane: "worker:1", task: "0", state: "running", start: 0, end: 50 },
      { lane: "worker:1", task: "1", state: "failed", start: 50, end: 100 },
    ],
    output: [
      { t: 10, lane: "worker:1", task: "0", text: "a" },
      { t: 10.0001, lane: "worker:1", task: "0", text: "b" },
      { t: 70, lane: "worker:1", task: "1", text: "c" },
    ],
  };

  it("outlines failed spans", () => {
    const { ctx } = draw(run, 0, 100);
    expect(ctx.calls.filter((c) => c.op === "stroke" && c.strokeStyle === LIGHT.failedBorder)).toHaveLength(1);
    expect(ctx.calls.some((c) => c.op === "fill" && c.fillStyle === "pattern:x")).toBe(true);
  });

  it("draws one output mark per pixel", () => {
    const { model, scale } = draw(run, 0, 100);
    const marks = new FakeContext();
    expect(drawOutputs(marks.asContext(), model, scale, theme)).toBe(2);
    expect(marks.count("moveTo")).toBe(2);
  });
});

describe("frozen stretches", () => {
  it("draws one strip per visible frozen stretch on the page-thread row", () => {
    const run: Run = {
      runner: "main",
      ok: true,
      wallMs: 1000,
      lanes: [
        { id: "main", label: "main()", kind: "task" },
        { id: "page", label: "page thread", kind: "thread" },
      ],
      spans: [{ lane: "page", task: "1", state: "waiting", start: 0, end: 1000 }],
      output: [],
      frames: { frozen: [{ start: 10, end: 400 }, { start: 500, end: 990 }, { start: 2000, end: 2100 }], dropped: 52 },
    };
    const model = buildModel(run);
    expect(frozenRow(model)).toBe(1);
    const ctx = new FakeContext();
    expect(drawFrozen(ctx.asContext(), model, new TimeScale(0, 1000, 100, 900), theme)).toBe(2);
    expect(ctx.count("rect")).toBe(2);
  });

  it("draws nothing for a run whose page never froze", () => {
    const { ctx } = draw(workersRun(3, 10), 0, 100);
    expect(ctx.calls.some((c) => c.fillStyle === theme.palette.failed && c.op === "fill")).toBe(false);
  });
});

describe("replay", () => {
  it("draws only what happened before the playhead", () => {
    const run = workersRun(10, 10, 1); // one lane, ten 10 ms spans from 0 to 100
    const model = buildModel(run);
    const scale = new TimeScale(0, 100, LAYOUT.gutter, WIDTH - LAYOUT.padRight);
    const viewport = { width: WIDTH, height: sectionHeight(model.lanes.length), dpr: 1 };
    const full = new FakeContext();
    renderTimeline(full.asContext(), model, scale, viewport, theme);
    const half = new FakeContext();
    renderTimeline(half.asContext(), model, scale, viewport, theme, undefined, { playhead: 50 });
    const clipWidth = (ctx: FakeContext) => ctx.calls.filter((c) => c.op === "rect")[0]?.args[2] as number;
    expect(clipWidth(half)).toBeCloseTo(clipWidth(full) / 2, 0);
  });
});
