import { describe, expect, it } from "vitest";
import { PythonRunRecord, pythonFailure } from "./python-run";

const main = { id: "py:thread:1", label: "MainThread", kind: "thread" as const };
const worker = { id: "py:thread:2", label: "ThreadPoolExecutor-0_0", kind: "thread" as const };

describe("PythonRunRecord", () => {
  it("gathers batches into one python Run, a task per thread", () => {
    const record = new PythonRunRecord();
    record.add([main], [{ lane: main.id, task: main.id, state: "running", start: 0, end: 5 }], []);
    record.add([worker], [{ lane: worker.id, task: worker.id, state: "waiting", start: 1, end: 4 }], [{ t: 4, lane: worker.id, task: worker.id, text: "hi" }]);
    const run = record.snapshot(6, { ok: true });
    expect(run.runner).toBe("python");
    expect(run.ok).toBe(true);
    expect(run.lanes.map((l) => l.label)).toEqual(["MainThread", "ThreadPoolExecutor-0_0"]);
    expect(run.spans).toHaveLength(2);
    expect(run.output.map((o) => o.text)).toEqual(["hi"]);
    expect(run.tasks).toEqual([
      { id: main.id, name: "MainThread", args: "" },
      { id: worker.id, name: "ThreadPoolExecutor-0_0", args: "" },
    ]);
  });

  it("is not ok while live, and cuts spans at the wall time (a run stopped mid-span)", () => {
    const record = new PythonRunRecord();
    record.add([main], [{ lane: main.id, task: main.id, state: "running", start: 0, end: 50 }], []);
    const live = record.snapshot(20);
    expect(live.ok).toBe(false);
    expect(live.spans[0]?.end).toBe(20);
  });

  it("keeps a failed run's error with the student's line", () => {
    const run = new PythonRunRecord().snapshot(3, { ok: false, error: { message: "ZeroDivisionError: division by zero", line: 2 } });
    expect(run.ok).toBe(false);
    expect(run.error).toEqual({ message: "ZeroDivisionError: division by zero", line: 2 });
  });
});

describe("pythonFailure", () => {
  it("is a run that never started: not ok, nothing drawn", () => {
    const run = pythonFailure("Python could not start: no network");
    expect(run).toMatchObject({ runner: "python", ok: false, wallMs: 0, lanes: [], spans: [] });
    expect(run.error?.message).toContain("could not start");
  });
});
