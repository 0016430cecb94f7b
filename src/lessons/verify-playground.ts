// What lessons:check proves about a playground that is not an exercise: run under each runner it
// offers, it ends ok, or fails exactly as its `yaml outcome` block declares; and it is quick, so
// a student is not left waiting (a run past SLOW_MS is a warning, past the limit an error).
import type { PlaygroundBlock } from "./lesson-model.ts";
import { outcomeMismatch } from "./outcome.ts";
import type { LessonProblem } from "./problems.ts";
import type { RunCode } from "./verify-exercise.ts";

/** A run longer than this is worth a warning: lessons aim at runs of about 3 s at most. */
export const SLOW_MS = 3_000;
/** Each run of lessons:check is stopped after this long (or the playground's own limit, if lower). */
export const CHECK_LIMIT_MS = 6_000;

export async function verifyPlayground(file: string, playground: PlaygroundBlock, runCode: RunCode): Promise<LessonProblem[]> {
  if (playground.exercise) return [];
  const limit = Math.min(playground.timeLimitMs ?? CHECK_LIMIT_MS, CHECK_LIMIT_MS);
  const runs = await runCode(playground.code, playground.runners, limit, playground.files);
  const problems: LessonProblem[] = [];
  const at = { file, line: playground.line, column: 1 };
  const name = `The playground "${playground.id}"`;
  for (const runner of playground.runners) {
    const run = runs.find((r) => r.runner === runner);
    if (!run) {
      problems.push({ ...at, severity: "error", message: `${name} gave no run under ${runner}: the check itself went wrong; run it again.` });
      continue;
    }
    if (!run.ok && /time limit/i.test(run.error?.message ?? "")) {
      problems.push({ ...at, severity: "error", message: `${name} was stopped after ${seconds(limit)} under ${runner}: make it quicker (lessons aim at runs of about ${seconds(SLOW_MS)}).` });
      continue;
    }
    const mismatch = outcomeMismatch(run, playground.outcome);
    if (mismatch) problems.push({ ...(playground.outcome ? { ...at, line: playground.outcome.line } : at), severity: "error", message: `${name} does not end as the lesson says: ${mismatch}` });
    if (run.wallMs > SLOW_MS) problems.push({ ...at, severity: "warning", message: `${name} took ${seconds(run.wallMs)} under ${runner}: keep a run under about ${seconds(SLOW_MS)} (smaller sleeps and work, fewer tasks).` });
  }
  return problems;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
