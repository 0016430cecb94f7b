// The lesson body as the current UI reads it: sections of prose around each playground, with
// the blocks that belong to a playground taken out of the prose; and the heading list.
import type { TakenRange } from "./attach-blocks.ts";
import type { Heading, LessonSection } from "./lesson-model.ts";
import type { BodyItem } from "./scan-markdown.ts";
import { createSlugger, headingText } from "./slugify.ts";

/** A section runs from the prose before a playground to the next heading or playground. */
export function buildSections(lines: readonly string[], items: readonly BodyItem[], taken: readonly TakenRange[]): LessonSection[] {
  const headingAt = new Set(items.filter((i) => i.type === "heading").map((i) => i.start));
  const takenAt = new Map(taken.map((t) => [t.start, t]));
  const sections: LessonSection[] = [];
  let current: LessonSection = { before: "", after: "" };
  let prose: string[] = [];

  const flushProse = () => {
    const text = prose.join("\n");
    if (current.playground) current.after += text;
    else current.before += text;
    prose = [];
  };
  const nextSection = () => {
    flushProse();
    sections.push(current);
    current = { before: "", after: "" };
  };

  for (let i = 0; i < lines.length; i++) {
    const range = takenAt.get(i);
    if (range) {
      if (range.playground) {
        if (current.playground) nextSection();
        flushProse();
        current.playground = range.playground;
      }
      i = range.end;
      continue;
    }
    if (headingAt.has(i) && current.playground) nextSection();
    prose.push(lines[i] ?? "");
  }
  nextSection();
  return sections.filter((s) => s.playground || s.before.trim() || s.after.trim());
}

/** Headings for a table of contents, with unique slugs in GitHub's manner. */
export function buildHeadings(items: readonly BodyItem[], bodyLine: number): Heading[] {
  const slug = createSlugger();
  const headings: Heading[] = [];
  for (const item of items) {
    if (item.type !== "heading") continue;
    const text = headingText(item.raw);
    if (text) headings.push({ depth: item.depth, text, slug: slug(text), line: bodyLine + item.start });
  }
  return headings;
}
