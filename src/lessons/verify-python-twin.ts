// What lessons:check proves about a playground's Python twin (the ```python block right after
// it): run under the python runner, it ends ok, or fails as the playground's `yaml outcome`
// declares under `python:`. Its limit is longer than a TypeScript run's: a twin with processes
// starts a Pyodide per process, which takes seconds on a loaded machine.
import type { PlaygroundBlock } from "./lesson-model.ts";
import { outcomeMismatch } from "./outcome.ts";
import type { LessonProblem } from "./problems.ts";
import type { RunCode } from "./verify-exercise.ts";

/** Each twin's run is stopped after this long (or the playground's own limit, if higher). */
export const TWIN_LIMIT_MS = 30_000;

export async function verifyPythonTwin(file: string, playground: PlaygroundBlock, runCode: RunCode): Promise<LessonProblem[]> {
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
  if (!mismatch) return [];
  const last = run.output.slice(-4).map((o) => o.text).join("\n");
  return [{ ...(playground.outcome ? { ...at, line: playground.outcome.line } : at), severity: "error", message: `${name} does not end as the lesson says: ${mismatch}${last ? `\n${last}` : ""}` }];
}
