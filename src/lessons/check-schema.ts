// The `yaml check` block: an exercise's goal, its hints and the assertions its runs must meet.
// Each assertion is a one-key mapping (`- speedUp: {runner: workers, over: main, atLeast: 1.5}`)
// so the list reads as a list of requirements.
import { z } from "zod";
import { didYouMean } from "./did-you-mean.ts";
import { runnerSchema } from "./frontmatter-schema.ts";
import type { Assertion } from "./lesson-model.ts";
import type { Position, ProblemList } from "./problems.ts";
import type { LocatedYaml } from "./yaml-located.ts";
import { issueMessages } from "./zod-problems.ts";

const scope = z.enum(["main", "async", "workers", "all"]);

export const checkSchema = z
  .object({
    goal: z.string().trim().min(1).describe("what the student must achieve, in one or two sentences"),
    hints: z.array(z.string().trim().min(1)).optional().describe("a list of hints, revealed one at a time"),
    expect: z.array(z.unknown()).optional().describe("a list of assertions the runs must meet, such as - ok: all"),
  })
  .strict();

const outputSchema = z
  .object({
    contains: z.string().min(1).optional().describe("text the output must contain"),
    matches: z.string().min(1).optional().describe("a regular expression (JavaScript syntax) a line of the output must match"),
    runner: scope.optional().describe("the run to look at: main, async, workers or all (default: all)"),
  })
  .strict()
  .refine((o) => o.contains !== undefined || o.matches !== undefined, { message: "give contains: or matches:" })
  .refine((o) => o.matches === undefined || isRegExp(o.matches), { message: "matches: is not a valid regular expression", path: ["matches"] });

const ASSERTIONS = {
  ok: scope.describe("the run(s) that must end without an error: main, async, workers or all"),
  noFailedTasks: scope.describe("the run(s) in which no task may fail: main, async, workers or all"),
  output: outputSchema.describe("a mapping with contains: or matches:, and optionally runner:"),
  speedUp: z
    .object({ runner: runnerSchema, over: runnerSchema, atLeast: z.number().positive() })
    .strict()
    .describe("a mapping {runner, over, atLeast}: runner's run must be at least atLeast times faster than over's"),
  wallMs: z
    .object({ runner: runnerSchema, below: z.number().positive().optional(), above: z.number().nonnegative().optional() })
    .strict()
    .refine((w) => w.below !== undefined || w.above !== undefined, { message: "give below: or above: (or both)" })
    .describe("a mapping {runner, below, above}: bounds on that run's wall time in ms"),
  peakRunning: z
    .object({ runner: runnerSchema, atLeast: z.number().int().min(1) })
    .strict()
    .describe("a mapping {runner, atLeast}: at least that many threads computing at one moment"),
} satisfies Record<Assertion["kind"], z.ZodType>;

type Kind = keyof typeof ASSERTIONS;
const KINDS = Object.keys(ASSERTIONS) as Kind[];

export interface ParsedCheck {
  goal: string;
  hints: string[];
  assertions: Assertion[];
}

export function readCheck(yaml: LocatedYaml, problems: ProblemList): ParsedCheck | undefined {
  const report = (at: Position, message: string) => problems.error(at, message);
  const parsed = checkSchema.safeParse(yaml.data ?? {});
  if (!parsed.success) {
    for (const m of issueMessages(parsed.error, { what: "Check field", input: yaml.data, shape: checkSchema.shape, locate: yaml.locate })) report(m.at, m.message);
    return undefined;
  }
  const assertions: Assertion[] = [];
  (parsed.data.expect ?? []).forEach((item, i) => {
    const assertion = readAssertion(item, ["expect", i], yaml, report);
    if (assertion) assertions.push(assertion);
  });
  return { goal: parsed.data.goal, hints: parsed.data.hints ?? [], assertions };
}

function readAssertion(item: unknown, path: PropertyKey[], yaml: LocatedYaml, report: (at: Position, message: string) => void): Assertion | undefined {
  const keys = item !== null && typeof item === "object" && !Array.isArray(item) ? Object.keys(item) : [];
  const kind = keys[0];
  if (keys.length !== 1 || kind === undefined) {
    report(yaml.locate(path), `Each expect: item is one assertion, a single "name: value" such as "- ok: all". Use one of: ${KINDS.join(", ")}.`);
    return undefined;
  }
  if (!(kind in ASSERTIONS)) {
    report(yaml.locate([...path, kind], true), `Unknown assertion "${kind}".${didYouMean(kind, KINDS)} Use one of: ${KINDS.join(", ")}.`);
    return undefined;
  }
  const schema = ASSERTIONS[kind as Kind];
  const value = (item as Record<string, unknown>)[kind];
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const locate = (sub: readonly PropertyKey[], atKey?: boolean) => yaml.locate([...path, kind, ...sub], atKey);
    const shape = "shape" in schema ? (schema.shape as Record<string, z.ZodType>) : {};
    for (const m of issueMessages(parsed.error, { what: `Assertion ${kind}`, input: value, shape, locate })) {
      report(m.at, `${m.message} ${kind} takes ${schema.description ?? "a value"}.`);
    }
    return undefined;
  }
  const data = parsed.data;
  if (typeof data === "string") return { kind: kind as "ok" | "noFailedTasks", runner: data };
  if (kind === "output") return { kind, runner: "all", ...(data as object) } as Assertion;
  return { kind, ...(data as object) } as Assertion;
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
