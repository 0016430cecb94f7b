import { describe, expect, it } from "vitest";
import { mainLane, pageLane, taskLane, workerLane } from "./lanes";
import type { Lane, Run, Span, State } from "./run";
import { busyMs, peakInFlight, peakRunning, speedUp, summarize, timeInState, utilisation } from "./summary";

const span = (lane: string, task: string, state: State, start: number, end: number): Span => ({ lane, task, state, start, end });
const run = (runner: Run["runner"], wallMs: number, lanes: Lane[], spans: Span[]): Run => ({ runner, ok: true, wallMs, lanes, spans, output: [] });

// main runner: the driver starts two tasks; they run one after another on the page thread.
const mainRun = run("main", 10, [mainLane(), pageLane()], [
  span("main", "main", "running", 0, 1),
  span("main", "main", "blocked", 1, 9),
  span("page", "1", "running", 1, 4),
  span("page", "2", "waiting", 4, 6),
  span("page", "2", "running", 6, 9),
  span("main", "main", "running", 9, 10),
]);

// async runner: the page lane mirrors whoever holds the thread, the driver included.
const asyncRun = run("async", 11, [mainLane(), pageLane(), taskLane("1", "f(1)"), taskLane("2", "f(2)")], [
  span("main", "main", "running", 0, 1),
  span("page", "main", "running", 0, 1),
  span("main", "main", "blocked", 1, 10),
  span("task:1", "1", "running", 1, 2),
  span("page", "1", "running", 1, 2),
  span("task:1", "1", "waiting", 2, 7),
  span("task:2", "2", "running", 2, 3),
  span("page", "2", "running", 2, 3),
  span("task:2", "2", "waiting", 3, 7),
  span("task:1", "1", "ready", 7, 8),
  span("task:2", "2", "running", 7, 8),
  span("page", "2", "running", 7, 8),
  span("task:1", "1", "running", 8, 9),
  span("page", "1", "running", 8, 9),
  span("main", "main", "running", 10, 11),
  span("page", "main", "running", 10, 11),
]);

// workers runner: two workers; task 3 starts on worker 1 exactly when task 1 ends.
const workersRun = run("workers", 13, [mainLane(), workerLane(1), workerLane(2)], [
  span("main", "main", "running", 0, 1),
  span("main", "main", "blocked", 1, 12),
  span("worker:1", "1", "running", 2, 7),
  span("worker:2", "2", "running", 3, 8),
  span("worker:1", "3", "running", 7, 12),
  span("worker:2", "2", "waiting", 8, 10),
  span("worker:2", "2", "running", 10, 11),
  span("main", "main", "running", 12, 13),
]);

describe("summary of a main-runner run", () => {
  it("counts busy time per lane", () => {
    expect(busyMs(mainRun)).toEqual({ main: 2, page: 6 });
  });

  it("counts the driver's running time toward the page thread", () => {
    expect(utilisation(mainRun)).toBeCloseTo(0.8, 9);
  });

  it("sees one task in flight when one ends as the next starts", () => {
    expect(peakInFlight(mainRun)).toBe(1);
  });

  it("totals time per state", () => {
    expect(timeInState(mainRun)).toEqual({ running: 8, waiting: 2, blocked: 8, ready: 0, failed: 0 });
  });
});

describe("summary of an async-runner run", () => {
  it("does not count the driver twice when the page lane mirrors it", () => {
    expect(utilisation(asyncRun)).toBeCloseTo(6 / 11, 9);
  });

  it("sees both tasks in flight while they wait", () => {
    expect(peakInFlight(asyncRun)).toBe(2);
  });

  it("never runs two things at once on one thread", () => {
    expect(peakRunning(asyncRun)).toBe(1);
  });

  it("counts mirrored running time once per task", () => {
    expect(timeInState(asyncRun)).toEqual({ running: 6, waiting: 9, blocked: 9, ready: 1, failed: 0 });
  });
});

describe("summary of a workers-runner run", () => {
  it("divides by the number of workers and leaves the driver out", () => {
    expect(busyMs(workersRun)).toEqual({ main: 2, "worker:1": 10, "worker:2": 6 });
    expect(utilisation(workersRun)).toBeCloseTo(16 / 26, 9);
  });

  it("finds two workers running at once", () => {
    expect(peakRunning(workersRun)).toBe(2);
  });

  it("treats touching task lives as not overlapping", () => {
    expect(peakInFlight(workersRun)).toBe(2);
  });

  it("computes speed-up against a baseline", () => {
    expect(speedUp(workersRun, { ...mainRun, wallMs: 26 })).toBe(2);
  });

  it("gathers everything in summarize", () => {
    const s = summarize(workersRun);
    expect([s.wallMs, s.peakRunning, s.peakInFlight, s.timeInState.running]).toEqual([13, 2, 2, 18]);
  });
});

describe("summary edge cases", () => {
  it("counts overlapping running spans on one lane once", () => {
    const r = run("workers", 10, [workerLane(1)], [span("worker:1", "1", "running", 0, 6), span("worker:1", "2", "running", 4, 8)]);
    expect(busyMs(r)["worker:1"]).toBe(8);
    expect(peakRunning(r)).toBe(1);
  });

  it("clips running time outside [0, wallMs) from utilisation", () => {
    const r = run("workers", 10, [workerLane(1)], [span("worker:1", "1", "running", -5, 5), span("worker:1", "2", "running", 8, 14)]);
    expect(utilisation(r)).toBeCloseTo(0.7, 9);
  });

  it("does not count the driver as a task in flight", () => {
    const r = run("main", 5, [mainLane(), pageLane()], [span("main", "main", "running", 0, 5)]);
    expect(peakInFlight(r)).toBe(0);
    expect(peakRunning(r)).toBe(1);
  });

  it("is all zeros for an empty run", () => {
    const s = summarize(run("async", 0, [], []));
    expect([s.utilisation, s.peakInFlight, s.peakRunning, s.timeInState.running]).toEqual([0, 0, 0, 0]);
  });

  it("gives NaN speed-up when a run took no time", () => {
    expect(speedUp(run("main", 0, [], []), mainRun)).toBeNaN();
  });
});
