import { describe, expect, it } from "vitest";
import { fakeRun } from "../src/lessons/test-runs.ts";
import { runCheckInNode } from "./node-check-runner.ts";
import { transpileCheck } from "./typecheck-lessons.ts";

const runs = [fakeRun("main", { output: ["total = 6"] })];
const check = (body: string) => transpileCheck(`export default function check(runs: Run[]): true | string {\n${body}\n}`);

describe("runCheckInNode", () => {
  it("passes when the check returns true", async () => {
    expect(await runCheckInNode(check("return runs[0]?.output[0]?.text === 'total = 6' || 'no total';"), runs, 1000)).toBe(true);
  });

  it("returns the check's message", async () => {
    expect(await runCheckInNode(check("return 'Print the total.';"), [], 1000)).toBe("Print the total.");
  });

  it("reports an error thrown by the check", async () => {
    expect(await runCheckInNode(check("throw new Error('oops');"), runs, 1000)).toEqual({ broken: "threw Error: oops" });
  });

  it("refuses a result that is neither true nor a message", async () => {
    expect(await runCheckInNode(transpileCheck("export default () => 42;"), runs, 1000)).toEqual({ broken: expect.stringMatching(/^returned 42: it must return true or a message/) });
  });

  it("stops a check that loops forever", async () => {
    expect(await runCheckInNode(check("for (;;) {}"), runs, 100)).toEqual({ broken: "did not finish within 100 ms: does it loop forever?" });
  });

  it("gives the check no access to Node", async () => {
    expect(await runCheckInNode(check("return typeof process === 'undefined' && typeof require === 'undefined' || 'escaped';"), runs, 1000)).toBe(true);
  });

  it("refuses a script without a function", async () => {
    expect(await runCheckInNode("exports.default = 3;", runs, 1000)).toEqual({ broken: expect.stringMatching(/^does not export a function/) });
  });
});
