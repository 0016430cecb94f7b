// A fenced block's info string says what the block is for: ```<language> <role> <options>.
// No role: plain code in the prose. The roles are few on purpose, so a typo is caught.
import { didYouMean } from "./did-you-mean.ts";
import { helperFileNameProblem } from "./helper-file-name.ts";
import { playgroundOptionsSchema, type PlaygroundOptions } from "./frontmatter-schema.ts";
import type { Fence } from "./scan-markdown.ts";
import type { Position, ProblemList } from "./problems.ts";
import { issueMessages } from "./zod-problems.ts";

export type BlockKind = "playground" | "file" | "solution" | "ts-check" | "yaml-check" | "predict" | "outcome" | "python" | "prose";

const LANGUAGES: Record<string, string> = { ts: "ts", typescript: "ts", yaml: "yaml", yml: "yaml", python: "python", py: "python" };
const ROLES: Record<string, readonly string[]> = { playground: ["ts"], solution: ["ts"], check: ["yaml", "ts"], predict: ["yaml"], outcome: ["yaml"] };
const ROLE_NAMES = Object.keys(ROLES);

export interface ClassifiedFence {
  kind: BlockKind;
  options: PlaygroundOptions;
  /** A helper file's name (kind "file"): ```ts file=helpers.ts. */
  file?: string;
}

/** True for the info string of a runnable block: `ts playground`, optionally with options. */
export function isPlaygroundInfo(info: string): boolean {
  const words = info.trim().split(/\s+/);
  return LANGUAGES[words[0] ?? ""] === "ts" && words.includes("playground");
}

/** What a fence is for; problems with its info string are reported at their column. */
export function classifyFence(fence: Fence, line: number, problems: ProblemList): ClassifiedFence {
  const words = fence.info.split(/\s+/).filter(Boolean);
  const language = LANGUAGES[words[0] ?? ""] ?? words[0] ?? "";
  const roles = words.slice(1).filter((w) => !w.includes("="));
  const optionWords = words.slice(1).filter((w) => w.includes("="));
  const at = (word: string): Position => ({ line, column: fence.infoColumn + Math.max(0, fence.info.indexOf(word)) });
  const plain: ClassifiedFence = { kind: language === "python" ? "python" : "prose", options: {} };

  const role = roles[0];
  const fileWord = optionWords.find((w) => w.startsWith("file="));
  if (role === undefined && fileWord) return classifyFile(language, words[0] ?? "", fileWord, optionWords, at, problems) ?? plain;
  if (role === undefined) {
    if (optionWords[0]) problems.error(at(optionWords[0]), `Options such as "${optionWords[0]}" belong to playgrounds: write \`\`\`ts playground ${optionWords.join(" ")}.`);
    return plain;
  }
  if (!(role in ROLES)) {
    problems.error(
      at(role),
      `Unknown block role "${role}" in \`\`\`${fence.info}.${didYouMean(role, ROLE_NAMES)} Roles: ${ROLE_NAMES.join(", ")}; for plain code in the prose write just \`\`\`${words[0] ?? "ts"}.`,
    );
    return plain;
  }
  if (roles[1]) problems.error(at(roles[1]), `A block has one role; "${role}" is already given here, so remove "${roles[1]}".`);
  const languages = ROLES[role] ?? [];
  if (!languages.includes(language)) {
    problems.error(at(words[0] ?? role), `A ${role} block is written in ${languages.join(" or ")}: start it with \`\`\`${languages[0]} ${role}.`);
    return plain;
  }
  if (role !== "playground") {
    if (optionWords[0]) problems.error(at(optionWords[0]), `Only playgrounds take options; remove "${optionWords[0]}" or move it to the playground's \`\`\`ts playground line.`);
    return { kind: role === "check" ? (language === "ts" ? "ts-check" : "yaml-check") : (role as BlockKind), options: {} };
  }
  return { kind: "playground", options: readOptions(optionWords, at, problems) };
}

/** ```ts file=helpers.ts: a second file of the playground before it (attach-blocks.ts). */
function classifyFile(language: string, written: string, fileWord: string, optionWords: string[], at: (word: string) => Position, problems: ProblemList): ClassifiedFence | undefined {
  const name = fileWord.slice("file=".length);
  if (language !== "ts") {
    problems.error(at(written || fileWord), `A helper file is TypeScript: start it with \`\`\`ts ${fileWord}.`);
    return undefined;
  }
  const other = optionWords.find((w) => w !== fileWord);
  if (other) problems.error(at(other), `A helper file takes only its name: remove "${other}" (a playground's options go on its \`\`\`ts playground line).`);
  const problem = helperFileNameProblem(name);
  if (problem) {
    problems.error(at(fileWord), problem);
    return undefined;
  }
  return { kind: "file", options: {}, file: name };
}

function readOptions(words: string[], at: (word: string) => Position, problems: ProblemList): PlaygroundOptions {
  const input: Record<string, unknown> = {};
  const columns: Record<string, Position> = {};
  for (const word of words) {
    const [key = "", value = ""] = word.split(/=(.*)/s);
    columns[key] = at(word);
    input[key] = key === "runners" ? value.split(",").filter(Boolean) : /^\d+$/.test(value) ? Number(value) : value;
  }
  const parsed = playgroundOptionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const locate = (path: readonly PropertyKey[]): Position => columns[String(path[0])] ?? at(words[0] ?? "");
  for (const { at: where, message } of issueMessages(parsed.error, { what: "Playground option", input, shape: playgroundOptionsSchema.shape, locate })) {
    problems.error(where, message);
  }
  return {};
}
