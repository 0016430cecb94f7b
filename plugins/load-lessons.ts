// Reads a directory of lessons and returns their models and every problem: the parser's
// (frontmatter, blocks, checks) and the TypeScript compiler's. The Vite plugin and
// `npm run lessons:check` both call this, so they agree on what a valid lesson is.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { compileLesson } from "../src/lessons/compile-lesson.ts";
import { isLessonFileName, slugProblem } from "../src/lessons/lesson-file-name.ts";
import type { Course } from "../src/lessons/course-schema.ts";
import { implicitCourse, readCourse } from "../src/lessons/read-course.ts";
import type { Lesson } from "../src/lessons/lesson-model.ts";
import type { LessonProblem } from "../src/lessons/problems.ts";
import { courseAssets, type LogoAsset } from "./course-assets.ts";
import { proseWarnings } from "./prose-warnings.ts";
import { transpileCheck, typecheckUnits, type TypecheckUnit } from "./typecheck-lessons.ts";

export interface LoadedLesson {
  /** Path as shown in messages, relative to the root (e.g. `lessons/01-waiting.md`). */
  file: string;
  /** Absolute path, for watchers. */
  path: string;
  lesson: Lesson;
}

export interface LoadedLessons {
  /** In course order: `order`, then title. */
  lessons: LoadedLesson[];
  /** Sorted by file, line and column. */
  problems: LessonProblem[];
  /** From `course.yaml` in the directory; without one, one part of every lesson in order. */
  course: Course;
  /** The course file's path as shown in messages, when there is one. */
  courseFile?: string;
  /** The course's logo, which the site serves as `course.logo`. */
  logo?: LogoAsset;
}

export interface LoadOptions {
  /** Paths in messages are relative to this (default: the working directory). */
  root?: string;
  /** Skip the TypeScript compiler (faster; the parser's checks still run). */
  typecheck?: boolean;
  /**
   * One lesson file of `dir` (absolute path): only it is read and checked, in its place in the
   * course, which then lists it alone (`lessons:check <file>`, a dev server previewing one lesson).
   */
  only?: string;
}

export function lessonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter(isLessonFileName)
    .sort()
    .map((name) => join(dir, name));
}

export function loadLessons(dir: string, options: LoadOptions = {}): LoadedLessons {
  const root = options.root ?? process.cwd();
  const shown = (path: string) => relative(root, path).replace(/\\/g, "/");
  const lessons: LoadedLesson[] = [];
  const problems: LessonProblem[] = [];
  const paths = lessonFiles(dir);
  const only = options.only;
  if (only !== undefined && !paths.includes(only)) throw new Error(`${shown(only)} is not a lesson of ${shown(dir) || "."}: a lesson is a .md file (not README.md) in the lessons folder.`);
  const coursePath = join(dir, "course.yaml");
  const courseFile = existsSync(coursePath) ? shown(coursePath) : undefined;
  const assets = courseAssets(dir);
  const read = courseFile ? readCourse(courseFile, readFileSync(coursePath, "utf8"), paths.map((p) => basename(p, ".md")), assets) : undefined;
  const logo = assets.accepted();
  if (read) problems.push(...read.problems);
  for (const path of only !== undefined ? [only] : paths) {
    const file = shown(path);
    const slug = basename(path, ".md");
    const courseOrder = read?.order.get(slug);
    const source = readFileSync(path, "utf8");
    const compiled = compileLesson(file, source, { transpileCheck, ...(courseOrder !== undefined ? { courseOrder } : {}) });
    lessons.push({ file, path, lesson: compiled.lesson });
    const badName = slugProblem(slug);
    if (badName) problems.push({ file, line: 1, column: 1, severity: "error", message: badName });
    problems.push(...compiled.problems, ...proseWarnings(file, source));
    if (read?.course && courseOrder === undefined) {
      problems.push({ file, line: 1, column: 1, severity: "error", message: `The lesson is in no part of ${courseFile}: add "${slug}" to the lessons: of the part it belongs to.` });
    }
  }
  if (options.typecheck !== false) problems.push(...typecheckUnits(lessons.flatMap(unitsOf)));
  lessons.sort(byCourseOrder);
  if (!read?.course) problems.push(...sameOrderWarnings(lessons));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  let course = read?.course ?? implicitCourse(lessons.map((l) => l.lesson.meta.slug));
  if (only !== undefined) {
    const kept = new Set(lessons.map((l) => l.lesson.meta.slug));
    course = { ...course, parts: course.parts.map((p) => ({ ...p, lessons: p.lessons.filter((s) => kept.has(s)) })).filter((p) => p.lessons.length > 0) };
  }
  return { lessons, problems, course, ...(courseFile ? { courseFile } : {}), ...(logo ? { logo } : {}) };
}

/** `order`, then title, then file name: the tie-breaks docs/authoring.md promises. */
function byCourseOrder(a: LoadedLesson, b: LoadedLesson): number {
  return a.lesson.meta.order - b.lesson.meta.order || a.lesson.meta.title.localeCompare(b.lesson.meta.title) || a.file.localeCompare(b.file);
}

/** Two lessons with one `order` are put by title: legal, but rarely what the author meant. */
function sameOrderWarnings(sorted: readonly LoadedLesson[]): LessonProblem[] {
  const problems: LessonProblem[] = [];
  sorted.forEach((later, i) => {
    const earlier = sorted[i - 1];
    const order = later.lesson.meta.order;
    if (!earlier || earlier.lesson.meta.order !== order || order === Number.MAX_SAFE_INTEGER) return;
    const line = orderLine(later.path);
    problems.push({
      file: later.file,
      line,
      column: 1,
      severity: "warning",
      message: `This lesson and ${earlier.file} both have order ${order}, so the home page puts them by title ("${earlier.lesson.meta.title}" first). Give each lesson its own order: (or list them in a course.yaml).`,
    });
  });
  return problems;
}

/** The line of the frontmatter's `order:`, else 1 (the order came from the file name). */
function orderLine(path: string): number {
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  const close = lines.findIndex((l, i) => i > 0 && /^---\s*$/.test(l));
  const at = lines.slice(0, Math.max(close, 0)).findIndex((l) => /^order\s*:/.test(l));
  return at > 0 ? at + 1 : 1;
}

function unitsOf({ file, lesson }: LoadedLesson): TypecheckUnit[] {
  return lesson.playgrounds.flatMap((p) => {
    const files = p.files ?? [];
    const units: TypecheckUnit[] = [{ file, line: p.line, code: p.code, role: "playground", label: `playground "${p.id}"`, files, checkFiles: true }];
    if (p.solution) units.push({ file, line: p.solution.line, code: p.solution.code, role: "solution", label: `solution of "${p.id}"`, files });
    const fn = p.exercise?.check.fn;
    if (fn) units.push({ file, line: fn.line, code: fn.source, role: "check", label: `ts check of "${p.id}"` });
    return units;
  });
}
