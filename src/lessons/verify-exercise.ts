// What lessons:check proves about each exercise: its solution passes its check, and its starter
// code does not (an exercise passed by doing nothing teaches nothing). Runs come from a real
// browser through an injected `runCode`, so this logic is testable with recorded runs.
import type { Run, Runner } from "../trace/run.ts";
import { evaluateCheck, type EvaluateOptions } from "./evaluate-check.ts";
import type { PlaygroundBlock } from "./lesson-model.ts";
import type { LessonProblem } from "./problems.ts";

/** Runs code as the page would: under these runners, with the playground's time limit if it has one. */
/** Runs a program (with its playground's helper files, if any) under the runners, in a browser. */
export type RunCode = (code: string, runners: Runner[], timeLimitMs?: number, files?: readonly { name: string; code: string }[]) => Promise<Run[]>;

export interface VerifyOptions extends EvaluateOptions {
  /** Tries for the solution before it counts as failing: timings on a busy machine vary. */
  attempts?: number;
}

export async function verifyExercise(file: string, playground: PlaygroundBlock, runCode: RunCode, options: VerifyOptions = {}): Promise<LessonProblem[]> {
  const { exercise, solution } = playground;
  if (!exercise || !solution) return [];
  const problems: LessonProblem[] = [];
  const at = (line: number) => ({ file, line, column: 1 });
  const attempts = Math.max(1, options.attempts ?? 2);

  // A ts check that breaks is its own fault: named at its own line, and nothing else is judged.
  const fn = exercise.check.fn;
  const brokenCheck = (broken: string, whose: string): LessonProblem => ({
    ...at(fn?.line ?? exercise.line),
    severity: "error",
    message: `The ts check of "${playground.id}" ${broken} (on the runs of the ${whose}). Fix the check: a student would only read that the check could not be completed.`,
  });

  let messages: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const result = await evaluateCheck(exercise.check, await runCode(solution.code, playground.runners, playground.timeLimitMs, playground.files), options);
    if (result.broken !== undefined) return [brokenCheck(result.broken, "solution")];
    if (result.passed) {
      if (attempt > 1) {
        problems.push({ ...at(solution.line), severity: "warning", message: `The solution of "${playground.id}" passed its check only on try ${attempt} (first: ${messages.join(" ")}): give its timing more margin.` });
      }
      messages = [];
      break;
    }
    messages = result.messages;
  }
  if (messages.length > 0) {
    problems.push({ ...at(solution.line), severity: "error", message: `The solution of "${playground.id}" does not pass its check: ${messages.join(" ")} Fix the solution or the check.` });
  }

  const starter = await evaluateCheck(exercise.check, await runCode(playground.code, playground.runners, playground.timeLimitMs, playground.files), options);
  if (starter.broken !== undefined) problems.push(brokenCheck(starter.broken, "starter code"));
  else if (starter.passed) {
    problems.push({ ...at(playground.line), severity: "error", message: `The starter code of "${playground.id}" already passes its check, so doing nothing solves the exercise: make the check ask for what the goal says.` });
  }
  return problems;
}
