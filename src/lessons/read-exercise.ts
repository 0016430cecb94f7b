// Turns a playground's solution, check and predict blocks into its exercise and prediction,
// and refuses combinations that could not work: a check nobody can prove passable (no
// solution), a check that checks nothing, a check about a runner the playground does not offer.
import type { CodeBlock, PlaygroundBlock } from "./lesson-model.ts";
import { readCheck } from "./check-schema.ts";
import { readOutcome } from "./outcome.ts";
import { readPredict } from "./predict.ts";
import type { ProblemList } from "./problems.ts";
import { parseLocatedYaml } from "./yaml-located.ts";

/** A playground and the role blocks found for it. */
export interface PendingBlocks {
  playground: PlaygroundBlock;
  solution?: CodeBlock;
  tsCheck?: CodeBlock;
  yamlCheck?: CodeBlock;
  predict?: CodeBlock;
  outcome?: CodeBlock;
}

export function buildExercise(blocks: PendingBlocks, problems: ProblemList, transpileCheck: (source: string) => string): void {
  const { playground, solution, tsCheck, yamlCheck, predict, outcome } = blocks;
  if (solution) playground.solution = solution;
  if (outcome) {
    // The Python twin is checked by its outcome only (a check is about the TypeScript runs),
    // so an exercise may declare its twin's failure.
    const runners = playground.python ? [...playground.runners, "python" as const] : playground.runners;
    const yaml = parsed(outcome, problems);
    const read = yaml && readOutcome(yaml, outcome.line, runners, problems);
    if (read && yamlCheck && Object.keys(read.fails).some((runner) => runner !== "python")) {
      problems.error(at(outcome), "An exercise's check already says what its runs must do: an outcome block beside a check may name only python (its Python twin's failure). Remove the other runners, or move their failure into the check.");
    } else if (read) playground.outcome = read;
  }
  if (predict) {
    const yaml = parsed(predict, problems);
    const read = yaml && readPredict(yaml, predict.line, playground.runners, problems);
    if (read) playground.predict = read;
  }
  if (tsCheck && !yamlCheck) {
    problems.error(at(tsCheck), "A ts check needs a ```yaml check block for the same playground, with the goal the student reads (goal: …) and any hints.");
    return;
  }
  if (!yamlCheck) return;
  const yaml = parsed(yamlCheck, problems);
  const check = yaml && readCheck(yaml, problems);
  if (!check) return;
  if (check.assertions.length === 0 && !tsCheck) {
    problems.error(at(yamlCheck), "The check checks nothing: add assertions under expect: (such as - ok: all) or a ```ts check block.");
  }
  if (!solution) {
    problems.error(at(yamlCheck), "An exercise needs a ```ts solution block after its playground: lessons:check runs it to prove the check can be passed.");
  }
  const offered = new Set<string>([...playground.runners, "all"]);
  for (const assertion of check.assertions) {
    const named = assertion.kind === "speedUp" ? [assertion.runner, assertion.over] : [assertion.runner];
    const absent = named.filter((r) => !offered.has(r));
    if (absent.length > 0) {
      problems.error(at(yamlCheck), `The check's ${assertion.kind} looks at ${absent.join(" and ")}, which the playground does not offer (${playground.runners.join(", ")}): add it to runners= or change the check.`);
    }
  }
  playground.exercise = {
    goal: check.goal,
    hints: check.hints,
    check: { assertions: check.assertions, ...(tsCheck ? { fn: { source: tsCheck.code, js: transpileCheck(tsCheck.code), line: tsCheck.line } } : {}) },
    line: yamlCheck.line,
  };
}

function at(block: CodeBlock) {
  return { line: block.line, column: 1 };
}

function parsed(block: CodeBlock, problems: ProblemList) {
  const yaml = parseLocatedYaml(block.code, block.line + 1);
  for (const e of yaml.errors) problems.error(e.at, `The block is not valid YAML: ${e.message}. Check its indentation and quotes.`);
  if (yaml.errors.length > 0) return undefined;
  if (yaml.data === null || typeof yaml.data !== "object" || Array.isArray(yaml.data)) {
    problems.error(at(block), "The block must be a YAML mapping of key: value lines.");
    return undefined;
  }
  return yaml;
}
