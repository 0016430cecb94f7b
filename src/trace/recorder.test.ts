import { describe, expect, it } from "vitest";
import { realmClock } from "./clock";
import { TraceBatchWriter, type TraceBatch } from "./events";
import { RunRecorder } from "./recorder";
import type { Span } from "./run";

// Spans as "lane/task/state start-end" strings: one readable line per expectation.
const show = (spans: readonly Span[]): string[] => spans.map((s) => `${s.lane}/${s.task}/${s.state} ${s.start}-${s.end}`);

describe("RunRecorder spans", () => {
  it("turns enter/leave into consecutive spans", () => {
    const r = new RunRecorder("async");
    r.enter(0, "task:1", "1", "running");
    r.enter(5, "task:1", "1", "waiting");
    r.enter(8, "task:1", "1", "ready");
    r.leave(9, "task:1", "1");
    expect(show(r.finish(10, true).spans)).toEqual(["task:1/1/running 0-5", "task:1/1/waiting 5-8", "task:1/1/ready 8-9"]);
  });

  it("drops zero-length spans", () => {
    const r = new RunRecorder("main");
    r.enter(3, "page", "1", "running");
    r.enter(3, "page", "1", "blocked");
    r.leave(7, "page", "1");
    r.enter(7, "page", "2", "running");
    r.leave(7, "page", "2");
    expect(show(r.finish(7, true).spans)).toEqual(["page/1/blocked 3-7"]);
  });

  it("ignores leave when nothing is open", () => {
    const r = new RunRecorder("main");
    r.leave(1, "page", "1");
    r.enter(2, "page", "1", "running");
    r.leave(4, "page", "1");
    r.leave(6, "page", "1");
    expect(show(r.finish(6, true).spans)).toEqual(["page/1/running 2-4"]);
  });

  it("keeps the open spans of different tasks on one lane apart", () => {
    const r = new RunRecorder("async");
    r.enter(0, "page", "1", "running");
    r.enter(2, "page", "2", "running");
    r.leave(3, "page", "1");
    r.leave(4, "page", "2");
    expect(show(r.finish(4, true).spans)).toEqual(["page/1/running 0-3", "page/2/running 2-4"]);
  });

  it("orders spans by start even when they close out of order", () => {
    const r = new RunRecorder("main");
    r.enter(0, "main", "main", "running");
    r.enter(1, "page", "1", "running");
    r.leave(2, "page", "1");
    r.enter(0.5, "page", "2", "waiting");
    r.leave(3, "page", "2");
    r.leave(5, "main", "main");
    expect(show(r.finish(5, true).spans)).toEqual(["main/main/running 0-5", "page/2/waiting 0.5-3", "page/1/running 1-2"]);
  });
});

describe("RunRecorder snapshot and finish", () => {
  it("snapshot closes open spans at now without closing them in the recorder", () => {
    const r = new RunRecorder("main");
    r.enter(0, "main", "main", "running");
    r.enter(1, "page", "1", "blocked");
    r.leave(2, "page", "1");
    const live = r.snapshot(10);
    expect(live.ok).toBe(true);
    expect(live.wallMs).toBe(10);
    expect(show(live.spans)).toEqual(["main/main/running 0-10", "page/1/blocked 1-2"]);
    r.leave(12, "main", "main");
    expect(show(r.finish(15, true).spans)).toEqual(["main/main/running 0-12", "page/1/blocked 1-2"]);
  });

  it("snapshot orders open spans by start, whatever order they opened in", () => {
    const r = new RunRecorder("async");
    r.enter(5, "task:1", "1", "running");
    r.enter(1, "task:2", "2", "waiting");
    r.enter(0, "task:3", "3", "blocked");
    r.leave(3, "task:3", "3");
    expect(show(r.snapshot(8).spans)).toEqual(["task:3/3/blocked 0-3", "task:2/2/waiting 1-8", "task:1/1/running 5-8"]);
  });

  it("snapshot leaves out a span opened at now", () => {
    const r = new RunRecorder("main");
    r.enter(4, "page", "1", "running");
    expect(r.snapshot(4).spans).toEqual([]);
  });

  it("snapshots are independent copies", () => {
    const r = new RunRecorder("main");
    r.enter(0, "page", "1", "running");
    r.leave(1, "page", "1");
    const first = r.snapshot(1);
    first.spans.pop();
    first.lanes.push({ id: "x", label: "x", kind: "task" });
    r.addTask({ id: "1", name: "f", args: "" });
    const before = r.snapshot(2);
    r.failTask("1", { message: "boom" });
    expect(r.snapshot(2).spans).toHaveLength(1);
    expect(r.snapshot(2).lanes).toHaveLength(0);
    expect(before.tasks?.[0]?.failed).toBeUndefined();
  });

  it("finish closes every open span at wallMs and keeps the error", () => {
    const r = new RunRecorder("workers");
    r.enter(0, "main", "main", "blocked");
    r.enter(2, "worker:1", "1", "running");
    r.enter(9, "worker:2", "2", "running");
    const run = r.finish(9, false, { message: "Stopped", line: 3 });
    expect(show(run.spans)).toEqual(["main/main/blocked 0-9", "worker:1/1/running 2-9"]);
    expect(run.ok).toBe(false);
    expect(run.error).toEqual({ message: "Stopped", line: 3 });
    expect(run.wallMs).toBe(9);
  });

  it("ignores events after finish and returns the same run again", () => {
    const r = new RunRecorder("main");
    r.enter(0, "page", "1", "running");
    const run = r.finish(5, true);
    r.leave(7, "page", "1");
    r.print(8, "page", "1", "late");
    expect(r.finish(9, false)).toBe(run);
    expect(r.snapshot(20)).toBe(run);
    expect(show(run.spans)).toEqual(["page/1/running 0-5"]);
    expect(run.output).toEqual([]);
  });
});

