import { describe, expect, it } from "vitest";
import { axisTicks, formatMs, formatMsCell, formatRange, formatTick, niceStep } from "./ticks";

describe("niceStep", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect(niceStep(0.7)).toBe(1);
    expect(niceStep(1.2)).toBe(2);
    expect(niceStep(3)).toBe(5);
    expect(niceStep(70)).toBe(100);
    expect(niceStep(150)).toBe(200);
    expect(niceStep(0.031)).toBeCloseTo(0.05, 12);
  });

  it("keeps exact nice values", () => {
    expect(niceStep(200)).toBe(200);
    expect(niceStep(0.01)).toBeCloseTo(0.01, 12);
  });

  it("falls back to 1 for nonsense", () => {
    expect(niceStep(0)).toBe(1);
    expect(niceStep(Number.NaN)).toBe(1);
  });
});

describe("axisTicks", () => {
  it("spaces ticks at least the requested pixels apart", () => {
    const { step, times } = axisTicks(0, 1300, 1000, 90);
    expect(step).toBe(200);
    expect(times).toEqual([0, 200, 400, 600, 800, 1000, 1200]);
  });

  it("starts at the first multiple inside the window, including negative times", () => {
    const { times } = axisTicks(-26, 500, 1000, 90);
    expect(times[0]).toBe(0);
    expect(axisTicks(-26, 30, 560, 100).times[0]).toBe(-20);
  });

  it("works for tiny windows", () => {
    const { step, times } = axisTicks(10, 10.05, 500, 100);
    expect(step).toBeCloseTo(0.01, 12);
    expect(times.length).toBe(6);
  });
});

describe("formatting", () => {
  it("labels ticks in ms or s with the decimals the step needs", () => {
    expect(formatTick(0, 200)).toBe("0");
    expect(formatTick(400, 200)).toBe("400 ms");
    expect(formatTick(10.05, 0.05)).toBe("10.05 ms");
    expect(formatTick(2000, 1000)).toBe("2 s");
    expect(formatTick(1500, 500)).toBe("1500 ms");
  });

  it("formats durations for tooltips", () => {
    expect(formatMs(0.25)).toBe("0.25 ms");
    expect(formatMs(12.46)).toBe("12.5 ms");
    expect(formatMs(1302.4)).toBe("1.302 s");
  });

  it("gives a span's extent the precision its length needs", () => {
    expect(formatRange(519.02, 519.035)).toBe("519.020 – 519.035 ms (0.015 ms)");
    expect(formatRange(10, 60)).toBe("10.0 – 60.0 ms (50.0 ms)");
    expect(formatRange(0, 1302.4)).toBe("0.00 ms – 1.302 s (1.302 s)");
  });

  it("formats table cells with one decimal", () => {
    expect(formatMsCell(200)).toBe("200.0");
    expect(formatMsCell(0.04)).toBe("0.0");
  });
});
