import { describe, expect, it } from "vitest";
import { MAX_BATCH, batchSize, depthFor, perTaskMs, updateCost } from "./batch-size";

describe("adaptive batching", () => {
  it("sends one task at a time until it knows what a task costs", () => {
    expect(batchSize(undefined, 1000, 2)).toBe(1);
  });

  it("sends long tasks one at a time, for balance", () => {
    expect(batchSize(200, 1000, 2)).toBe(1);
  });

  it("batches tiny tasks so a batch takes a few milliseconds", () => {
    expect(batchSize(0.01, 100_000, 2)).toBe(400);
  });

  it("shares the end of the queue between workers, but not in pieces under ~1 ms of work", () => {
    expect(batchSize(0.01, 1000, 2)).toBe(400); // by time
    expect(batchSize(0.01, 300, 2)).toBe(150); // a fair share: 1.5 ms each
    expect(batchSize(0.01, 150, 2)).toBe(100); // 0.75 ms each would not pay: a quarter batch
    expect(batchSize(0.01, 60, 2)).toBe(60); // all that is left
    expect(batchSize(0.0001, 10, 2)).toBe(10);
    expect(batchSize(1, 10, 4)).toBe(3); // 1 ms tasks: a fair share still
  });

  it("never takes more than the cap", () => {
    expect(batchSize(1e-9, 1_000_000, 1)).toBe(MAX_BATCH);
  });

  it("sends nothing when nothing is queued", () => {
    expect(batchSize(1, 0, 2)).toBe(0);
  });

  it("estimates a task's cost from whole batches, big batches counting most", () => {
    expect(perTaskMs(undefined)).toBeUndefined();
    const first = updateCost(undefined, 10, 5);
    expect(perTaskMs(first)).toBe(2);
    // A batch of one slow-looking task (fixed cost) barely moves an estimate of 100 tasks.
    const second = updateCost(updateCost(undefined, 0.04, 1), 0.1, 100);
    expect(perTaskMs(second)).toBeCloseTo(0.12 / 100.5, 6);
    expect(batchSize(perTaskMs(second), 10_000, 2)).toBe(MAX_BATCH);
  });

  it("follows tasks that become slower within a few batches", () => {
    let cost = updateCost(undefined, 1, 1000); // 1 µs each
    for (let i = 0; i < 4; i++) cost = updateCost(cost, 200, 1); // now 200 ms each
    expect(perTaskMs(cost)).toBeGreaterThan(5);
    expect(batchSize(perTaskMs(cost), 1000, 2)).toBe(1);
  });

  it("keeps a second batch in flight only for short tasks", () => {
    expect(depthFor(undefined)).toBe(1);
    expect(depthFor(0.01)).toBe(2);
    expect(depthFor(100)).toBe(1);
  });
});
