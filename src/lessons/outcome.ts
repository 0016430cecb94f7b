// A playground that is meant to fail says so: a `yaml outcome` block names, per runner, a text
// the run's error must contain. lessons:check then holds the lesson to it: every runner not
// named must end ok, every runner named must fail with that error, so a lesson that shows a
// mistake on purpose is checked as strictly as one that shows a working program. `pythonOutput`
// asks more of a Python twin: that it prints what the TypeScript program prints.
import { z } from "zod";
import type { Runner } from "../trace/run.ts";
import type { Outcome } from "./lesson-model.ts";
import type { ProblemList } from "./problems.ts";
import type { LocatedYaml } from "./yaml-located.ts";
import { issueMessages } from "./zod-problems.ts";

export const outcomeSchema = z
  .object({
    fails: z
      .partialRecord(z.enum(["main", "async", "workers", "python"]), z.string().trim().min(1))
      .optional()
      .describe("the runners under which the playground fails on purpose, each with a text its error message contains (workers: is not a top-level export); python: its Python twin"),
    pythonOutput: z
      .enum(["same", "same-any-order"])
      .optional()
      .describe("the Python twin prints the same lines as the program does under its first runner: same (in the same order) or same-any-order"),
  })
  .strict();

/** Read a `yaml outcome` block for a playground offering `runners`. */
export function readOutcome(yaml: LocatedYaml, line: number, runners: readonly Runner[], problems: ProblemList): Outcome | undefined {
  const parsed = outcomeSchema.safeParse(yaml.data);
  if (!parsed.success) {
    for (const m of issueMessages(parsed.error, { what: "Outcome field", input: yaml.data, shape: outcomeSchema.shape, locate: yaml.locate })) problems.error(m.at, m.message);
    return undefined;
  }
  const fails: Partial<Record<Runner, string>> = {};
  const pythonOutput = parsed.data.pythonOutput;
  if (pythonOutput && !runners.includes("python")) {
    problems.error(yaml.locate(["pythonOutput"], true), "The outcome compares the Python twin's output, but the playground has none: put the ```python block right after the playground, or remove the line.");
    return undefined;
  }
  for (const [runner, text] of Object.entries(parsed.data.fails ?? {}) as [Runner, string][]) {
    if (runner === "python" && !runners.includes(runner)) {
      problems.error(yaml.locate(["fails", runner], true), "The outcome says the Python twin fails, but the playground has none: put the ```python block right after the playground, or remove the line.");
    } else if (!runners.includes(runner)) {
      problems.error(yaml.locate(["fails", runner], true), `The outcome says the playground fails under ${runner}, which it does not offer (${runners.join(", ")}): add it to runners= or remove the line.`);
    } else fails[runner] = text;
  }
  if (Object.keys(fails).length === 0 && !pythonOutput) {
    problems.error(yaml.locate(parsed.data.fails ? ["fails"] : []), "The outcome names no runner: write the runner and the text of its error under fails:, or remove the block if the playground ends ok everywhere.");
    return undefined;
  }
  return { fails, line, ...(pythonOutput ? { pythonOutput } : {}) };
}

/** What is wrong with a run of a playground whose outcome is `outcome` (none declared: it must end ok); undefined when it ended as declared. */
export function outcomeMismatch(run: { runner: Runner; ok: boolean; error?: { message: string } }, outcome: Outcome | undefined): string | undefined {
  const expected = outcome?.fails[run.runner];
  const message = run.error?.message ?? "";
  if (expected === undefined) {
    return run.ok ? undefined : `it failed under ${run.runner}: ${message || "a task failed"}. Fix the code, or declare the failure in a \`\`\`yaml outcome block (fails: { ${run.runner}: <text of the error> }).`;
  }
  if (run.ok) return `the outcome says it fails under ${run.runner} ("${expected}"), but it ended ok. Update or remove the outcome block.`;
  if (!message.includes(expected)) return `under ${run.runner} it failed with "${message}", not with an error containing "${expected}" as its outcome block says.`;
  return undefined;
}
