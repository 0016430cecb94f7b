import { describe, expect, it } from "vitest";
import type { Run } from "../../trace/run";
import { counterValueAt } from "./counter-rows";
import { FakeContext } from "./fake-context";
import { hitTest } from "./hit-test";
import { counterTop, LAYOUT, sectionHeight } from "./layout";
import { renderTimeline } from "./renderer";
import { LIGHT, renderTheme } from "./theme";
import { buildModel } from "./timeline-model";
import { TimeScale } from "./time-scale";
import { describeHit } from "./tooltip";

const theme = renderTheme(LIGHT);

// A queue of capacity 2 filled at 10 and 20 ms, emptied at 60 ms; a semaphore with no samples in view.
const run: Run = {
  runner: "async",
  ok: true,
  wallMs: 100,
  lanes: [
    { id: "page", label: "page", kind: "thread" },
    { id: "main", label: "main()", kind: "task" },
  ],
  spans: [{ lane: "main", task: "main", state: "running", start: 0, end: 100 }],
  output: [],
  counters: [
    { object: "q", kind: "queue length", max: 2, samples: [{ t: 10, value: 1 }, { t: 20, value: 2 }, { t: 60, value: 0 }] },
    { object: "sem", kind: "permits in use", samples: [{ t: 5, value: 3 }] },
  ],
};
const model = buildModel(run);
const WIDTH = 800;
const scale = new TimeScale(0, 100, LAYOUT.gutter, WIDTH - LAYOUT.padRight);

describe("counter rows", () => {
  it("has one row per track, under the lanes, and the section grows by that much", () => {
    expect(model.counters.map((c) => c.label)).toEqual(["q length", "sem in use"]);
    expect(model.counters[0]!.top).toBe(2); // its capacity
    expect(model.counters[1]!.top).toBe(3); // unbounded: the highest value seen
    expect(sectionHeight(2, LAYOUT, 2) - sectionHeight(2)).toBe(2 * LAYOUT.counterHeight);
    expect(counterTop(2, 0)).toBe(LAYOUT.axisHeight + 2 * LAYOUT.rowHeight);
  });

  it("holds each value until the next sample, 0 before the first", () => {
    const q = model.counters[0]!;
    expect([0, 9.9, 10, 19, 20, 59, 60, 99].map((t) => counterValueAt(q, t))).toEqual([0, 0, 1, 1, 2, 2, 0, 0]);
  });

  it("draws a step line that reaches the row's top while the queue is full, and labels the rows", () => {
    const ctx = new FakeContext();
    renderTimeline(ctx.asContext(), model, scale, { width: WIDTH, height: sectionHeight(2, LAYOUT, 2), dpr: 1 }, theme);
    expect(ctx.texts()).toEqual(expect.arrayContaining(["q length", "sem in use", "2", "3"]));
    const strokes = ctx.calls.filter((c) => c.op === "stroke" && c.strokeStyle === LIGHT.accent);
    expect(strokes.length).toBe(2);
    // The q path's highest point (smallest y) is at full, from 20 to 60 ms.
    const top = counterTop(2, 0);
    const lineTos = ctx.calls.filter((c) => c.op === "lineTo").map((c) => c.args as [number, number]);
    const qPoints = lineTos.filter(([, y]) => y >= top && y < top + LAYOUT.counterHeight);
    const highest = Math.min(...qPoints.map(([, y]) => y));
    const atTop = qPoints.filter(([, y]) => y === highest).map(([x]) => Math.round(x));
    expect(atTop).toContain(Math.round(scale.timeToPx(20)));
    expect(atTop).toContain(Math.round(scale.timeToPx(60)));
    expect(highest).toBeLessThan(top + LAYOUT.counterHeight / 2);
  });

  it("hovering a counter row names the object, its value, its max and the stretch", () => {
    const y = counterTop(2, 0) + LAYOUT.counterHeight / 2;
    const hit = hitTest(model, scale, scale.timeToPx(30), y);
    expect(hit).toEqual({ kind: "counter", row: 0, sample: 1 });
    const text = describeHit(model, hit!);
    expect(text.title).toBe("queue `q` length: 2 of 2 (full)");
    expect(text.lines[0]).toMatch(/20.*60/);
    expect(describeHit(model, hitTest(model, scale, scale.timeToPx(2), y)!).title).toBe("queue `q` length: 0 of 2");
    expect(describeHit(model, hitTest(model, scale, scale.timeToPx(50), y + LAYOUT.counterHeight)!).title).toBe("semaphore `sem` permits in use: 3");
    expect(hitTest(model, scale, scale.timeToPx(50), y + 2 * LAYOUT.counterHeight)).toBeNull();
  });
});
