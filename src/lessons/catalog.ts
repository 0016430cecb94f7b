import type { Lesson } from "./lesson-model";
import { parseLesson } from "./parse-lesson";

// Every lessons/*.md, bundled as text at build time. Parsed once, on first use.
const files = import.meta.glob<string>("/lessons/*.md", { query: "?raw", import: "default", eager: true });

let cache: Lesson[] | undefined;

/** All lessons, in course order (frontmatter `order`, else the file name's number, then title). */
export function allLessons(): Lesson[] {
  cache ??= Object.entries(files)
    .map(([path, source]) => parseLesson(slugOf(path), source))
    .sort((a, b) => a.meta.order - b.meta.order || a.meta.title.localeCompare(b.meta.title));
  return cache;
}

export function findLesson(slug: string): Lesson | undefined {
  return allLessons().find((lesson) => lesson.meta.slug === slug);
}

function slugOf(path: string): string {
  return path.replace(/^.*\//, "").replace(/\.md$/, "");
}
