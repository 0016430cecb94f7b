import { describe, expect, it } from "vitest";
import { CHECK_BROKEN_MESSAGE, evaluateCheck, NO_RUNS_MESSAGE, type CheckFunctionRunner } from "./evaluate-check.ts";
import type { Check } from "./lesson-model.ts";
import { fakeRun } from "./test-runs.ts";

const runs = [fakeRun("main", { output: ["done"] }), fakeRun("workers", { output: [] })];
const verdict = (answer: true | string): CheckFunctionRunner => async () => answer;

describe("evaluateCheck", () => {
  it("passes when every assertion holds", async () => {
    expect(await evaluateCheck({ assertions: [{ kind: "ok", runner: "all" }] }, runs)).toEqual({ passed: true, messages: [] });
  });

  it("collects every failing assertion, not just the first", async () => {
    const check: Check = { assertions: [{ kind: "output", runner: "all", contains: "done" }, { kind: "wallMs", runner: "main", below: 50 }] };
    expect((await evaluateCheck(check, runs)).messages).toEqual(['The output of the workers run does not contain "done".', "main took 100 ms; the goal is under 50 ms."]);
  });

  it("says to run first when there are no runs", async () => {
    expect(await evaluateCheck({ assertions: [] }, [])).toEqual({ passed: false, messages: [NO_RUNS_MESSAGE] });
  });

  it("adds the message of a failing ts check", async () => {
    const check: Check = { assertions: [], fn: { source: "", js: "x", line: 1 } };
    expect(await evaluateCheck(check, runs, { runFunction: verdict("Print the total.") })).toEqual({ passed: false, messages: ["Print the total."] });
  });

  it("passes when the ts check returns true", async () => {
    const check: Check = { assertions: [], fn: { source: "", js: "x", line: 1 } };
    expect((await evaluateCheck(check, runs, { runFunction: verdict(true) })).passed).toBe(true);
  });

  it("hands the ts check its compiled script, the runs and the time limit", async () => {
    const seen: unknown[] = [];
    const check: Check = { assertions: [], fn: { source: "ts", js: "compiled", line: 1 } };
    await evaluateCheck(check, runs, { runFunction: async (...args) => (seen.push(...args), true), timeoutMs: 500 });
    expect(seen).toEqual(["compiled", runs, 500]);
  });

  it("tells a student only that a broken ts check could not be completed", async () => {
    const check = { assertions: [], fn: { source: "", js: "", line: 9 } };
    const result = await evaluateCheck(check, runs, { runFunction: async () => ({ broken: "threw TypeError: x is undefined" }) });
    expect(result).toEqual({ passed: false, messages: [CHECK_BROKEN_MESSAGE], broken: "threw TypeError: x is undefined" });
    expect(result.messages.join(" ")).not.toMatch(/loop|TypeError|solution/);
  });
});
