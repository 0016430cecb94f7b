import { describe, expect, it } from "vitest";
import { OP_LEAVE, STRIDE, TraceBatchWriter, batchTransfer, decodeEvents, type TraceBatch } from "./events";

describe("TraceBatchWriter", () => {
  it("round-trips state changes and output in order", () => {
    const w = new TraceBatchWriter();
    w.state(1.5, "worker:1", "3", "running");
    w.output(2, "worker:1", "3", "hello");
    w.state(4, "worker:1", "3", "waiting");
    w.state(9.25, "worker:1", "3", null);
    expect(decodeEvents(w.take() as TraceBatch)).toEqual([
      { kind: "state", t: 1.5, lane: "worker:1", task: "3", state: "running" },
      { kind: "output", t: 2, lane: "worker:1", task: "3", text: "hello" },
      { kind: "state", t: 4, lane: "worker:1", task: "3", state: "waiting" },
      { kind: "state", t: 9.25, lane: "worker:1", task: "3", state: null },
    ]);
  });

  it("names the empty task (a worker's top-level code) as itself, first in a batch or not", () => {
    const w = new TraceBatchWriter();
    w.output(1, "worker:1", "", "as the program loads");
    w.output(2, "worker:1", 7, "in task 7");
    w.output(3, "worker:1", "", "a timer after it");
    expect(decodeEvents(w.take()!).map((e) => e.task)).toEqual(["", "7", ""]);
    w.output(4, "worker:1", "", "in the next batch");
    expect(decodeEvents(w.take()!).map((e) => e.task)).toEqual([""]);
  });

  it("stores each repeated string once", () => {
    const w = new TraceBatchWriter();
    for (let i = 0; i < 100; i++) w.state(i, "worker:2", "task-7", i % 2 ? "running" : "blocked");
    w.output(100, "worker:2", "task-7", "worker:2");
    const batch = w.take() as TraceBatch;
    expect(batch.strings).toEqual(["worker:2", "task-7"]);
    expect(batch.data.length).toBe(101 * STRIDE);
  });

  it("encodes leave as OP_LEAVE and output as an op below it", () => {
    const w = new TraceBatchWriter();
    w.state(0, "l", "t", null);
    w.output(1, "l", "t", "x");
    const { data } = w.take() as TraceBatch;
    expect(data[3]).toBe(OP_LEAVE);
    expect(data[7]).toBeLessThan(OP_LEAVE);
  });

  it("counts pending events and starts a fresh batch after take()", () => {
    const w = new TraceBatchWriter();
    w.state(0, "a", "1", "running");
    w.state(1, "a", "1", null);
    expect(w.length).toBe(2);
    w.take();
    expect(w.length).toBe(0);
    w.output(2, "b", "t2", "next");
    const second = w.take() as TraceBatch;
    expect(second.strings).toEqual(["b", "t2", "next"]);
  });

  it("returns null when nothing was recorded", () => {
    expect(new TraceBatchWriter().take()).toBeNull();
  });

  it("survives a structured clone", () => {
    const w = new TraceBatchWriter();
    w.state(3, "worker:1", "1", "ready");
    w.output(4, "worker:1", "1", "ok");
    const batch = w.take() as TraceBatch;
    expect(decodeEvents(structuredClone(batch))).toEqual(decodeEvents(batch));
  });

  it("lists the data buffer as its transferable", () => {
    const w = new TraceBatchWriter();
    w.state(0, "a", "1", "running");
    const batch = w.take() as TraceBatch;
    expect(batchTransfer(batch)).toEqual([batch.data.buffer]);
  });
});

describe("decodeEvents on malformed batches", () => {
  it("rejects a string index out of range", () => {
    const batch = { strings: ["a"], data: Float64Array.of(0, 0, 5, 0) };
    expect(() => decodeEvents(batch)).toThrow(/string 5 of 1/);
  });

  it("rejects an unknown state op", () => {
    // 5…15 are no op (16 and up are labelled states, whose state index must exist too).
    const batch = { strings: ["a"], data: Float64Array.of(0, 0, 0, 7) };
    expect(() => decodeEvents(batch)).toThrow(/unknown op 7/);
    expect(() => decodeEvents({ strings: ["a"], data: Float64Array.of(0, 0, 0, 16 + 5) })).toThrow(/unknown op 21/);
    expect(() => decodeEvents({ strings: ["a"], data: Float64Array.of(0, 0, 0, 16 + 8 + 2) })).toThrow(/refers to string 1/);
  });

  it("rejects a data length that is not a whole number of events", () => {
    const batch = { strings: ["a"], data: Float64Array.of(0, 0, 0) };
    expect(() => decodeEvents(batch)).toThrow(/multiple of 4/);
  });
});

