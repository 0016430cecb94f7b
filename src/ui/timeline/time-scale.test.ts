import { describe, expect, it } from "vitest";
import { boundsForWall, clampWindow, MIN_WINDOW_MS, TimeScale } from "./time-scale";

const bounds = { start: -10, end: 1010 };

describe("TimeScale mapping", () => {
  const s = new TimeScale(0, 1000, 100, 1100);

  it("maps times to pixels linearly", () => {
    expect(s.timeToPx(0)).toBe(100);
    expect(s.timeToPx(500)).toBe(600);
    expect(s.timeToPx(1000)).toBe(1100);
    expect(s.pxPerMs).toBe(1);
  });

  it("maps pixels back to times", () => {
    expect(s.pxToTime(350)).toBe(250);
    expect(s.pxToTime(s.timeToPx(123.25))).toBeCloseTo(123.25, 9);
  });

  it("keeps the window when the pixel range changes", () => {
    const r = s.withPixels(0, 500);
    expect([r.t0, r.t1]).toEqual([0, 1000]);
    expect(r.timeToPx(1000)).toBe(500);
  });

  it("never has an empty window or pixel range", () => {
    const d = new TimeScale(5, 5, 3, 3);
    expect(d.duration).toBeGreaterThan(0);
    expect(d.widthPx).toBeGreaterThan(0);
  });
});

describe("zoom", () => {
  const s = new TimeScale(0, 1000, 0, 1000);

  it("keeps the time under the anchor pixel fixed", () => {
    const z = s.zoom(2, 250, bounds);
    expect(z.duration).toBe(500);
    expect(z.pxToTime(250)).toBeCloseTo(250, 9);
  });

  it("does not mutate the original", () => {
    s.zoom(4, 0, bounds);
    expect([s.t0, s.t1]).toEqual([0, 1000]);
  });

  it("stops at the minimum window", () => {
    const z = s.zoom(1e9, 500, bounds);
    expect(z.duration).toBeCloseTo(MIN_WINDOW_MS, 12);
    expect(z.pxToTime(500)).toBeCloseTo(500, 6);
  });

  it("stops at the whole run plus margins when zooming out", () => {
    const z = s.zoom(0.001, 500, bounds);
    expect([z.t0, z.t1]).toEqual([-10, 1010]);
  });

  it("ignores nonsense factors", () => {
    expect(s.zoom(0, 10, bounds)).toBe(s);
    expect(s.zoom(Number.NaN, 10, bounds)).toBe(s);
  });
});

describe("pan", () => {
  const s = new TimeScale(100, 200, 0, 1000);

  it("moves content with the pointer: dragging right shows earlier times", () => {
    const p = s.pan(500, bounds);
    expect([p.t0, p.t1]).toEqual([50, 150]);
  });

  it("stops at the bounds without changing the window length", () => {
    const p = s.pan(-1e6, bounds);
    expect([p.t0, p.t1]).toEqual([910, 1010]);
  });
});

describe("fit and bounds", () => {
  it("fits the whole run with margins", () => {
    const f = new TimeScale(3, 4, 0, 100).fit(1000);
    expect([f.t0, f.t1]).toEqual([-20, 1020]);
  });

  it("gives an empty run a usable window", () => {
    const b = boundsForWall(0);
    expect(b.end - b.start).toBeGreaterThan(1);
  });

  it("clamps a window longer than the bounds to the bounds", () => {
    expect(clampWindow(-100, 5000, bounds)).toEqual([-10, 1010]);
  });
});
