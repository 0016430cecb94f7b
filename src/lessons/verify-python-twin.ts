// What lessons:check proves about a playground's Python twin (the ```python block right after
// it): run under the python runner, it ends ok, or fails as the playground's `yaml outcome`
// declares under `python:`. Its limit is longer than a TypeScript run's: a twin with processes
// starts a Pyodide per process, which takes seconds on a loaded machine.
import type { Run } from "../trace/run.ts";
import type { PlaygroundBlock } from "./lesson-model.ts";
import { outcomeMismatch } from "./outcome.ts";
import type { LessonProblem } from "./problems.ts";
import type { RunCode } from "./verify-exercise.ts";

/** Each twin's run is stopped after this long (or the playground's own limit, if higher). */
export const TWIN_LIMIT_MS = 30_000;

/**
 * `runTypeScript` runs the playground's own program when the outcome asks for the twin's output
 * to be the same (`pythonOutput`); by default the same `runCode`.
 */
export async function verifyPythonTwin(file: string, playground: PlaygroundBlock, runCode: RunCode, runTypeScript: RunCode = runCode): Promise<LessonProblem[]> {
  const twin = playground.python;
  if (!twin) return [];
  const limit = Math.max(playground.timeLimitMs ?? TWIN_LIMIT_MS, TWIN_LIMIT_MS);
  const [run] = await runCode(twin.code, ["python"], limit);
  const at = { file, line: twin.line, column: 1 };
  const name = `The Python twin of "${playground.id}"`;
  if (!run) return [{ ...at, severity: "error", message: `${name} gave no run: the check itself went wrong; run it again.` }];
  if (!run.ok && /time limit/i.test(run.error?.message ?? "")) {
    return [{ ...at, severity: "error", message: `${name} was stopped after ${(limit / 1000).toFixed(0)} s: make it quicker, or let it fail sooner.` }];
  }
  const mismatch = outcomeMismatch(run, playground.outcome);
  if (!mismatch) return playground.outcome?.pythonOutput && run.ok ? compareOutput(file, playground, run, runTypeScript) : [];
  const last = run.output.slice(-4).map((o) => o.text).join("\n");
  return [{ ...(playground.outcome ? { ...at, line: playground.outcome.line } : at), severity: "error", message: `${name} does not end as the lesson says: ${mismatch}${last ? `\n${last}` : ""}` }];
}

/** The twin's printed lines against the program's under its first runner: the first that differs, at the outcome's line. */
async function compareOutput(file: string, playground: PlaygroundBlock, twin: Run, runTypeScript: RunCode): Promise<LessonProblem[]> {
  const outcome = playground.outcome!;
  const runner = playground.runners.find((r) => r !== "python") ?? "main";
  const [program] = await runTypeScript(playground.code, [runner], playground.timeLimitMs, playground.files);
  const at = { file, line: outcome.line, column: 1, severity: "error" as const };
  const name = `The Python twin of "${playground.id}"`;
  if (!program?.ok) return [{ ...at, message: `${name} could not be compared: the program itself did not end ok under ${runner} (${program?.error?.message ?? "no run"}).` }];
  const anyOrder = outcome.pythonOutput === "same-any-order";
  const lines = (r: Run) => {
    const texts = r.output.map((o) => o.text);
    return anyOrder ? texts.sort() : texts;
  };
  const [ours, theirs] = [lines(program), lines(twin)];
  const at0 = ours.findIndex((line, i) => line !== theirs[i]);
  const differs = at0 >= 0 ? at0 : ours.length !== theirs.length ? ours.length : -1;
  if (differs < 0) return [];
  const show = (line: string | undefined) => (line === undefined ? "nothing" : JSON.stringify(line));
  return [
    {
      ...at,
      message: `${name} does not print what the program prints under ${runner}${anyOrder ? " (in any order)" : ""}: line ${differs + 1} is ${show(theirs[differs])} in Python and ${show(ours[differs])} in TypeScript (${theirs.length} lines against ${ours.length}). Make them print the same, or remove pythonOutput from the outcome.`,
    },
  ];
}
