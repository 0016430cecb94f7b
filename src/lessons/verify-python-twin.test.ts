import { describe, expect, it } from "vitest";
import type { Run, Runner } from "../trace/run";
import type { PlaygroundBlock } from "./lesson-model";
import { TWIN_LIMIT_MS, verifyPythonTwin } from "./verify-python-twin";

const playground: PlaygroundBlock = { id: "demo", code: "TS", line: 12, runners: ["main"], python: { code: "PY", line: 30 } };

function runner(run: Partial<Run>) {
  const calls: { code: string; runners: Runner[]; limit?: number }[] = [];
  const runCode = async (code: string, runners: Runner[], limit?: number): Promise<Run[]> => {
    calls.push({ code, runners, limit });
    return [{ runner: "python", ok: true, wallMs: 100, lanes: [], spans: [], output: [], tasks: [], ...run }];
  };
  return { runCode, calls };
}

describe("verifyPythonTwin", () => {
  it("runs the twin's code under python only, with the twins' limit, and accepts an ok run", async () => {
    const { runCode, calls } = runner({});
    expect(await verifyPythonTwin("l.md", playground, runCode)).toEqual([]);
    expect(calls).toEqual([{ code: "PY", runners: ["python"], limit: TWIN_LIMIT_MS }]);
  });

  it("checks nothing for a playground with no twin", async () => {
    const { runCode, calls } = runner({});
    expect(await verifyPythonTwin("l.md", { ...playground, python: undefined }, runCode)).toEqual([]);
    expect(calls).toEqual([]);
  });

  it("reports an undeclared failure at the twin's line, with the run's last lines", async () => {
    const { runCode } = runner({ ok: false, error: { message: "ZeroDivisionError: division by zero" }, output: [{ t: 1, lane: "l", text: "Traceback" }] });
    expect(await verifyPythonTwin("l.md", playground, runCode)).toEqual([
      expect.objectContaining({ line: 30, severity: "error", message: expect.stringMatching(/^The Python twin of "demo" does not end as the lesson says: it failed under python: ZeroDivisionError[\s\S]*\nTraceback$/) }),
    ]);
  });

  it("accepts the failure an outcome declares under python:, and reports it missing at the outcome's line", async () => {
    const outcome = { fails: { python: "Deadlock" }, line: 40 };
    expect(await verifyPythonTwin("l.md", { ...playground, outcome }, runner({ ok: false, error: { message: "Deadlock: every thread waits" } }).runCode)).toEqual([]);
    expect(await verifyPythonTwin("l.md", { ...playground, outcome }, runner({}).runCode)).toEqual([expect.objectContaining({ line: 40, message: expect.stringMatching(/but it ended ok/) })]);
  });

  it("says a twin stopped at the time limit must be quicker", async () => {
    const { runCode } = runner({ ok: false, error: { message: "Stopped at the time limit: the run took longer than 30 s." } });
    expect((await verifyPythonTwin("l.md", playground, runCode))[0]?.message).toMatch(/was stopped after 30 s/);
  });
});
