import { describe, expect, it } from "vitest";
import type { Run, Span } from "../../trace/run";
import { createDrawList, laneDetail, type DrawList } from "./level-of-detail";
import { buildSpanColumns, stateIndex } from "./span-columns";
import { TimeScale } from "./time-scale";

function columnsOf(spans: Span[]) {
  const run: Run = { runner: "main", ok: true, wallMs: 1000, lanes: [{ id: "page", label: "page", kind: "thread" }], spans, output: [] };
  return buildSpanColumns(run);
}
const sp = (state: Span["state"], start: number, end: number, task = "1"): Span => ({ lane: "page", task, state, start, end });

function commands(list: DrawList) {
  return Array.from({ length: list.n }, (_, k) => ({ x: list.x[k]!, w: list.w[k]!, state: list.state[k]!, span: list.span[k]! }));
}

describe("laneDetail: wide spans", () => {
  it("draws spans as rectangles in pixels", () => {
    const c = columnsOf([sp("running", 0, 10), sp("waiting", 10, 30)]);
    const out = createDrawList();
    laneDetail(c, 0, new TimeScale(0, 100, 0, 100), out);
    expect(commands(out)).toEqual([
      { x: 0, w: 10, state: stateIndex("running"), span: 0 },
      { x: 10, w: 20, state: stateIndex("waiting"), span: 1 },
    ]);
  });

  it("clips rectangles to the window and skips spans outside it", () => {
    const c = columnsOf([sp("running", 0, 10), sp("waiting", 10, 60), sp("blocked", 70, 80)]);
    const out = createDrawList();
    laneDetail(c, 0, new TimeScale(20, 50, 100, 400), out);
    expect(commands(out)).toEqual([{ x: 100, w: 300, state: stateIndex("waiting"), span: 1 }]);
  });
});

describe("laneDetail: sub-pixel spans", () => {
  it("merges spans under one pixel into a column of the dominant state by time", () => {
    // 1 px = 1 ms. In pixel 5: 0.6 ms waiting, 0.3 ms running, 0.1 ms running.
    const c = columnsOf([sp("waiting", 5, 5.6), sp("running", 5.6, 5.9), sp("running", 5.9, 6)]);
    const out = createDrawList();
    laneDetail(c, 0, new TimeScale(0, 100, 0, 100), out);
    expect(commands(out)).toEqual([{ x: 5, w: 1, state: stateIndex("waiting"), span: -1 }]);
  });

  it("joins neighbouring columns of one state", () => {
    const spans: Span[] = [];
    for (let t = 0; t < 10; t += 0.25) spans.push(sp("ready", t, t + 0.25));
    const out = createDrawList();
    laneDetail(columnsOf(spans), 0, new TimeScale(0, 100, 0, 100), out);
    expect(commands(out)).toEqual([{ x: 0, w: 10, state: stateIndex("ready"), span: -1 }]);
  });

  it("keeps a lone tiny span visible as one pixel", () => {
    const out = createDrawList();
    laneDetail(columnsOf([sp("failed", 50, 50.01)]), 0, new TimeScale(0, 100, 0, 100), out);
    expect(commands(out)).toEqual([{ x: 50, w: 1, state: stateIndex("failed"), span: -1 }]);
  });

  it("draws the part of a long span beyond the column it starts in", () => {
    const c = columnsOf([sp("running", 3.1, 3.2), sp("blocked", 3.2, 20)]);
    const out = createDrawList();
    laneDetail(c, 0, new TimeScale(0, 100, 0, 100), out);
    const cmds = commands(out);
    expect(cmds[0]).toEqual({ x: 3, w: 1, state: stateIndex("blocked"), span: -1 });
    expect(cmds[1]!.x).toBe(4);
    expect(cmds[1]!.w).toBeCloseTo(16, 9);
    expect(cmds[1]!.span).toBe(1);
  });
});

describe("laneDetail: cost follows pixels", () => {
  // 100,000 alternating spans of 0.01 ms over 1000 ms.
  const spans: Span[] = [];
  for (let k = 0; k < 100_000; k++) spans.push(sp(k % 3 === 0 ? "running" : "waiting", k * 0.01, k * 0.01 + 0.01));
  const c = columnsOf(spans);

  it("emits at most one command per pixel when everything is sub-pixel", () => {
    const out = createDrawList();
    laneDetail(c, 0, new TimeScale(0, 1000, 0, 800), out);
    expect(out.n).toBeLessThanOrEqual(800);
    // 2/3 of the time is waiting: every column says so, and they join into one.
    expect(commands(out).every((d) => d.state === stateIndex("waiting"))).toBe(true);
  });

  it("draws individual spans once zoomed in far enough", () => {
    const out = createDrawList();
    laneDetail(c, 0, new TimeScale(500, 500.1, 0, 1000), out);
    expect(out.n).toBeGreaterThanOrEqual(10);
    expect(out.n).toBeLessThanOrEqual(12);
    expect(commands(out).every((d) => d.span >= 0 && d.w > 1)).toBe(true);
  });
});
