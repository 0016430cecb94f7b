import { describe, expect, it } from "vitest";
import type { Run, Runner } from "../trace/run.ts";
import type { PlaygroundBlock } from "./lesson-model.ts";
import { fakeRun } from "./test-runs.ts";
import { verifyExercise } from "./verify-exercise.ts";

const exercise: PlaygroundBlock = {
  id: "count",
  code: "STARTER",
  line: 10,
  runners: ["main"],
  solution: { code: "SOLUTION", line: 30 },
  exercise: { goal: "Count to 3.", hints: [], line: 20, check: { assertions: [{ kind: "output", runner: "all", contains: "3" }] } },
};

/** A browser stand-in: prints what `outputs` says each program prints, one entry per call. */
function runner(outputs: Record<string, string[]>) {
  const calls: string[] = [];
  const runCode = async (code: string, runners: Runner[]): Promise<Run[]> => {
    calls.push(code);
    const printed = outputs[code]?.shift() ?? "";
    return runners.map((r) => fakeRun(r, { output: [printed] }));
  };
  return { runCode, calls };
}

describe("verifyExercise", () => {
  it("accepts a solution that passes and a starter that does not", async () => {
    const { runCode } = runner({ SOLUTION: ["1 2 3"], STARTER: ["1"] });
    expect(await verifyExercise("l.md", exercise, runCode)).toEqual([]);
  });

  it("reports a solution that fails, at the solution's line, with the check's message", async () => {
    const { runCode } = runner({ SOLUTION: ["1 2", "1 2"], STARTER: ["1"] });
    expect(await verifyExercise("l.md", exercise, runCode)).toEqual([
      { file: "l.md", line: 30, column: 1, severity: "error", message: 'The solution of "count" does not pass its check: The output of the main-thread run does not contain "3". Fix the solution or the check.' },
    ]);
  });

  it("reports a starter that already passes, at the playground's line", async () => {
    const { runCode } = runner({ SOLUTION: ["3"], STARTER: ["3"] });
    expect(await verifyExercise("l.md", exercise, runCode)).toEqual([expect.objectContaining({ line: 10, severity: "error", message: expect.stringMatching(/starter code of "count" already passes/) })]);
  });

  it("warns when the solution passes only on a second try", async () => {
    const { runCode, calls } = runner({ SOLUTION: ["1", "3"], STARTER: ["1"] });
    const problems = await verifyExercise("l.md", exercise, runCode);
    expect(problems).toEqual([expect.objectContaining({ line: 30, severity: "warning", message: expect.stringMatching(/passed its check only on try 2/) })]);
    expect(calls).toEqual(["SOLUTION", "SOLUTION", "STARTER"]);
  });

  it("runs the playground's runners", async () => {
    const seen: Runner[][] = [];
    await verifyExercise("l.md", { ...exercise, runners: ["main", "workers"] }, async (_code, runners) => (seen.push(runners), runners.map((r) => fakeRun(r, { output: ["3"] }))));
    expect(seen[0]).toEqual(["main", "workers"]);
  });

  it("skips a playground that is not an exercise", async () => {
    const { runCode, calls } = runner({});
    const plain: PlaygroundBlock = { id: "p1", code: "X", line: 1, runners: ["main"], solution: { code: "Y", line: 5 } };
    expect(await verifyExercise("l.md", plain, runCode)).toEqual([]);
    expect(calls).toEqual([]);
  });

  it("blames a ts check that loops or throws on the check, at the check's own line, not on the solution", async () => {
    const { runCode, calls } = runner({ SOLUTION: ["1 2 3"], STARTER: ["1"] });
    const withFn: PlaygroundBlock = { ...exercise, exercise: { ...exercise.exercise!, check: { assertions: [], fn: { source: "", js: "", line: 40 } } } };
    const looping = async () => ({ broken: "did not finish within 2000 ms: does it loop forever?" });
    expect(await verifyExercise("l.md", withFn, runCode, { runFunction: looping })).toEqual([
      {
        file: "l.md",
        line: 40,
        column: 1,
        severity: "error",
        message: 'The ts check of "count" did not finish within 2000 ms: does it loop forever? (on the runs of the solution). Fix the check: a student would only read that the check could not be completed.',
      },
    ]);
    expect(calls).toEqual(["SOLUTION"]); // no second try: the solution is not in question
  });
});
