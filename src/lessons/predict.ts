// Predict-then-run: the `yaml predict` block asks a question before the first run; after it,
// (comparePrediction, which runs in the page, is in compare-prediction.ts.)
import { z } from "zod";
import type { Runner } from "../trace/run.ts";
import { didYouMean } from "./did-you-mean.ts";
import { runnerSchema } from "./frontmatter-schema.ts";
import type { Predict } from "./lesson-model.ts";
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
