import { describe, expect, it } from "vitest";
import type { Run } from "../../trace/run";
import { describeRun, modelOf, taskTitle } from "./timeline-model";

function makeRun(): Run {
  return {
    runner: "workers",
    ok: true,
    wallMs: 420,
    lanes: [
      { id: "main", label: "main()", kind: "task" },
      { id: "worker:1", label: "worker 1", kind: "thread" },
      { id: "worker:2", label: "worker 2", kind: "thread" },
    ],
    spans: [
      { lane: "worker:2", task: "2", state: "running", start: 20, end: 220 },
      { lane: "worker:1", task: "1", state: "running", start: 20, end: 220 },
      { lane: "main", task: "main", state: "blocked", start: 1, end: 420 },
    ],
    output: [
      { t: 300, lane: "main", task: "main", text: "b" },
      { t: 221, lane: "worker:2", task: "2", text: "a" },
      { t: 100, lane: "main", task: "main", text: "c" },
    ],
    tasks: [
      { id: "1", name: "crunch", args: "1" },
      { id: "2", name: "crunch", args: "2" },
    ],
  };
}

describe("modelOf", () => {
  it("reuses the model of an unchanged run", () => {
    const run = makeRun();
    expect(modelOf(run)).toBe(modelOf(run));
  });

  it("rebuilds a run that grew in place (a live run)", () => {
    const run = makeRun();
    const before = modelOf(run);
    run.spans.push({ lane: "worker:1", task: "1", state: "waiting", start: 220, end: 300 });
    run.wallMs = 500;
    const after = modelOf(run);
    expect(after).not.toBe(before);
    expect(after.columns.count).toBe(4);
  });

  it("groups output lines by lane and sorts them by time", () => {
    const { outputs } = modelOf(makeRun());
    expect(Array.from(outputs.laneStart)).toEqual([0, 2, 2, 3]);
    expect(Array.from(outputs.t)).toEqual([100, 300, 221]);
    expect(Array.from(outputs.source)).toEqual([2, 0, 1]);
  });
});

describe("names and descriptions", () => {
  it("names tasks by function and arguments", () => {
    const model = modelOf(makeRun());
    expect(taskTitle(model, "2")).toBe("crunch(2)");
    expect(taskTitle(model, "main")).toBe("main()");
    expect(taskTitle(model, "9")).toBe("task 9");
  });

  it("summarises a run for screen readers", () => {
    const text = describeRun(modelOf(makeRun()));
    expect(text).toContain("workers runner");
    expect(text).toContain("2 tasks on 3 lanes");
    expect(text).toContain("420.0 ms");
    expect(text).toContain("3 output lines, finished");
  });

  it("says how a failed run ended", () => {
    const run = { ...makeRun(), ok: false, error: { message: "boom" } };
    expect(describeRun(modelOf(run))).toContain("failed: boom");
  });
});
