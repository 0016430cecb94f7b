// What lessons/course.yaml may say: the course's title, its introduction and its parts, each
// listing lesson slugs in course order. `.strict()`: a misspelt key is an error with its line;
// every `.describe()` text is quoted back to the author in messages.
import { z } from "zod";

export const SLUG_PATTERN = /^[\w-]+$/;

export const partSchema = z
  .object({
    title: z.string().trim().min(1).describe("the part's heading on the home page, e.g. Waiting and computing"),
    summary: z.string().trim().min(1).optional().describe("a sentence under the part's heading: what its lessons have in common"),
    lessons: z
      .array(z.string().regex(SLUG_PATTERN, "use the lesson's file name without .md"))
      .describe("the part's lessons in order, each the file name without .md (concurrency-is-not-parallelism for lessons/concurrency-is-not-parallelism.md); may be empty while its lessons are written"),
  })
  .strict();

export const courseSchema = z
  .object({
    title: z.string().trim().min(1).describe("the course's title, the home page's heading"),
    intro: z.string().trim().min(1).describe("a paragraph or two under the title: what the course teaches and how"),
    parts: z.array(partSchema).min(1).describe("the course's parts in order, each with title: and lessons:"),
  })
  .strict();

export type CourseFile = z.infer<typeof courseSchema>;
export type CoursePart = z.infer<typeof partSchema>;

/** The course as the page reads it (built from course.yaml, or one part of every lesson without one). */
export interface Course {
  title: string;
  intro: string;
  parts: CoursePart[];
}