describe("RunRecorder lanes, tasks and output", () => {
  it("adds lanes once, in first-added order", () => {
    const r = new RunRecorder("async");
    r.addLane({ id: "main", label: "main()", kind: "task" });
    r.addLane({ id: "page", label: "page thread", kind: "thread" });
    r.addLane({ id: "main", label: "again", kind: "thread" });
    expect(r.snapshot(0).lanes).toEqual([
      { id: "main", label: "main()", kind: "task" },
      { id: "page", label: "page thread", kind: "thread" },
    ]);
  });

  it("records tasks and their failures, even for an unknown id", () => {
    const r = new RunRecorder("async");
    r.addTask({ id: "1", name: "fetchPage", args: "1" });
    r.addTask({ id: "2", name: "fetchPage", args: "2" });
    r.failTask("2", { message: "404", line: 7 });
    r.failTask("9", { message: "lost" });
    expect(r.finish(1, false).tasks).toEqual([
      { id: "1", name: "fetchPage", args: "1" },
      { id: "2", name: "fetchPage", args: "2", failed: { message: "404", line: 7 } },
      { id: "9", name: "9", args: "", failed: { message: "lost" } },
    ]);
  });

  it("registers a range of tasks at once, in its place among single ones, described on build", () => {
    const r = new RunRecorder("workers");
    const asked: number[] = [];
    r.addTask({ id: "1", name: "setup", args: "" });
    r.addTaskRange({ first: 2, count: 3, name: "square", args: (i) => (asked.push(i), String(i * 10)) });
    r.addTask({ id: "5", name: "report", args: "" });
    expect(asked).toEqual([]); // nothing described until a Run is built
    const first = r.snapshot(1).tasks;
    expect(first).toEqual([
      { id: "1", name: "setup", args: "" },
      { id: "2", name: "square", args: "0" },
      { id: "3", name: "square", args: "10" },
      { id: "4", name: "square", args: "20" },
      { id: "5", name: "report", args: "" },
    ]);
    r.snapshot(2);
    expect(asked).toEqual([0, 1, 2]); // once, not once per snapshot
  });

  it("fails a task of a range without changing earlier snapshots", () => {
    const r = new RunRecorder("workers");
    r.addTaskRange({ first: 1, count: 2, name: "check", args: (i) => String(i) });
    const before = r.snapshot(1).tasks;
    r.failTask("2", { message: "no page 2", line: 3 });
    r.failTask("02", { message: "not a task of the range" });
    expect(before?.[1]).toEqual({ id: "2", name: "check", args: "1" });
    expect(r.finish(2, false).tasks).toEqual([
      { id: "1", name: "check", args: "0" },
      { id: "2", name: "check", args: "1", failed: { message: "no page 2", line: 3 } },
      { id: "02", name: "02", args: "", failed: { message: "not a task of the range" } },
    ]);
  });

  it("orders output by time, ties in print order, and omits a missing task", () => {
    const r = new RunRecorder("async");
    r.print(5, "task:1", "1", "b");
    r.print(2, "main", undefined, "a");
    r.print(5, "task:2", "2", "c");
    expect(r.finish(6, true).output).toEqual([
      { t: 2, lane: "main", text: "a" },
      { t: 5, lane: "task:1", task: "1", text: "b" },
      { t: 5, lane: "task:2", task: "2", text: "c" },
    ]);
  });
});

