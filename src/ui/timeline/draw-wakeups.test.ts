import { describe, expect, it } from "vitest";
import type { Run } from "../../trace/run";
import { FakeContext } from "./fake-context";
import { drawWakeups, MIN_DX, MIN_SAME_LANE, visibleTail, waitWords, wakeupArrows } from "./draw-wakeups";
import { LAYOUT } from "./layout";
import { LIGHT, renderTheme } from "./theme";
import { buildModel } from "./timeline-model";
import { TimeScale } from "./time-scale";

const theme = renderTheme(LIGHT, {});

function run(wakeups: Run["wakeups"]): Run {
  return {
    runner: "workers",
    ok: true,
    wallMs: 100,
    lanes: [
      { id: "main", label: "main()", kind: "task" },
      { id: "worker:1", label: "worker 1", kind: "thread" },
      { id: "worker:2", label: "worker 2", kind: "thread" },
    ],
    spans: [
      { lane: "worker:1", task: "1", state: "running", start: 0, end: 50 },
      { lane: "worker:2", task: "2", state: "blocked", start: 10, end: 50, label: "waiting for lock `a`" },
      { lane: "worker:2", task: "2", state: "running", start: 50, end: 60 },
    ],
    output: [],
    tasks: [
      { id: "1", name: "holder", args: "a" },
      { id: "2", name: "waiter", args: "a" },
    ],
    ...(wakeups ? { wakeups } : {}),
  };
}

const arrow = { object: "a", from: { task: "1", t: 49 }, to: { task: "2", t: 50 } };

describe("wake-up arrows", () => {
  it("go from the releaser's lane to the woken task's lane", () => {
    const arrows = wakeupArrows(buildModel(run([arrow])));
    expect(arrows.map((a) => [a.fromLane, a.toLane])).toEqual([[1, 2]]);
  });

  it("draw one line and one head per arrow in view, none outside it or without wake-ups", () => {
    const ctx = new FakeContext();
    const scale = new TimeScale(0, 100, LAYOUT.gutter, 700);
    expect(drawWakeups(ctx.asContext(), buildModel(run([arrow, { ...arrow, from: { task: "1", t: 5 }, to: { task: "2", t: 6 } }])), scale, theme)).toBe(2);
    expect(drawWakeups(ctx.asContext(), buildModel(run([arrow])), new TimeScale(70, 100, LAYOUT.gutter, 700), theme)).toBe(0);
    expect(drawWakeups(ctx.asContext(), buildModel(run(undefined)), scale, theme)).toBe(0);
  });

  it("are never shorter than a few pixels: a tail under the head moves left, more on one lane", () => {
    expect(visibleTail(300, 10, 300.4, 36)).toBe(300.4 - MIN_DX);
    expect(visibleTail(300, 36, 300.4, 36)).toBe(300.4 - MIN_SAME_LANE);
    expect(visibleTail(200, 10, 300, 36)).toBe(200); // long enough: where it really is
    // At fit zoom of a long run, 49 → 50 ms is a fraction of a pixel; the drawn line is not.
    const ctx = new FakeContext();
    const scale = new TimeScale(0, 100_000, LAYOUT.gutter, 700);
    drawWakeups(ctx.asContext(), buildModel(run([arrow])), scale, theme);
    const move = ctx.calls.find((c) => c.op === "moveTo")!.args as number[];
    const line = ctx.calls.find((c) => c.op === "lineTo")!.args as number[];
    expect(line[0]! - move[0]!).toBeGreaterThanOrEqual(MIN_DX);
    expect(ctx.count("rect")).toBe(1); // the tail's mark
  });

  it("name, in a blocked span's tooltip, what it waited for and who let go", () => {
    expect(waitWords(buildModel(run([arrow])), "2", "worker:2", 10, 50)).toEqual(["waiting for lock `a`", "held by holder(a), which let go of `a` at 49.0 ms"]);
  });
});
