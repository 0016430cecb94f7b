import { describe, expect, it } from "vitest";
import { alignTo, pageClock, realmClock } from "./clock";

// Epoch-sized origins, as performance.timeOrigin really is: precision bugs show up only there.
const PAGE_ORIGIN = 1_700_000_000_000.25;
const WORKER_ORIGIN = PAGE_ORIGIN + 850.5; // the worker was created 850.5 ms after the page
const RUN_T0 = 1000; // page's performance.now() when main() was called

describe("alignTo", () => {
  it("maps a page-realm time to ms since t0", () => {
    expect(alignTo(PAGE_ORIGIN, RUN_T0)(PAGE_ORIGIN, 1250)).toBe(250);
  });

  it("shifts a worker's time by the difference of origins", () => {
    // worker now() 400 is page now() 1250.5, i.e. 250.5 ms after t0
    expect(alignTo(PAGE_ORIGIN, RUN_T0)(WORKER_ORIGIN, 400)).toBeCloseTo(250.5, 9);
  });

  it("gives negative times for instants before main() was called", () => {
    expect(alignTo(PAGE_ORIGIN, RUN_T0)(WORKER_ORIGIN, 100)).toBeCloseTo(-49.5, 9);
  });

  it("keeps microsecond resolution despite epoch-sized origins", () => {
    const align = alignTo(PAGE_ORIGIN, RUN_T0);
    const a = align(WORKER_ORIGIN, 400.001);
    const b = align(WORKER_ORIGIN, 400.002);
    expect(b - a).toBeCloseTo(0.001, 6);
  });
});

describe("realmClock", () => {
  it("agrees with alignTo for a fixed realm", () => {
    const toRun = realmClock(PAGE_ORIGIN, RUN_T0, WORKER_ORIGIN);
    const align = alignTo(PAGE_ORIGIN, RUN_T0);
    for (const now of [0, 149.5, 400, 12_345.678]) expect(toRun(now)).toBeCloseTo(align(WORKER_ORIGIN, now), 9);
  });
});

describe("pageClock", () => {
  it("subtracts only t0", () => {
    expect(pageClock(RUN_T0)(1003.5)).toBe(3.5);
  });
});