describe("RunRecorder.applyEvents", () => {
  // Worker created 500 ms after the page; main() was called at page now() 1000.
  const toRun = realmClock(0, 1000, 500);

  it("converts a worker's times to run time", () => {
    const w = new TraceBatchWriter();
    w.state(510, "worker:1", "1", "running");
    w.state(520, "worker:1", "1", "waiting");
    w.output(521, "worker:1", "1", "slept");
    w.state(530, "worker:1", "1", null);
    const r = new RunRecorder("workers");
    r.applyEvents(w.take() as TraceBatch, toRun);
    const run = r.finish(40, true);
    expect(show(run.spans)).toEqual(["worker:1/1/running 10-20", "worker:1/1/waiting 20-30"]);
    expect(run.output).toEqual([{ t: 21, lane: "worker:1", task: "1", text: "slept" }]);
  });

  it("continues spans across batches and interleaves output with the page's", () => {
    const w = new TraceBatchWriter();
    const r = new RunRecorder("workers");
    w.state(505, "worker:1", "1", "running");
    r.applyEvents(w.take() as TraceBatch, toRun);
    r.print(12, "main", "main", "page says");
    w.output(508, "worker:1", "1", "worker says");
    w.state(515, "worker:1", "1", null);
    r.applyEvents(w.take() as TraceBatch, toRun);
    const run = r.finish(20, true);
    expect(show(run.spans)).toEqual(["worker:1/1/running 5-15"]);
    expect(run.output.map((o) => `${o.t} ${o.text}`)).toEqual(["8 worker says", "12 page says"]);
  });
});

describe("applyEvents: open-then-close pairs", () => {
  it("records a pair as one span, the same as the long way", () => {
    const w = new TraceBatchWriter();
    w.state(10, "worker:1", "1", "running");
    w.state(12, "worker:1", "1", null);
    w.state(12, "worker:1", "2", "running");
    w.state(15, "worker:1", "2", "waiting");
    w.state(20, "worker:1", "2", null);
    const r = new RunRecorder("workers");
    r.applyEvents(w.take()!, (t) => t - 10);
    expect(r.finish(10, true).spans).toEqual([
      { lane: "worker:1", task: "1", state: "running", start: 0, end: 2 },
      { lane: "worker:1", task: "2", state: "running", start: 2, end: 5 },
      { lane: "worker:1", task: "2", state: "waiting", start: 5, end: 10 },
    ]);
  });

  it("closes a span already open for the task before the pair", () => {
    const r = new RunRecorder("workers");
    r.enter(0, "worker:1", "1", "waiting");
    const w = new TraceBatchWriter();
    w.state(4, "worker:1", "1", "running");
    w.state(6, "worker:1", "1", null);
    r.applyEvents(w.take()!, (t) => t);
    expect(r.finish(10, true).spans).toEqual([
      { lane: "worker:1", task: "1", state: "waiting", start: 0, end: 4 },
      { lane: "worker:1", task: "1", state: "running", start: 4, end: 6 },
    ]);
  });
});

describe("RunRecorder start-up", () => {
  it("lists each worker lane's start-up in the run, and none when there was none", () => {
    const r = new RunRecorder("workers");
    expect(r.snapshot(1).startup).toBeUndefined();
    r.addStartup({ lane: "worker:1", start: 0.5, end: 190 });
    r.addStartup({ lane: "worker:2", start: 3, end: 3 }); // nothing to draw
    expect(r.finish(400, true).startup).toEqual([{ lane: "worker:1", start: 0.5, end: 190 }]);
  });

  it("ignores start-ups reported after the run finished", () => {
    const r = new RunRecorder("workers");
    const run = r.finish(10, false);
    r.addStartup({ lane: "worker:1", start: 0, end: 20 });
    expect(run.startup).toBeUndefined();
    expect(r.finish(10, false).startup).toBeUndefined();
  });
});

describe("RunRecorder counter tracks", () => {
  it("keeps one track per object and kind, in time order, its worker samples on run time", () => {
    const r = new RunRecorder("workers");
    expect(r.snapshot(1).counters).toBeUndefined();
    r.counter({ object: "q", kind: "queue length", max: 4, t: 5, value: 2 });
    const writer = new TraceBatchWriter();
    writer.counter({ object: "q", kind: "queue length", max: 4, t: 1003, value: 1 }); // a worker's clock, 1000 ms ahead
    r.applyEvents(writer.take()!, (t) => t - 1000);
    r.counter({ object: "sem", kind: "permits in use", max: 2, t: 4, value: 1 });
    expect(r.finish(10, true).counters).toEqual([
      { object: "q", kind: "queue length", max: 4, samples: [{ t: 3, value: 1 }, { t: 5, value: 2 }] },
      { object: "sem", kind: "permits in use", max: 2, samples: [{ t: 4, value: 1 }] },
    ]);
  });
});
