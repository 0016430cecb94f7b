import { describe, expect, it } from "vitest";
import { formatMargin, marginsOf, worstMargins } from "./check-margins.ts";
import type { Assertion } from "./lesson-model.ts";
import { fakeRun } from "./test-runs.ts";

const SPEED_UP: Assertion = { kind: "speedUp", runner: "async", over: "main", atLeast: 1.3 };
const runs = (mainMs: number, asyncMs: number) => [fakeRun("main", { wallMs: mainMs }), fakeRun("async", { wallMs: asyncMs })];

describe("marginsOf", () => {
  it("measures timing assertions only, in check order", () => {
    const assertions: Assertion[] = [{ kind: "ok", runner: "all" }, SPEED_UP, { kind: "wallMs", runner: "async", below: 500, above: 10 }];
    expect(marginsOf(assertions, runs(342, 200))).toEqual([
      { label: "speedUp async over main", bound: "atLeast", limit: 1.3, measured: 1.71 },
      { label: "wallMs async", bound: "below", limit: 500, measured: 200 },
      { label: "wallMs async", bound: "above", limit: 10, measured: 200 },
    ]);
  });

  it("counts a failed run as not measured", () => {
    expect(marginsOf([SPEED_UP], [fakeRun("main"), fakeRun("async", { ok: false })])[0]?.measured).toBeNaN();
  });
});

describe("worstMargins", () => {
  it("keeps the repetition closest to failing, and counts how many held", () => {
    const [worst] = worstMargins([marginsOf([SPEED_UP], runs(400, 200)), marginsOf([SPEED_UP], runs(342, 200)), marginsOf([SPEED_UP], runs(240, 200))]);
    expect(worst && formatMargin(worst)).toBe("speedUp async over main 1.20 against atLeast 1.3 (worst of 3 runs; held 2 of 3)");
  });

  it("takes the longest wall time as the worst for a below bound", () => {
    const below: Assertion = { kind: "wallMs", runner: "main", below: 300 };
    const [worst] = worstMargins([marginsOf([below], runs(120, 1)), marginsOf([below], runs(250, 1))]);
    expect(worst && formatMargin(worst)).toBe("wallMs main 250 against below 300 (worst of 2 runs; held 2 of 2)");
  });

  it("puts a run that could not be measured worst of all", () => {
    const [worst] = worstMargins([marginsOf([SPEED_UP], runs(400, 200)), marginsOf([SPEED_UP], [fakeRun("main"), fakeRun("async", { ok: false })])]);
    expect(worst && formatMargin(worst)).toBe("speedUp async over main not measured (a run failed) against atLeast 1.3 (worst of 2 runs; held 1 of 2)");
  });
});
