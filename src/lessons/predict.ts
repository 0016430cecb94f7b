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

const pattern = z.string().min(1).describe("a regular expression tested against each line the run printed");
const whenSchema = z.union([
  z.object({ printed: pattern.describe("this answer happened if a line the run printed matches this regular expression") }).strict(),
  z
    .object({
      value: z
        .object({
          matches: pattern.describe("a regular expression whose first group captures a number, from the first printed line it matches"),
          below: z.number().optional().describe("the number is below this"),
          above: z.number().optional().describe("the number is above this"),
          equals: z.number().optional().describe("the number is exactly this"),
        })
        .strict()
        .describe("this answer happened if the number captured from the output compares so"),
    })
    .strict(),
  z.object({ ends: z.enum(["ok", "deadlock", "error"]).describe("this answer happened if the run ended so: ok, stopped as a deadlock, or failed with another error") }).strict(),
]);

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
  choice: z
    .object({
      kind: z.literal("choice").describe("choice: the student picks one of a few answers (what it prints, whether it finishes); the run decides which happened"),
      question,
      runner: runnerSchema.describe("the runner whose run decides the answer"),
      options: z
        .array(
          z
            .object({
              answer: z.string().trim().min(1).max(200).describe("the answer as the student reads it"),
              when: whenSchema.describe("what the run shows when this answer is what happened: printed, value or ends"),
            })
            .strict(),
        )
        .min(2)
        .max(6)
        .describe("two to six answers, each with the condition on the run that makes it the one that happened"),
    })
    .strict(),
};
const KINDS = Object.keys(PREDICT_SCHEMAS);

/** Read a `yaml predict` block for a playground offering `runners`. */
export function readPredict(yaml: LocatedYaml, line: number, runners: readonly Runner[], problems: ProblemList): Predict | undefined {
  const data = yaml.data as Record<string, unknown> | undefined;
  const kind = data && typeof data === "object" ? data.kind : undefined;
  if (kind !== "fastest" && kind !== "wall" && kind !== "choice") {
    const found = typeof kind === "string" ? ` "${kind}" is not one.${didYouMean(kind, KINDS)}` : "";
    problems.error(yaml.locate(["kind"]), `A predict block needs kind: fastest, kind: wall or kind: choice.${found}`);
    return undefined;
  }
  const schema = PREDICT_SCHEMAS[kind];
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const m of issueMessages(parsed.error, { what: "Predict field", input: data, shape: schema.shape, locate: yaml.locate })) problems.error(m.at, m.message);
    return undefined;
  }
  const p = parsed.data;
  const asked = p.kind === "fastest" ? (p.choices ?? runners) : [p.runner];
  const missing = asked.filter((r) => !runners.includes(r));
  if (missing.length > 0) {
    problems.error(yaml.locate([p.kind === "fastest" ? "choices" : "runner"]), `The prediction is about ${missing.join(", ")}, which this playground does not offer (${runners.join(", ")}): add it to the playground's runners= or ask about another runner.`);
  }
  if (p.kind === "choice") return readChoice(p, yaml, line, problems);
  if (p.kind === "wall") return { kind: "wall", question: p.question, runner: p.runner, tolerance: p.tolerance ?? 0.25, line };
  return { kind: "fastest", question: p.question, choices: [...asked], line };
}

type ChoiceData = z.infer<(typeof PREDICT_SCHEMAS)["choice"]>;

/** A choice, its answers distinct and its patterns valid regular expressions with what they need. */
function readChoice(p: ChoiceData, yaml: LocatedYaml, line: number, problems: ProblemList): Predict | undefined {
  const before = problems.items.length;
  const seen = new Set<string>();
  p.options.forEach((option, i) => {
    if (seen.has(option.answer)) problems.error(yaml.locate(["options", i, "answer"]), `Two answers read "${option.answer}": a student could not tell them apart. Make each answer different.`);
    seen.add(option.answer);
    const when = option.when;
    const regex = "printed" in when ? when.printed : "value" in when ? when.value.matches : undefined;
    if (regex === undefined) return;
    const at = yaml.locate(["options", i, "when", "printed" in when ? "printed" : "value"]);
    let compiled: RegExp;
    try {
      compiled = new RegExp(regex);
    } catch (error) {
      problems.error(at, `"${regex}" is not a regular expression (${error instanceof Error ? error.message : String(error)}).`);
      return;
    }
    if ("value" in when) {
      const { below, above, equals } = when.value;
      if (below === undefined && above === undefined && equals === undefined) problems.error(at, "A value condition needs below:, above: or equals: to compare the captured number with.");
      if (new RegExp(`${compiled.source}|`).exec("")!.length < 2) problems.error(at, `"${regex}" captures nothing: put the number in a group, as in "counter = (\\d+)".`);
    }
  });
  if (problems.items.length > before) return undefined;
  return { kind: "choice", question: p.question, runner: p.runner, options: p.options.map(({ answer, when }) => ({ answer, when })), line };
}
