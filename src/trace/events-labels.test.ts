import { describe, expect, it } from "vitest";
import { decodeEvents, TraceBatchWriter } from "./events";
import { RunRecorder } from "./recorder";

describe("labelled spans and wake-ups in worker batches", () => {
  it("carry a wait's label and the wake-ups to the page's Run", () => {
    const writer = new TraceBatchWriter();
    writer.state(1, "worker:1", 3, "running");
    writer.state(2, "worker:1", 3, "blocked", "waiting for lock `a`");
    writer.state(5, "worker:1", 3, "running");
    writer.wakeup({ object: "a", from: { task: "2", t: 4 }, to: { task: "3", t: 5 } });
    writer.state(6, "worker:1", 3, null);
    const batch = writer.take()!;
    expect(decodeEvents(batch)[1]).toEqual({ kind: "state", t: 2, lane: "worker:1", task: "3", state: "blocked", label: "waiting for lock `a`" });
    const recorder = new RunRecorder("workers");
    recorder.applyEvents(batch, (t) => t * 10);
    const run = recorder.finish(100, true);
    expect(run.spans.map((s) => [s.state, s.label])).toEqual([["running", undefined], ["blocked", "waiting for lock `a`"], ["running", undefined]]);
    expect(run.wakeups).toEqual([{ object: "a", from: { task: "2", t: 40 }, to: { task: "3", t: 50 } }]);
  });
});
