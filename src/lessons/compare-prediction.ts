// A prediction set beside what was measured. Runs in the page, so it imports nothing heavy
// (reading predict blocks, with zod, happens at build time in predict.ts).
import type { Run } from "../trace/run.ts";
import type { Predict, Prediction } from "./lesson-model.ts";

export interface PredictionResult {
  /** One sentence for the student, putting the prediction beside the measurement. */
  text: string;
  /** The prediction was right (fastest) or within the tolerance (wall). */
  right: boolean;
  /** False when the runs needed for the comparison are missing or failed. */
  measured: boolean;
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
    const others = measured.slice(1).map((r) => `${r.runner} ${ms(r.wallMs)}`).join(", ");
    const right = fastest.runner === prediction.runner;
    const text = right
      ? `You predicted ${prediction.runner}, and it finished first: ${ms(fastest.wallMs)}, against ${others}.`
      : `You predicted ${prediction.runner}; ${fastest.runner} finished first, in ${ms(fastest.wallMs)} (${others}).`;
    return { text, right, measured: true };
  }
  throw new Error(`A ${prediction.kind} prediction cannot answer a ${predict.kind} question.`);
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
