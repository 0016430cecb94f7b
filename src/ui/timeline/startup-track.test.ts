import { describe, expect, it } from "vitest";
import type { Run } from "../../trace/run";
import { FakeContext } from "./fake-context";
import { hitTest } from "./hit-test";
import { barTop, LAYOUT, sectionHeight } from "./layout";
import { renderTimeline } from "./renderer";
import { STARTUP_LABEL } from "./startup-track";
import { LIGHT, renderTheme } from "./theme";
import { buildModel } from "./timeline-model";
import { TimeScale } from "./time-scale";
import { describeHit } from "./tooltip";

const theme = renderTheme(LIGHT);

// Worker 1 was warm (0.2 ms); worker 2 started fresh and took its first task 190 ms late.
const run: Run = {
  runner: "workers",
  ok: true,
  wallMs: 400,
  lanes: [
    { id: "main", label: "main()", kind: "task" },
    { id: "worker:1", label: "worker 1", kind: "thread" },
    { id: "worker:2", label: "worker 2", kind: "thread" },
  ],
  spans: [
    { lane: "worker:1", task: "1", state: "running", start: 1, end: 200 },
    { lane: "worker:2", task: "2", state: "running", start: 191, end: 390 },
  ],
  output: [],
  tasks: [
    { id: "1", name: "crunch", args: "1" },
    { id: "2", name: "crunch", args: "2" },
  ],
  startup: [
    { lane: "worker:1", start: 0.5, end: 0.7 },
    { lane: "worker:2", start: 0.5, end: 190.5 },
    { lane: "worker:9", start: 0, end: 5 }, // a lane the run does not have: ignored
  ],
};
const model = buildModel(run);
const scale = new TimeScale(0, 400, LAYOUT.gutter, 800 - LAYOUT.padRight);

describe("worker start-up", () => {
  it("draws a start-up bar on each worker lane, in its own colour, labelled where it fits", () => {
    expect(model.startup.count).toBe(2);
    const ctx = new FakeContext();
    renderTimeline(ctx.asContext(), model, scale, { width: 800, height: sectionHeight(3), dpr: 1 }, theme);
    const row = ctx.paintedRow(barTop(2) + LAYOUT.barHeight / 2, 800);
    const x = Math.round(scale.timeToPx(100));
    expect(row[x]).toBe(LIGHT.startup);
    expect(row[Math.round(scale.timeToPx(300))]).toBe(LIGHT.running);
    expect(ctx.texts().filter((t) => t === STARTUP_LABEL)).toHaveLength(1); // worker 1's is too thin
  });

  it("says what start-up is when hovered, and how long it took", () => {
    const x = scale.timeToPx(100);
    const hit = hitTest(model, scale, x, barTop(2) + 5);
    expect(hit).toEqual({ kind: "startup", startup: 1 });
    const text = describeHit(model, hit!);
    expect(text.title).toBe("worker 2 starting");
    expect(text.lines.join(" ")).toMatch(/loads the lanes module and your program.*190\.0 ms/);
  });

  it("calls a start-up under a millisecond a warm worker", () => {
    expect(describeHit(model, { kind: "startup", startup: 0 }).lines[0]).toMatch(/kept from an earlier run/);
  });
});
