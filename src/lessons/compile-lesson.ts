// A lesson file to its model, with every problem found on the way. Pure (no file system, no
// TypeScript compiler): the build plugin and lessons:check add file reading and type-checking.
import { FrontmatterError, readFrontmatter, type RawFrontmatter } from "./frontmatter.ts";
import { attachBlocks } from "./attach-blocks.ts";
import type { Lesson } from "./lesson-model.ts";
import { readMeta } from "./lesson-meta.ts";
import { buildHeadings, buildSections } from "./lesson-sections.ts";
import { ProblemList, type LessonProblem } from "./problems.ts";
import { scanBody } from "./scan-markdown.ts";

export interface CompileOptions {
  /** TypeScript to JavaScript for `ts check` blocks; the build passes the real compiler's. */
  transpileCheck?: (source: string) => string;
  /** The lesson's place in lessons/course.yaml (1-based), when the course lists it. */
  courseOrder?: number;
}

export interface CompiledLesson {
  /** Built even when there are problems, so all of them surface in one pass. */
  lesson: Lesson;
  problems: LessonProblem[];
}

/** `file` is the path shown in messages; the slug is its name without `.md`. */
export function compileLesson(file: string, source: string, options: CompileOptions = {}): CompiledLesson {
  const problems = new ProblemList(file);
  const slug = file.replace(/^.*[\\/]/, "").replace(/\.md$/, "");
  const raw = readRaw(source, problems);
  const meta = readMeta(slug, raw, problems, options.courseOrder);
  if (raw.yaml !== undefined && raw.body.trim() === "") {
    // The closing fence is the line before the body.
    problems.warn({ line: raw.bodyLine - 1, column: 1 }, "The lesson has only frontmatter: its page would be empty. Write its prose and playgrounds below this --- line.");
  }
  const lines = raw.body.split("\n");
  blankTitleHeading(lines, meta.title);
  const items = scanBody(lines);
  const { playgrounds, taken } = attachBlocks(items, {
    lines,
    bodyLine: raw.bodyLine,
    meta,
    problems,
    transpileCheck: options.transpileCheck ?? ((s) => s),
  });
  const lesson: Lesson = { meta, sections: buildSections(lines, items, taken), headings: buildHeadings(items, raw.bodyLine), playgrounds };
  return { lesson, problems: problems.items };
}

function readRaw(source: string, problems: ProblemList): RawFrontmatter {
  try {
    return readFrontmatter(source);
  } catch (e) {
    if (!(e instanceof FrontmatterError)) throw e;
    problems.error({ line: e.line, column: 1 }, e.message);
    return { yamlLine: 1, body: source.replace(/\r\n?/g, "\n"), bodyLine: 1 };
  }
}

/**
 * A lesson may open with `# Its title` so it reads well in any markdown viewer; the page shows
 * the title itself, so that heading is blanked (not removed: line numbers stay true).
 */
function blankTitleHeading(lines: string[], title: string): void {
  const first = lines.findIndex((line) => line.trim() !== "");
  const heading = /^#\s+(.*?)\s*#*\s*$/.exec(lines[first] ?? "");
  if (heading?.[1] === title) lines[first] = "";
}
