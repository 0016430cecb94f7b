// An exercise's check against the student's runs: the declarative assertions, then the `ts check`
// function if there is one, away from the page. All messages are collected, not just the first,
// so a student sees everything that is still missing.
import type { Run } from "../trace/run.ts";
import { assertionFailure } from "./check-assertions.ts";
import { isBrokenCheck, type BrokenCheck } from "./check-script.ts";
import { runCheckInWorker } from "./check-worker.ts";
import type { Check } from "./lesson-model.ts";

export interface CheckResult {
  passed: boolean;
  /** What is still missing, in the student's terms; empty when passed. */
  messages: string[];
  /** Set when the `ts check` itself broke (threw, looped, returned nonsense): for the author, never shown to a student. */
  broken?: string;
}

/** Runs a compiled `ts check` (CheckFunction.js) over the runs: true, or what failed. */
export type CheckFunctionRunner = (js: string, runs: readonly Run[], timeoutMs: number) => Promise<true | string | BrokenCheck>;

export interface EvaluateOptions {
  /** Where a `ts check` runs: a browser Worker by default; lessons:check passes Node's vm. */
  runFunction?: CheckFunctionRunner;
  /** How long a `ts check` may take (default 2000 ms, worker start-up included). */
  timeoutMs?: number;
}

export const NO_RUNS_MESSAGE = "Run the program first: the check looks at its runs.";

/** What a student reads when the lesson's check broke: no verdict on their code, nothing to fix in it. */
export const CHECK_BROKEN_MESSAGE = "The check could not be completed, so this run was not judged. That is a problem in the lesson, not in your code: run again, and if it persists, tell your instructor.";

export async function evaluateCheck(check: Check, runs: readonly Run[], options: EvaluateOptions = {}): Promise<CheckResult> {
  if (runs.length === 0) return { passed: false, messages: [NO_RUNS_MESSAGE] };
  const messages = new Set<string>();
  for (const assertion of check.assertions) {
    const failure = assertionFailure(assertion, runs);
    if (failure) messages.add(failure);
  }
  if (check.fn) {
    const runFunction = options.runFunction ?? runCheckInWorker;
    const verdict = await runFunction(check.fn.js, runs, options.timeoutMs ?? 2000);
    if (isBrokenCheck(verdict)) {
      messages.add(CHECK_BROKEN_MESSAGE);
      return { passed: false, messages: [...messages], broken: verdict.broken };
    }
    if (verdict !== true) messages.add(verdict);
  }
  return { passed: messages.size === 0, messages: [...messages] };
}
