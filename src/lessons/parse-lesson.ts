import { compileLesson, type CompileOptions } from "./compile-lesson.ts";
import type { Lesson } from "./lesson-model.ts";
import { hasErrors, LessonError } from "./problems.ts";

export { isPlaygroundInfo } from "./info-string.ts";

/**
 * Parse a lesson file into its model, or throw a LessonError listing every problem.
 * `slug` comes from the file name; see compileLesson() for the problems without throwing.
 */
export function parseLesson(slug: string, source: string, options: CompileOptions = {}): Lesson {
  const { lesson, problems } = compileLesson(`${slug}.md`, source, options);
  if (hasErrors(problems)) throw new LessonError(problems);
  return lesson;
}
