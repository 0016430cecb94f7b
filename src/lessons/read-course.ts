// lessons/course.yaml to the Course, checked against the lesson files that exist: every slug
// it names must be a lesson, and every lesson must be in exactly one part, so the home page
// never hides a lesson nor links to a missing one. Pure: the caller reads the files.
import type { AccentTones } from "./accent-tones.ts";
import { courseSchema, type Course } from "./course-schema.ts";
import { didYouMean } from "./did-you-mean.ts";
import { ProblemList, type LessonProblem } from "./problems.ts";
import { parseLocatedYaml } from "./yaml-located.ts";
import { issueMessages } from "./zod-problems.ts";

export interface ReadCourse {
  /** Undefined when the file is not a valid course (see problems). */
  course?: Course;
  /** Each listed lesson's place in the course, 1-based, for the lessons' `order`. */
  order: Map<string, number>;
  problems: LessonProblem[];
}

/** A check of a field that needs more than the schema; the build's, which can read files and parse CSS. */
export type FieldCheck<T> = (value: string) => { ok: true; value: T; warning?: string } | { ok: false; message: string };

/**
 * How `accent:` and `logo:` are checked and what they become (a course read without them, as
 * the docs' tests do, leaves both out): the accent's tones, the logo's path in the site.
 */
export interface CourseAssets {
  accent: FieldCheck<AccentTones>;
  logo: FieldCheck<string>;
}

/** `file` is the path shown in messages; `slugs` the lessons that exist, by file name. */
export function readCourse(file: string, text: string, slugs: readonly string[], assets?: CourseAssets): ReadCourse {
  const problems = new ProblemList(file);
  const order = new Map<string, number>();
  const yaml = parseLocatedYaml(text, 1);
  for (const e of yaml.errors) problems.error(e.at, `The course is not valid YAML: ${e.message}. Check its indentation and quotes.`);
  if (yaml.errors.length > 0) return { order, problems: problems.items };
  const data: unknown = yaml.data ?? {};
  // `accent: #c2185b` is `accent:` and a comment: say so, rather than "must be text, not empty".
  if (typeof data === "object" && data !== null && "accent" in data && data.accent === null) {
    const at = yaml.locate(["accent"], true);
    const written = /#[^\s"']*/.exec(text.split(/\r?\n/)[at.line - 1] ?? "")?.[0] ?? "#7a3cff";
    problems.error(at, `The accent is empty: YAML reads # as the start of a comment, so a colour written with # must be in quotes: accent: "${written}".`);
    delete (data as { accent?: unknown }).accent;
  }
  const parsed = courseSchema.safeParse(data);
  if (!parsed.success) {
    const ctx = { what: "Course field", input: data, shape: courseSchema.shape, locate: yaml.locate };
    for (const m of issueMessages(parsed.error, ctx)) problems.error(m.at, m.message);
    return { order, problems: problems.items };
  }
  const { accent, logo, ...rest } = parsed.data;
  const course: Course = rest;
  const checked = <T>(field: "accent" | "logo", value: string | undefined, check: FieldCheck<T> | undefined): T | undefined => {
    if (value === undefined || !check) return undefined;
    const result = check(value);
    const at = yaml.locate([field]);
    if (!result.ok) problems.error(at, result.message);
    else if (result.warning) problems.warn(at, result.warning);
    return result.ok ? result.value : undefined;
  };
  const tones = checked("accent", accent, assets?.accent);
  if (tones) course.accent = tones;
  const logoPath = checked("logo", logo, assets?.logo);
  if (logoPath !== undefined) course.logo = logoPath;
  const known = new Set(slugs);
  course.parts.forEach((part, p) =>
    part.lessons.forEach((slug, l) => {
      const at = yaml.locate(["parts", p, "lessons", l]);
      if (!known.has(slug)) {
        problems.error(at, `There is no lesson "${slug}" (no ${slug}.md beside the course).${didYouMean(slug, slugs)} List lessons by their file name without .md.`);
      } else if (order.has(slug)) {
        problems.error(at, `The lesson "${slug}" is listed twice: a lesson belongs to one part, once.`);
      } else order.set(slug, order.size + 1);
    }),
  );
  return { course, order, problems: problems.items };
}

/** The course of a lesson directory without course.yaml: one untitled part of every lesson. */
export function implicitCourse(slugsInOrder: readonly string[]): Course {
  return { title: "Lanes", intro: "", parts: [{ title: "Lessons", lessons: [...slugsInOrder] }] };
}
