// What `--lessons <path>`, `LANES_LESSONS_DIR` and `lessons:check <path>` name: a folder of
// lessons (a course), or one lesson file of such a folder, to check or preview alone.
import { statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { isLessonFileName } from "../src/lessons/lesson-file-name.ts";

export interface LessonsPath {
  /** The folder of the lessons (and of course.yaml), absolute. */
  dir: string;
  /** The one lesson file named, absolute, when a file was named rather than a folder. */
  only?: string;
}

export function resolveLessonsPath(path: string, root: string): LessonsPath {
  const absolute = resolve(root, path);
  let isFile: boolean;
  try {
    isFile = statSync(absolute).isFile();
  } catch {
    throw new Error(`There is no folder or file ${path}: name a folder of lessons (e.g. lessons) or one lesson file (e.g. lessons/locks.md).`);
  }
  if (!isFile) return { dir: absolute };
  if (!isLessonFileName(basename(absolute))) throw new Error(`${path} is not a lesson file: name a folder of lessons, or one lesson's .md file (README.md is never a lesson).`);
  return { dir: dirname(absolute), only: absolute };
}
