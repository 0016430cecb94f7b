// What lessons/course.yaml may say: the course's title, its introduction and its parts, each
// listing lesson slugs in course order, and its accent colour and logo. `.strict()`: a misspelt key is an error with its line;
// every `.describe()` text is quoted back to the author in messages.
import { z } from "zod";
import type { AccentTones } from "./accent-tones.ts";

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
    accent: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe('the course\'s accent colour, a CSS colour such as "#7a3cff", "rgb(122 60 255)" or rebeccapurple: links, buttons and marks, in a tone that keeps text readable in light and dark mode'),
    logo: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("an image file in the course folder (SVG, PNG, JPEG, WebP, GIF or AVIF), e.g. logo.svg: shown beside the course's title on every page"),
  })
  .strict();

export type CourseFile = z.infer<typeof courseSchema>;
export type CoursePart = z.infer<typeof partSchema>;

/** The course as the page reads it (built from course.yaml, or one part of every lesson without one). */
export interface Course {
  title: string;
  intro: string;
  parts: CoursePart[];
  /** The accent's tones for light and dark mode (absent: Lanes' own blue). */
  accent?: AccentTones;
  /** The logo's path in the built site, relative to its base (e.g. `course/logo-1a2b3c4d.svg`). */
  logo?: string;
}
