// Predict-then-run: the `yaml predict` block asks a question before the first run; after it,
// comparePrediction() puts the student's answer beside what the runs measured.
import { z } from "zod";
import type { Run, Runner } from "../trace/run.ts";
import { didYouMean } from "./did-you-mean.ts";
import { runnerSchema } from "./frontmatter-schema.ts";
import type { Predict, Prediction } from "./lesson-model.ts";
import type { ProblemList } from "./problems.ts";
import type { LocatedYaml } from "./yaml-located.ts";
import { issueMessages } from "./zod-problems.ts";

const question = z.string().trim().min(1).describe("the question asked before the first run");

const PREDICT_SCHEMAS = {
  fastest: z
    .object({
      kind: z.literal("fastest").describe("fastest: the student picks the runner that finishes first"),
      question,
      choices: z.array(runnerSchema).min(2).optional().describe("the runners to choose from (default: the playground's runners)"),
    })
    .strict(),
  wall: z
    .object({
      kind: z.literal("wall").describe("wall: the student guesses one runner's wall time in milliseconds"),
      question,
      runner: runnerSchema.describe("the runner whose wall time is guessed"),
      tolerance: z.number().positive().max(1).optional().describe("how close counts as right, as a fraction of the measured time (default 0.25)"),
    })
    .strict(),
};
const KINDS = Object.keys(PREDICT_SCHEMAS);

/** Read a `yaml predict` block for a playground offering `runners`. */
export function readPredict(yaml: LocatedYaml, line: number, runners: readonly Runner[], problems: ProblemList): Predict | undefined {
  const data = yaml.data as Record<string, unknown> | undefined;
  const kind = data && typeof data === "object" ? data.kind : undefined;
  if (kind !== "fastest" && kind !== "wall") {
    const found = typeof kind === "string" ? ` "${kind}" is not one.${didYouMean(kind, KINDS)}` : "";
    problems.error(yaml.locate(["kind"]), `A predict block needs kind: fastest or kind: wall.${found}`);
    return undefined;
  }
  const schema = PREDICT_SCHEMAS[kind];
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const m of issueMessages(parsed.error, { what: "Predict field", input: data, shape: schema.shape, locate: yaml.locate })) problems.error(m.at, m.message);
    return undefined;
  }
  const p = parsed.data;
  const asked = p.kind === "wall" ? [p.runner] : (p.choices ?? runners);
  const missing = asked.filter((r) => !runners.includes(r));
  if (missing.length > 0) {
    problems.error(yaml.locate([p.kind === "wall" ? "runner" : "choices"]), `The prediction is about ${missing.join(", ")}, which this playground does not offer (${runners.join(", ")}): add it to the playground's runners= or ask about another runner.`);
  }
  if (p.kind === "wall") return { kind: "wall", question: p.question, runner: p.runner, tolerance: p.tolerance ?? 0.25, line };
  return { kind: "fastest", question: p.question, choices: [...asked], line };
}

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
