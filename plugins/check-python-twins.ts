// lessons:check's Python part: every lesson's Python twins, run in the page the check opened
// (scripts/lessons-check.mjs calls this after the TypeScript playgrounds and exercises).
import type { LessonProblem } from "../src/lessons/problems.ts";
import { hasErrors } from "../src/lessons/problems.ts";
import type { RunCode } from "../src/lessons/verify-exercise.ts";
import { verifyPythonTwin } from "../src/lessons/verify-python-twin.ts";
import type { LoadedLessons } from "./load-lessons.ts";

/** How many playgrounds (exercises included) have a Python twin. */
export function pythonTwinCount(loaded: LoadedLessons): number {
  return loaded.lessons.reduce((n, l) => n + l.lesson.playgrounds.filter((p) => p.python).length, 0);
}

/** Run every Python twin; `onTwin` hears of each as it starts. */
export async function verifyPythonTwins(loaded: LoadedLessons, runCode: RunCode, onTwin: (label: string) => void = () => {}): Promise<LessonProblem[]> {
  if (hasErrors(loaded.problems)) throw new Error("Fix the lessons' problems before running their Python twins.");
  const problems: LessonProblem[] = [];
  for (const { file, lesson } of loaded.lessons) {
    for (const playground of lesson.playgrounds.filter((p) => p.python)) {
      onTwin(`${file}:${playground.python?.line} Python twin of "${playground.id}"`);
      try {
        problems.push(...(await verifyPythonTwin(file, playground, runCode)));
      } catch (e) {
        const message = `The Python twin of "${playground.id}" could not be run: ${e instanceof Error ? e.message : String(e)}`;
        problems.push({ file, line: playground.python?.line ?? playground.line, column: 1, severity: "error", message });
      }
    }
  }
  return problems;
}
