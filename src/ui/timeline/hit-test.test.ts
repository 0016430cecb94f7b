import { describe, expect, it } from "vitest";
import type { Run } from "../../trace/run";
import { hitTest } from "./hit-test";
import { LAYOUT, rowTop } from "./layout";
import { buildModel } from "./timeline-model";
import { TimeScale } from "./time-scale";
import { describeHit } from "./tooltip";

const run: Run = {
  runner: "async",
  ok: true,
  wallMs: 100,
  lanes: [
    { id: "main", label: "main()", kind: "task" },
    { id: "task:1", label: "fetchPage(1)", kind: "task" },
  ],
  spans: [
    { lane: "main", task: "main", state: "running", start: 0, end: 2 },
    { lane: "main", task: "main", state: "blocked", start: 2, end: 100 },
    { lane: "task:1", task: "1", state: "running", start: 2, end: 10 },
    { lane: "task:1", task: "1", state: "waiting", start: 10, end: 60 },
    { lane: "task:1", task: "1", state: "running", start: 80, end: 80.05 },
  ],
  output: [{ t: 50, lane: "task:1", task: "1", text: "page 1" }],
  tasks: [{ id: "1", name: "fetchPage", args: "1" }],
};
const model = buildModel(run);
// 1 px per ms, time 0 at the gutter's edge.
const scale = new TimeScale(0, 100, LAYOUT.gutter, LAYOUT.gutter + 100);
const x = (t: number) => scale.timeToPx(t);
const barY = (lane: number) => rowTop(lane) + LAYOUT.barTop + 5;
const markY = (lane: number) => rowTop(lane) + LAYOUT.rowHeight - 2;

describe("hitTest", () => {
  it("finds the span under the pointer in the right lane", () => {
    const hit = hitTest(model, scale, x(30), barY(1));
    expect(hit).toEqual({ kind: "span", span: model.columns.laneStart[1]! + 1 });
    expect(hitTest(model, scale, x(30), barY(0))).toEqual({ kind: "span", span: 1 });
  });

  it("picks a span thinner than a pixel when the pointer is near it", () => {
    const hit = hitTest(model, scale, x(82), barY(1));
    expect(hit).toEqual({ kind: "span", span: model.columns.laneStart[1]! + 2 });
  });

  it("finds nothing in empty time, in the gutter or on the axis", () => {
    expect(hitTest(model, scale, x(70), barY(1))).toBeNull();
    expect(hitTest(model, scale, 10, barY(1))).toBeNull();
    expect(hitTest(model, scale, x(30), 5)).toBeNull();
  });

  it("prefers an output mark in the strip under the bar", () => {
    expect(hitTest(model, scale, x(51), markY(1))).toEqual({ kind: "output", output: 0 });
    expect(hitTest(model, scale, x(51), barY(1))?.kind).toBe("span");
  });
});

describe("describeHit", () => {
  it("names the task, state, times and lane of a span", () => {
    const text = describeHit(model, { kind: "span", span: model.columns.laneStart[1]! + 1 });
    expect(text.title).toBe("fetchPage(1)");
    expect(text.tone).toBe("waiting");
    expect(text.lines[1]).toBe("10.0 – 60.0 ms (50.0 ms)");
    expect(text.lines).toContain("lane: fetchPage(1)");
  });

  it("shows an output line with its time and task", () => {
    const text = describeHit(model, { kind: "output", output: 0 });
    expect(text.title).toBe('print("page 1")');
    expect(text.lines).toEqual(["at 50.0 ms", "by fetchPage(1)"]);
  });
});
