// Gives each role block to its playground: a `python` block right after it (blank lines, or
// the playground's other blocks, in between), and any later `file=`, `solution`, `check` or
// `predict` block up to the next playground. Taken blocks leave the prose; the UI shows them with the
// playground instead.
import { classifyFence } from "./info-string.ts";
import type { CodeBlock, LessonMeta, PlaygroundBlock } from "./lesson-model.ts";
import type { ProblemList } from "./problems.ts";
import { buildExercise, type PendingBlocks } from "./read-exercise.ts";
import type { BodyItem, Fence } from "./scan-markdown.ts";

/** A body range [start, end] that leaves the prose; a playground's range marks where it goes. */
export interface TakenRange {
  start: number;
  end: number;
  playground?: PlaygroundBlock;
}

export interface AttachContext {
  lines: readonly string[];
  /** File line of body line 0. */
  bodyLine: number;
  meta: LessonMeta;
  problems: ProblemList;
  transpileCheck: (source: string) => string;
}

const ROLE_NAMES = { solution: "solution", "ts-check": "ts check", "yaml-check": "yaml check", predict: "predict", outcome: "outcome" } as const;

export function attachBlocks(items: readonly BodyItem[], ctx: AttachContext): { playgrounds: PlaygroundBlock[]; taken: TakenRange[] } {
  const { problems, bodyLine } = ctx;
  const pending: PendingBlocks[] = [];
  const taken: TakenRange[] = [];
  const ids = new Map<string, number>();
  let current: PendingBlocks | undefined;
  let chainEnd = -1;

  for (const fence of items.filter((item): item is Fence => item.type === "fence")) {
    const line = bodyLine + fence.start;
    const { kind, options, file } = classifyFence(fence, line, problems);
    const block: CodeBlock = { code: fence.code, line };
    if (kind !== "prose" && kind !== "python" && !fence.closed) {
      problems.error({ line, column: 1 }, "This block is never closed: add a line of three backticks after its last line.");
    }
    if (kind === "playground") {
      const id = options.id ?? `p${pending.length + 1}`;
      const earlier = ids.get(id);
      if (earlier !== undefined) {
        problems.error({ line, column: fence.infoColumn + Math.max(0, fence.info.indexOf("id=")) }, `Two playgrounds have the id "${id}" (lines ${earlier} and ${line}): give this one its own id=, e.g. id=${id}-2.`);
      }
      ids.set(id, line);
      const playground: PlaygroundBlock = { id, ...block, runners: options.runners ?? [...ctx.meta.runners] };
      if (options.workers !== undefined) playground.workers = options.workers;
      const timeLimitMs = options.timeLimitMs ?? ctx.meta.timeLimitMs;
      if (timeLimitMs !== undefined) playground.timeLimitMs = timeLimitMs;
      current = { playground };
      pending.push(current);
      taken.push({ start: fence.start, end: fence.end, playground });
      chainEnd = fence.end;
      continue;
    }
    if (kind === "python") {
      if (current && !current.playground.python && onlyBlank(ctx.lines, chainEnd + 1, fence.start)) {
        current.playground.python = block;
        taken.push({ start: fence.start, end: fence.end });
        chainEnd = fence.end;
      }
      continue;
    }
    if (kind === "prose") continue;
    if (kind === "file") {
      if (attachFile(current, file ?? "", block, problems)) {
        taken.push({ start: fence.start, end: fence.end });
        chainEnd = fence.end;
      }
      continue;
    }
    const role = ROLE_NAMES[kind];
    if (!current) {
      problems.error({ line, column: 1 }, `A ${role} block belongs to the playground before it, and there is none: move it after its \`\`\`ts playground block.`);
      continue;
    }
    const slot = kind === "solution" ? "solution" : kind === "ts-check" ? "tsCheck" : kind === "yaml-check" ? "yamlCheck" : kind;
    const already = current[slot];
    if (already) {
      problems.error({ line, column: 1 }, `The playground "${current.playground.id}" already has a ${role} block (line ${already.line}): merge the two or move this one after another playground.`);
      continue;
    }
    current[slot] = block;
    taken.push({ start: fence.start, end: fence.end });
    chainEnd = fence.end;
  }
  for (const blocks of pending) buildExercise(blocks, problems, ctx.transpileCheck);
  return { playgrounds: pending.map((p) => p.playground), taken };
}

/** A helper file joins the playground before it, as its other blocks do; false when refused. */
function attachFile(current: PendingBlocks | undefined, name: string, block: CodeBlock, problems: ProblemList): boolean {
  if (!current) {
    problems.error({ line: block.line, column: 1 }, `The helper file ${name} belongs to the playground before it, and there is none: move it after its \`\`\`ts playground block.`);
    return false;
  }
  const files = (current.playground.files ??= []);
  const same = files.find((file) => file.name === name);
  if (same) {
    problems.error({ line: block.line, column: 1 }, `The playground "${current.playground.id}" already has a file ${name} (line ${same.line}): give this one another name, or merge the two.`);
    return false;
  }
  files.push({ name, ...block });
  return true;
}

function onlyBlank(lines: readonly string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((lines[i] ?? "").trim() !== "") return false;
  return true;
}