describe("numeric task ids", () => {
  it("travel as numbers, not string-table entries, and decode to the same ids", () => {
    const w = new TraceBatchWriter();
    w.state(1, "worker:1", "7", "running");
    w.state(2, "worker:1", "7", null);
    w.state(3, "worker:1", "12345", "running");
    w.output(4, "worker:1", "task-a", "hi");
    const batch = w.take()!;
    expect(batch.strings).toEqual(["worker:1", "task-a", "hi"]);
    expect(decodeEvents(batch).map((e) => e.task)).toEqual(["7", "7", "12345", "task-a"]);
  });

  it("may be given as numbers, and then mean the same task as their decimal strings", () => {
    const w = new TraceBatchWriter();
    w.state(1, "worker:1", 41, "running");
    w.state(2, "worker:1", "41", null);
    w.output(3, "worker:1", 2 ** 31, "too big to travel as a number: a string");
    const batch = w.take() as TraceBatch;
    expect(batch.strings).toEqual(["worker:1", "2147483648", "too big to travel as a number: a string"]);
    expect(decodeEvents(batch).map((e) => e.task)).toEqual(["41", "41", "2147483648"]);
    w.state(4, "worker:1", "7", "running");
    expect(w.retractOpen(4, "worker:1", 7, "running")).toBe(true);
  });

  it("keeps ids that only look numeric as strings", () => {
    const w = new TraceBatchWriter();
    w.state(1, "l", "007", "running");
    w.state(2, "l", "-1", "running");
    const batch = w.take()!;
    expect(decodeEvents(batch).map((e) => e.task)).toEqual(["007", "-1"]);
    expect(batch.strings).toContain("007");
  });
});

describe("retractOpen", () => {
  it("takes back the event that just opened this state, so an empty span never travels", () => {
    const w = new TraceBatchWriter();
    w.state(1, "worker:1", "7", null);
    w.state(2, "worker:1", "8", "running");
    expect(w.retractOpen(2, "worker:1", "8", "running")).toBe(true);
    expect(decodeEvents(w.take() as TraceBatch)).toEqual([{ kind: "state", t: 1, lane: "worker:1", task: "7", state: null }]);
  });

  it("works for string task ids too", () => {
    const w = new TraceBatchWriter();
    w.state(2, "worker:1", "fetch-a", "running");
    expect(w.retractOpen(2, "worker:1", "fetch-a", "running")).toBe(true);
    expect(w.take()).toBeNull();
  });

  it("refuses anything but the last event being exactly that opening", () => {
    const opened = () => {
      const w = new TraceBatchWriter();
      w.state(2, "worker:1", "8", "running");
      return w;
    };
    expect(opened().retractOpen(3, "worker:1", "8", "running")).toBe(false); // time passed
    expect(opened().retractOpen(2, "worker:2", "8", "running")).toBe(false); // another lane
    expect(opened().retractOpen(2, "worker:1", "9", "running")).toBe(false); // another task
    expect(opened().retractOpen(2, "worker:1", "x", "running")).toBe(false); // a task with no slot
    expect(opened().retractOpen(2, "worker:1", "8", "waiting")).toBe(false); // another state
    const printed = opened();
    printed.output(2, "worker:1", "8", "hi");
    expect(printed.retractOpen(2, "worker:1", "8", "running")).toBe(false);
    const left = opened();
    left.state(2, "worker:1", "8", null);
    expect(left.retractOpen(2, "worker:1", "8", "running")).toBe(false);
    const taken = opened();
    taken.take();
    expect(taken.retractOpen(2, "worker:1", "8", "running")).toBe(false);
    expect(new TraceBatchWriter().retractOpen(0, "l", "1", "running")).toBe(false);
  });
});
