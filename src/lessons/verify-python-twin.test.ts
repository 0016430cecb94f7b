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

  describe("with pythonOutput", () => {
    const out = (...texts: string[]) => texts.map((text, t) => ({ t, lane: "l", text }));
    const twinThenProgram = (twin: string[], program: string[]) => {
      const calls: Runner[][] = [];
      const runCode = async (_code: string, runners: Runner[]): Promise<Run[]> => {
        calls.push(runners);
        const texts = runners[0] === "python" ? twin : program;
        return [{ runner: runners[0]!, ok: true, wallMs: 1, lanes: [], spans: [], output: out(...texts), tasks: [] }];
      };
      return { runCode, calls };
    };
    const withOutput = (pythonOutput: "same" | "same-any-order"): PlaygroundBlock => ({ ...playground, outcome: { fails: {}, pythonOutput, line: 40 } });

    it("accepts the same lines, and runs the program under its first runner to compare", async () => {
      const { runCode, calls } = twinThenProgram(["a", "b"], ["a", "b"]);
      expect(await verifyPythonTwin("l.md", withOutput("same"), runCode)).toEqual([]);
      expect(calls).toEqual([["python"], ["main"]]);
    });

    it("names the first line that differs, at the outcome's line", async () => {
      const { runCode } = twinThenProgram(["a", "c"], ["a", "b"]);
      expect(await verifyPythonTwin("l.md", withOutput("same"), runCode)).toEqual([
        expect.objectContaining({ line: 40, message: expect.stringMatching(/line 2 is "c" in Python and "b" in TypeScript/) }),
      ]);
      expect((await verifyPythonTwin("l.md", withOutput("same"), twinThenProgram(["a"], ["a", "b"]).runCode))[0]?.message).toMatch(/line 2 is nothing in Python/);
    });

    it("ignores the order when the outcome says any order", async () => {
      expect(await verifyPythonTwin("l.md", withOutput("same-any-order"), twinThenProgram(["b", "a"], ["a", "b"]).runCode)).toEqual([]);
      expect(await verifyPythonTwin("l.md", withOutput("same"), twinThenProgram(["b", "a"], ["a", "b"]).runCode)).toHaveLength(1);
    });
  });
});
