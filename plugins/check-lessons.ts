// The whole of `npm run lessons:check` except the browser: validate a directory of lessons,
// then verify each exercise with runs from the caller (scripts/lessons-check.mjs passes a page).
import { formatMargin, marginsOf, worstMargins, type Margin } from "../src/lessons/check-margins.ts";
import type { LessonProblem } from "../src/lessons/problems.ts";
import { hasErrors } from "../src/lessons/problems.ts";
import { verifyExercise, type RunCode } from "../src/lessons/verify-exercise.ts";
import { verifyPlayground } from "../src/lessons/verify-playground.ts";
import { loadLessons, type LoadedLessons } from "./load-lessons.ts";
import { resolveLessonsPath } from "./lessons-path.ts";
import { runCheckInNode } from "./node-check-runner.ts";

export { formatProblem, hasErrors } from "../src/lessons/problems.ts";
export { pythonTwinCount, verifyPythonTwins } from "./check-python-twins.ts";

/** Parse and type-check every lesson in the folder `path`, or the one lesson file `path`; paths in problems are relative to `root`. */
export function validateLessons(path: string, root = process.cwd()): LoadedLessons {
  const { dir, only } = resolveLessonsPath(path, root);
  return loadLessons(dir, { root, ...(only !== undefined ? { only } : {}) });
}

/** How many exercises (playgrounds with a check) the lessons have. */
export function exerciseCount(loaded: LoadedLessons): number {
  return loaded.lessons.reduce((n, l) => n + l.lesson.playgrounds.filter((p) => p.exercise).length, 0);
}

/** How many playgrounds are not exercises: each is run under its runners and must end as declared. */
export function playgroundCount(loaded: LoadedLessons): number {
  return loaded.lessons.reduce((n, l) => n + l.lesson.playgrounds.filter((p) => !p.exercise).length, 0);
}

/** Run every playground that is not an exercise under each of its runners; `onPlayground` hears of each. */
export async function verifyPlaygrounds(loaded: LoadedLessons, runCode: RunCode, onPlayground: (label: string) => void = () => {}): Promise<LessonProblem[]> {
  if (hasErrors(loaded.problems)) throw new Error("Fix the lessons' problems before running their playgrounds.");
  const problems: LessonProblem[] = [];
  for (const { file, lesson } of loaded.lessons) {
    for (const playground of lesson.playgrounds.filter((p) => !p.exercise)) {
      onPlayground(`${file}:${playground.line} playground "${playground.id}" under ${playground.runners.join(", ")}`);
      try {
        problems.push(...(await verifyPlayground(file, playground, runCode)));
      } catch (e) {
        const message = `The playground "${playground.id}" could not be run: ${e instanceof Error ? e.message : String(e)}`;
        problems.push({ file, line: playground.line, column: 1, severity: "error", message });
      }
    }
  }
  return problems;
}

/** Run every exercise's solution and starter; `onExercise` hears of each as it starts. */
export async function verifyExercises(loaded: LoadedLessons, runCode: RunCode, onExercise: (label: string) => void = () => {}): Promise<LessonProblem[]> {
  if (hasErrors(loaded.problems)) throw new Error("Fix the lessons' problems before verifying their exercises.");
  const problems: LessonProblem[] = [];
  for (const { file, lesson } of loaded.lessons) {
    for (const playground of lesson.playgrounds.filter((p) => p.exercise)) {
      onExercise(`${file}:${playground.line} exercise "${playground.id}"`);
      try {
        problems.push(...(await verifyExercise(file, playground, runCode, { runFunction: runCheckInNode })));
      } catch (e) {
        const message = `The exercise "${playground.id}" could not be run: ${e instanceof Error ? e.message : String(e)}`;
        problems.push({ file, line: playground.line, column: 1, severity: "error", message });
      }
    }
  }
  return problems;
}

export interface MarginLine {
  /** `file:line` of the exercise's check block. */
  place: string;
  text: string;
}

/**
 * `--repeat N`: run each exercise's solution N times and say, per timing assertion of its check,
 * the worst margin seen; a bound missed in some runs is a warning (a flaky check fails students).
 */
export async function measureMargins(loaded: LoadedLessons, runCode: RunCode, repeat: number, onExercise: (label: string) => void = () => {}): Promise<{ lines: MarginLine[]; problems: LessonProblem[] }> {
  const lines: MarginLine[] = [];
  const problems: LessonProblem[] = [];
  for (const { file, lesson } of loaded.lessons) {
    for (const playground of lesson.playgrounds) {
      const { exercise, solution } = playground;
      if (!exercise || !solution || marginsOf(exercise.check.assertions, []).length === 0) continue;
      onExercise(`${file}:${exercise.line} the check of "${playground.id}", ${repeat} times`);
      const repetitions: Margin[][] = [];
      for (let i = 0; i < repeat; i++) repetitions.push(marginsOf(exercise.check.assertions, await runCode(solution.code, playground.runners, playground.timeLimitMs, playground.files)));
      for (const worst of worstMargins(repetitions)) {
        lines.push({ place: `${file}:${exercise.line}`, text: formatMargin(worst) });
        if (worst.held < worst.of) {
          problems.push({ file, line: exercise.line, column: 1, severity: "warning", message: `The solution of "${playground.id}" missed ${worst.label} ${worst.bound} ${worst.limit} in ${worst.of - worst.held} of ${worst.of} runs: students' machines will too. Give the bound more margin.` });
        }
      }
    }
  }
  return { lines, problems };
}
