import { splitFrontmatter } from "./frontmatter";
import type { Lesson, LessonMeta, LessonSection } from "./lesson-model";

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})\s*([^`]*)$/;
const HEADING = /^ {0,3}#{1,6}\s/;

/** Parse a lesson file into its model. `slug` comes from the file name. */
export function parseLesson(slug: string, source: string): Lesson {
  const file = splitFrontmatter(source);
  const meta = readMeta(slug, file.data);
  return { meta, sections: splitSections(dropTitleHeading(file.body, meta.title), file.bodyLine) };
}

/**
 * A lesson may open with `# Its title` so it reads well in any markdown viewer; the page shows
 * the title itself, so that heading is blanked (not removed: line numbers stay true).
 */
function dropTitleHeading(body: string, title: string): string {
  const lines = body.split("\n");
  const first = lines.findIndex((line) => line.trim() !== "");
  const heading = /^#\s+(.*?)\s*#*\s*$/.exec(lines[first] ?? "");
  if (heading?.[1] !== title) return body;
  lines[first] = "";
  return lines.join("\n");
}

function readMeta(slug: string, data: Record<string, unknown>): LessonMeta {
  const numbered = /^(\d+)[-_]/.exec(slug);
  return {
    slug,
    title: typeof data.title === "string" ? data.title : slug,
    summary: typeof data.summary === "string" ? data.summary : "",
    order: typeof data.order === "number" ? data.order : numbered ? Number(numbered[1]) : Number.MAX_SAFE_INTEGER,
  };
}

/** True for the info string of a runnable block: `ts playground`, optionally `id=name`. */
export function isPlaygroundInfo(info: string): boolean {
  const words = info.trim().split(/\s+/);
  return (words[0] === "ts" || words[0] === "typescript") && words.includes("playground");
}

function splitSections(body: string, firstLine: number): LessonSection[] {
  const lines = body.split("\n");
  const sections: LessonSection[] = [];
  let current: LessonSection = { before: "", after: "" };
  let prose: string[] = [];
  let count = 0;

  const flushProse = () => {
    const text = prose.join("\n");
    if (current.playground) current.after += text;
    else current.before += text;
    prose = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (HEADING.test(line) && current.playground) {
      flushProse();
      sections.push(current);
      current = { before: "", after: "" };
    }
    const open = FENCE_OPEN.exec(line);
    if (!open) {
      prose.push(line);
      continue;
    }
    const marker = open[2] ?? "```";
    const end = findFenceEnd(lines, i + 1, marker);
    const info = open[3] ?? "";
    if (!isPlaygroundInfo(info)) {
      prose.push(...lines.slice(i, end + 1));
      i = end;
      continue;
    }
    if (current.playground) {
      flushProse();
      sections.push(current);
      current = { before: "", after: "" };
    }
    flushProse();
    count += 1;
    const id = /\bid=([\w-]+)/.exec(info)?.[1] ?? `p${count}`;
    const code = lines.slice(i + 1, end).join("\n");
    current.playground = { id, code: code.endsWith("\n") ? code : `${code}\n`, line: firstLine + i };
    i = end;
  }
  flushProse();
  sections.push(current);
  return sections.filter((s) => s.playground || s.before.trim() || s.after.trim());
}

/** Index of the closing fence line, or the last line when the block is never closed (CommonMark). */
function findFenceEnd(lines: string[], from: number, marker: string): number {
  const char = marker[0] ?? "`";
  for (let j = from; j < lines.length; j++) {
    const candidate = (lines[j] ?? "").trim();
    if (candidate.length >= marker.length && [...candidate].every((c) => c === char)) return j;
  }
  return lines.length - 1;
}
