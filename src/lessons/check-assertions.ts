// Declarative assertions against a student's runs. Each returns what is still wrong, in the
// student's terms (which run, what was measured, what the goal is), or undefined when it holds.
import type { Run, Runner } from "../trace/run.ts";
import { peakRunning, speedUp } from "../trace/summary.ts";
import type { Assertion, RunnerScope } from "./lesson-model.ts";

/** What is wrong with `runs` for this assertion, or undefined when it holds. */
export function assertionFailure(assertion: Assertion, runs: readonly Run[]): string | undefined {
  switch (assertion.kind) {
    case "ok":
      return inScope(assertion.runner, runs, (run) => (run.ok ? undefined : `The ${run.runner} run ended with an error: ${run.error?.message ?? "it did not finish"}.`));
    case "noFailedTasks":
      return inScope(assertion.runner, runs, failedTask);
    case "output":
      return inScope(assertion.runner, runs, (run) => outputFailure(run, assertion.contains, assertion.matches));
    case "speedUp":
      return withRuns([assertion.runner, assertion.over], runs, ([fast, slow]) => {
        const times = speedUp(fast, slow);
        if (times >= assertion.atLeast) return undefined;
        return `${fast.runner} was ${times.toFixed(2)}× as fast as ${slow.runner} (${ms(fast.wallMs)} against ${ms(slow.wallMs)}); the goal is at least ${assertion.atLeast}×.`;
      });
    case "wallMs":
      return withRuns([assertion.runner], runs, ([run]) => {
        if (assertion.below !== undefined && !(run.wallMs < assertion.below)) return `${run.runner} took ${ms(run.wallMs)}; the goal is under ${ms(assertion.below)}.`;
        if (assertion.above !== undefined && !(run.wallMs > assertion.above)) return `${run.runner} took ${ms(run.wallMs)}; the goal is over ${ms(assertion.above)}.`;
        return undefined;
      });
    case "peakRunning":
      return withRuns([assertion.runner], runs, ([run]) => {
        const peak = peakRunning(run);
        if (peak >= assertion.atLeast) return undefined;
        return `At most ${peak} ${peak === 1 ? "thread was" : "threads were"} computing at once under ${run.runner}; the goal is at least ${assertion.atLeast}.`;
      });
  }
}

function inScope(scope: RunnerScope, runs: readonly Run[], test: (run: Run) => string | undefined): string | undefined {
  if (scope !== "all" && !runs.some((r) => r.runner === scope)) return missing([scope]);
  const chosen = scope === "all" ? runs : runs.filter((r) => r.runner === scope);
  for (const run of chosen) {
    const failure = test(run);
    if (failure) return failure;
  }
  return undefined;
}

/** Timing assertions need finished runs: a failed run's wall time means nothing. */
function withRuns(runners: Runner[], runs: readonly Run[], test: (found: [Run, Run]) => string | undefined): string | undefined {
  const found = runners.map((name) => runs.find((r) => r.runner === name));
  const absent = runners.filter((_, i) => !found[i]);
  if (absent.length > 0) return missing(absent);
  const failed = found.find((r) => r && !r.ok);
  if (failed) return `The ${failed.runner} run ended with an error, so its time says nothing: ${failed.error?.message ?? "fix it first"}.`;
  return test([found[0] as Run, (found[1] ?? found[0]) as Run]);
}

function failedTask(run: Run): string | undefined {
  const task = run.tasks?.find((t) => t.failed);
  if (task) return `Under ${run.runner}, the task ${task.name}(${task.args}) failed: ${task.failed?.message ?? "an error"}.`;
  const span = run.spans.find((s) => s.state === "failed");
  return span ? `Under ${run.runner}, a task failed (${span.task}).` : undefined;
}

function outputFailure(run: Run, contains?: string, matches?: string): string | undefined {
  const text = run.output.map((line) => line.text).join("\n");
  if (contains !== undefined && !text.includes(contains)) return `The output of the ${runName(run)} does not contain "${contains}".`;
  if (matches !== undefined && !new RegExp(matches, "m").test(text)) return `No line of the output of the ${runName(run)} matches /${matches}/.`;
  return undefined;
}

function missing(runners: Runner[]): string {
  return `Run it under ${runners.join(" and ")} too: the check looks at ${runners.length > 1 ? "those runs" : "that run"}.`;
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

/** "the main-thread run", not "the main output", which reads as the main() function's. */
function runName(run: Run): string {
  return run.runner === "main" ? "main-thread run" : `${run.runner} run`;
}
