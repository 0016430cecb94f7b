import type { Lesson } from "./lesson-model.ts";
import type { Course } from "./course-schema.ts";
import compiled, { course } from "virtual:lanes/lessons";

// Every lessons/*.md, validated, type-checked and parsed at build time (plugins/lessons-plugin.ts):
// the page receives the model, not markdown, and ships no YAML or schema code.

/** All lessons, in course order (frontmatter `order`, else the file name's number, then title). */
export function allLessons(): Lesson[] {
  return compiled;
}

export function findLesson(slug: string): Lesson | undefined {
  return compiled.find((lesson) => lesson.meta.slug === slug);
}

/** The course's title, introduction and parts (lessons/course.yaml; without it, one part of all lessons). */
export function theCourse(): Course {
  return course;
}
