// A prediction set beside what was measured. Runs in the page, so it imports nothing heavy
// (reading predict blocks, with zod, happens at build time in predict.ts).
import type { Run } from "../trace/run.ts";
import type { ChoiceWhen, Predict, Prediction, RunEnding } from "./lesson-model.ts";

export interface PredictionResult {
  /** One sentence for the student, putting the prediction beside the measurement. */
  text: string;
  /** The prediction was right (fastest) or within the tolerance (wall). */
  right: boolean;
  /** False when the runs needed for the comparison are missing or failed. */
  measured: boolean;
  /** "fastest" only: the first runners finished within run-to-run noise of each other. */
  tie?: boolean;
}

/**
 * Two runs of the same program on a busy 2-core machine differ by 30% and more; runners closer
 * than this are called a tie rather than a winner and a loser. A fraction of the faster time,
 * with a floor for short runs, where timer and scheduling jitter dominate.
 */
export const TIE_FRACTION = 0.15;
export const TIE_FLOOR_MS = 20;

/** Whether `b` finished within noise of the faster `a`. */
export function withinNoise(a: number, b: number): boolean {
  return Math.abs(b - a) <= Math.max(Math.min(a, b) * TIE_FRACTION, TIE_FLOOR_MS);
}

/** Compare a student's prediction with the runs it was about. Pure: plain data in, words out. */
export function comparePrediction(predict: Predict, prediction: Prediction, runs: readonly Run[]): PredictionResult {
  if (predict.kind === "wall" && prediction.kind === "wall") {
    const run = runs.find((r) => r.runner === predict.runner && r.ok);
    if (!run) return { text: `Run it under ${predict.runner} to compare with your guess of ${ms(prediction.ms)}.`, right: false, measured: false };
    const right = Math.abs(run.wallMs - prediction.ms) <= predict.tolerance * run.wallMs;
    const ratio = prediction.ms > 0 ? run.wallMs / prediction.ms : Infinity;
    const how = right ? `within ${Math.round(predict.tolerance * 100)}% of your guess` : ratio >= 1 ? `${ratio.toFixed(1)}× your guess` : `${(1 / ratio).toFixed(1)}× less than your guess`;
    return { text: `You predicted ${ms(prediction.ms)} for ${predict.runner}; it took ${ms(run.wallMs)}, ${how}.`, right, measured: true };
  }
  if (predict.kind === "fastest" && prediction.kind === "fastest") {
    const measured = runs.filter((r) => r.ok && predict.choices.includes(r.runner)).sort((a, b) => a.wallMs - b.wallMs);
    const fastest = measured[0];
    if (!fastest || measured.length < predict.choices.length) {
      return { text: `Run it under ${predict.choices.join(", ")} to see which finishes first.`, right: false, measured: false };
    }
    const tied = measured.filter((r) => withinNoise(fastest.wallMs, r.wallMs));
    if (tied.length > 1) {
      const names = tied.map((r) => `${r.runner} ${ms(r.wallMs)}`).join(", ");
      const why = `within ${Math.round(TIE_FRACTION * 100)}% of each other, less than runs of the same program vary`;
      const right = tied.some((r) => r.runner === prediction.runner);
      const text = right
        ? `A tie: ${names} finished ${why}. You predicted ${prediction.runner}, one of them, so it counts.`
        : `You predicted ${prediction.runner}; ${names} tied for first, finishing ${why}.`;
      return { text, right, measured: true, tie: true };
    }
    const others = measured.slice(1).map((r) => `${r.runner} ${ms(r.wallMs)}`).join(", ");
    const right = fastest.runner === prediction.runner;
    const text = right
      ? `You predicted ${prediction.runner}, and it finished first: ${ms(fastest.wallMs)}, against ${others}.`
      : `You predicted ${prediction.runner}; ${fastest.runner} finished first, in ${ms(fastest.wallMs)} (${others}).`;
    return { text, right, measured: true, tie: false };
  }
  if (predict.kind === "choice" && prediction.kind === "choice") return compareChoice(predict, prediction, runs);
  throw new Error(`A ${prediction.kind} prediction cannot answer a ${predict.kind} question.`);
}

/** A choice is judged by the run alone: the first answer whose condition the run meets is what happened. */
function compareChoice(predict: Extract<Predict, { kind: "choice" }>, prediction: { answer: string }, runs: readonly Run[]): PredictionResult {
  const run = runs.find((r) => r.runner === predict.runner);
  if (!run || run.error?.phase) {
    const why = run?.error?.phase ? "It has not run yet: it did not compile. " : "";
    return { text: `${why}Run it under ${predict.runner} to see which answer happens.`, right: false, measured: false };
  }
  for (const option of predict.options) {
    const evidence = shows(option.when, run);
    if (evidence === undefined) continue;
    const right = option.answer === prediction.answer;
    const text = right
      ? `You predicted “${prediction.answer}”, and so it went: ${evidence}.`
      : `You predicted “${prediction.answer}”; what happened: ${option.answer} (${evidence}).`;
    return { text, right, measured: true };
  }
  return { text: `The ${predict.runner} run showed none of the answers (${ending(run)}), so this guess cannot be judged.`, right: false, measured: false };
}

/** Why the run meets `when`, in words ("it printed …"); undefined if it does not. */
function shows(when: ChoiceWhen, run: Run): string | undefined {
  if ("ends" in when) return endingOf(run) === when.ends ? ending(run) : undefined;
  const lines = run.output.filter((line) => line.stream !== "stderr");
  if ("printed" in when) {
    const regex = new RegExp(when.printed);
    const line = lines.find((l) => regex.test(l.text));
    return line ? `it printed “${line.text}”` : undefined;
  }
  const regex = new RegExp(when.value.matches);
  for (const line of lines) {
    const captured = regex.exec(line.text)?.[1];
    if (captured === undefined) continue;
    const n = Number(captured.replace(/[,_\s]/g, ""));
    const { below, above, equals } = when.value;
    const holds = Number.isFinite(n) && (below === undefined || n < below) && (above === undefined || n > above) && (equals === undefined || n === equals);
    return holds ? `it printed “${line.text}”` : undefined; // the first line with the number decides
  }
  return undefined;
}

/** How a run ended: a deadlock is what Lanes' detector says it found (its message starts so). */
export function endingOf(run: Pick<Run, "ok" | "error">): RunEnding {
  if (run.ok) return "ok";
  return run.error?.message.startsWith("Deadlock") ? "deadlock" : "error";
}

function ending(run: Run): string {
  const ended = endingOf(run);
  if (ended === "ok") return "the run ended ok";
  if (ended === "deadlock") return "Lanes stopped the run as a deadlock";
  return `the run failed: ${run.error?.message ?? "a task failed"}`;
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
