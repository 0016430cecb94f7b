import { describe, expect, it } from "vitest";
import type { Run, Span } from "../../trace/run";
import { buildSpanColumns } from "./span-columns";
import { buildTaskRuns, forEachBoundary, MIN_TASK_PX } from "./task-runs";
import { TimeScale } from "./time-scale";

const sp = (task: string, state: Span["state"], start: number, end: number, lane = "page"): Span => ({ lane, task, state, start, end });

function runsOf(spans: Span[]) {
  const run: Run = {
    runner: "main",
    ok: true,
    wallMs: 1000,
    lanes: [
      { id: "main", label: "main()", kind: "task" },
      { id: "page", label: "page thread", kind: "thread" },
    ],
    spans,
    output: [],
  };
  return buildTaskRuns(buildSpanColumns(run));
}

function cuts(spans: Span[] | ReturnType<typeof runsOf>, scale: TimeScale, lane = 1): { x: number; narrower: number }[] {
  const out: { x: number; narrower: number }[] = [];
  forEachBoundary(Array.isArray(spans) ? runsOf(spans) : spans, lane, scale, (x, narrower) => out.push({ x, narrower }));
  return out;
}

describe("buildTaskRuns", () => {
  it("joins consecutive spans of one task on a lane into one run", () => {
    const runs = runsOf([sp("1", "running", 0, 1), sp("1", "waiting", 1, 100), sp("2", "running", 100, 101), sp("2", "waiting", 101, 200), sp("main", "blocked", 0, 200, "main")]);
    expect(runs.count).toBe(3);
    expect(Array.from(runs.laneStart)).toEqual([0, 1, 3]);
    expect(Array.from(runs.starts)).toEqual([0, 0, 100]);
    expect(Array.from(runs.ends)).toEqual([200, 100, 200]);
  });

  it("starts a new run when a task comes back after another one", () => {
    const runs = runsOf([sp("1", "running", 0, 10), sp("2", "running", 10, 20), sp("1", "running", 20, 30)]);
    expect(runs.count).toBe(3);
  });
});

describe("forEachBoundary", () => {
  const scale = new TimeScale(0, 1000, 0, 1000); // 1 px per ms

  it("cuts where a task starts right after another, at the rounded pixel", () => {
    expect(cuts([sp("1", "waiting", 0, 100.4), sp("2", "waiting", 100.4, 200)], scale)).toEqual([{ x: 100, narrower: 99.6 }]);
  });

  it("does not cut where the lane was idle between two tasks: the gap is there already", () => {
    expect(cuts([sp("1", "waiting", 0, 100), sp("2", "waiting", 105, 200)], scale)).toEqual([]);
  });

  it("cuts where less than 2 px of idle lane lie between two tasks: antialiased edges would fill it", () => {
    expect(cuts([sp("1", "waiting", 0, 100.2), sp("2", "waiting", 101.7, 200)], scale).map((c) => c.x)).toEqual([102]);
  });

  it("does not cut inside one task's spans", () => {
    expect(cuts([sp("1", "running", 0, 1), sp("1", "waiting", 1, 100)], scale)).toEqual([]);
  });

  it("cuts a wide task from the narrow ones beside it, and skips boundaries between narrow ones", () => {
    const tiny = Array.from({ length: 50 }, (_, i) => sp(String(i + 10), "running", 100 + i * 0.1, 100 + (i + 1) * 0.1));
    const spans = [sp("1", "running", 0, 100), ...tiny, sp("2", "running", 105, 200)];
    expect(cuts(spans, scale).map((c) => c.x)).toEqual([100, 105]);
  });

  it("stays within a few cuts per MIN_TASK_PX for 100,000 tiny tasks", () => {
    const runs = runsOf(Array.from({ length: 100_000 }, (_, i) => sp(String(i), "running", i * 0.01, (i + 1) * 0.01)));
    expect(cuts(runs, scale)).toEqual([]); // every task is 0.01 px wide: nothing to tell apart
    expect(cuts(runs, new TimeScale(0, 10, 0, 1000))).toEqual([]); // 1 px each: still merged
    const closer = cuts(runs, new TimeScale(0, 1, 0, 1000)); // 10 px per task
    expect(closer).toHaveLength(100);
    expect(closer.every((c) => c.narrower >= MIN_TASK_PX)).toBe(true);
  });
});
