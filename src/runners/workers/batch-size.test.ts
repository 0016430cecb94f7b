import { describe, expect, it } from "vitest";
import { MAX_BATCH, batchSize, depthFor, updateEstimate } from "./batch-size";

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

  it("never takes more than a fair share of the queue, nor more than the cap", () => {
    expect(batchSize(0.0001, 10, 2)).toBe(5);
    expect(batchSize(1e-9, 1_000_000, 1)).toBe(MAX_BATCH);
  });

  it("sends nothing when nothing is queued", () => {
    expect(batchSize(1, 0, 2)).toBe(0);
  });

  it("averages the per-task cost of whole batches", () => {
    expect(updateEstimate(undefined, 10, 5)).toBe(2);
    expect(updateEstimate(2, 4, 1)).toBe(3);
  });

  it("keeps a second batch in flight only for short tasks", () => {
    expect(depthFor(undefined)).toBe(1);
    expect(depthFor(0.01)).toBe(2);
    expect(depthFor(100)).toBe(1);
  });
});
