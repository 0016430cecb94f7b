// What an embed shows: a lesson's playground, or a playground made of the host's code.
import { loadLesson } from "../lessons/catalog";
import type { PlaygroundBlock, RenderedSection } from "../lessons/lesson-model";
import { fingerprint } from "../ui/playground/fingerprint";
import type { Runner } from "../trace/run";
import { DEFAULT_RUNNERS, type EmbedOptions } from "./embed-options";

export interface EmbedBlock {
  /** Names the saved draft: the lesson's slug, or "embed" for host code. */
  lessonSlug: string;
  lessonTitle?: string;
  block: PlaygroundBlock;
  highlighted?: RenderedSection["highlighted"];
}

/** Shown when the host gives no code at all. */
export const STARTER_CODE = `import { print, sleep } from "lanes";

export default async function main() {
  print("hello from Lanes");
  await sleep(100);
}
`;

/** The lesson's playground (with its prediction and exercise), narrowed to `runners=` if given. */
export async function lessonBlock(options: EmbedOptions): Promise<EmbedBlock> {
  const lesson = await loadLesson(options.lesson!);
  const section = lesson.sections.find((s) => s.playground?.id === options.playground);
  if (!section?.playground) {
    const ids = lesson.sections.flatMap((s) => (s.playground ? [s.playground.id] : []));
    throw new Error(`The lesson "${options.lesson}" has no playground "${options.playground}" (it has ${ids.join(", ") || "none"}).`);
  }
  const block = section.playground;
  const runners = narrow(block.runners, options.runners);
  return { lessonSlug: lesson.meta.slug, lessonTitle: lesson.meta.title, block: { ...block, runners }, highlighted: section.highlighted };
}

/** A playground of the host's code: its draft is kept per program (the same code, the same draft). */
export function hostBlock(code: string, options: EmbedOptions): EmbedBlock {
  const runners = options.runners ?? [...DEFAULT_RUNNERS];
  return { lessonSlug: "embed", block: { id: fingerprint(code), code, line: 1, runners } };
}

function narrow(offered: Runner[], asked: Runner[] | undefined): Runner[] {
  if (!asked) return offered;
  const both = offered.filter((r) => asked.includes(r));
  return both.length > 0 ? both : offered;
}
