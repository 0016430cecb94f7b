import { describe, expect, it } from "vitest";
import { clip, measure, peakOverlap, union } from "./intervals";

const iv = (start: number, end: number) => ({ start, end });

describe("union", () => {
  it("merges overlapping intervals and sorts them", () => {
    expect(union([iv(8, 9), iv(0, 4), iv(2, 6)])).toEqual([iv(0, 6), iv(8, 9)]);
  });

  it("joins touching intervals", () => {
    expect(union([iv(0, 5), iv(5, 10)])).toEqual([iv(0, 10)]);
  });

  it("drops empty and inverted intervals", () => {
    expect(union([iv(3, 3), iv(7, 2), iv(1, 2)])).toEqual([iv(1, 2)]);
  });

  it("does not mutate its input", () => {
    const input = [iv(0, 4), iv(2, 6)];
    union(input);
    expect(input).toEqual([iv(0, 4), iv(2, 6)]);
  });
});

describe("measure", () => {
  it("counts overlapping time once", () => {
    expect(measure([iv(0, 4), iv(2, 6), iv(10, 11)])).toBe(7);
  });

  it("is 0 for nothing", () => {
    expect(measure([])).toBe(0);
  });
});

describe("clip", () => {
  it("cuts intervals to the window and drops those outside", () => {
    expect(clip([iv(-5, 2), iv(3, 4), iv(8, 20), iv(10, 12)], 0, 10)).toEqual([iv(0, 2), iv(3, 4), iv(8, 10)]);
  });
});

describe("peakOverlap", () => {
  it("counts intervals covering the same instant", () => {
    expect(peakOverlap([iv(0, 10), iv(2, 5), iv(4, 8), iv(9, 12)])).toBe(3);
  });

  it("does not count touching intervals as overlapping ([a,b))", () => {
    expect(peakOverlap([iv(0, 5), iv(5, 10), iv(10, 15)])).toBe(1);
  });

  it("counts identical intervals separately", () => {
    expect(peakOverlap([iv(1, 2), iv(1, 2)])).toBe(2);
  });

  it("ignores zero-length intervals", () => {
    expect(peakOverlap([iv(3, 3), iv(3, 3)])).toBe(0);
  });

  it("is 0 for nothing", () => {
    expect(peakOverlap([])).toBe(0);
  });
});
