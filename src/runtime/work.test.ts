import { afterEach, describe, expect, it } from "vitest";
import { spin } from "./kernel";
import { doWork, setCalibration } from "./work";

describe("work(ms)", () => {
  afterEach(() => setCalibration(1)); // leave no realistic rate behind for other tests

  it("is round(ms × rate) kernel steps, in one stretch or in slices", () => {
    setCalibration(1000); // 1,000 steps per ms: a 20 ms slice is 20,000 steps
    const between: number[] = [];
    expect(doWork(75)).toBe(spin(75_000));
    expect(doWork(75, () => between.push(1))).toBe(spin(75_000));
    expect(between).toHaveLength(3); // slices of 20, 20, 20, 15 ms: called between them
    expect(doWork(20, () => between.push(1))).toBe(spin(20_000));
    expect(between).toHaveLength(3); // one slice: never called
    expect(doWork(0, () => between.push(1))).toBe(spin(0));
  });

  it("stops where `between` throws", () => {
    setCalibration(1000);
    let calls = 0;
    const stop = () => {
      if (++calls === 2) throw new Error("stopped");
    };
    expect(() => doWork(1000, stop)).toThrow("stopped");
    expect(calls).toBe(2);
  });

  it("refuses a duration that is not a finite number ≥ 0", () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => doWork(bad)).toThrow(RangeError);
  });
});
