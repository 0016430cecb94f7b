// Compiles lessons/*.md at build time into the lesson model, served as `virtual:lanes/lessons`.
// A bad lesson fails `vite build` and shows in the dev overlay with file:line:column; editing,
// adding or removing a lesson reloads it in the running dev server.
import { readFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import type { Plugin } from "vite";
import { formatProblem, hasErrors, type LessonProblem } from "../src/lessons/problems.ts";
import { loadLessons } from "./load-lessons.ts";

export const VIRTUAL_ID = "virtual:lanes/lessons";
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export interface LessonsPluginOptions {
  /** Directory of the lesson files, relative to the Vite root: default `$LANES_LESSONS_DIR`, else `lessons`. */
  dir?: string;
}

export function lessonsPlugin(options: LessonsPluginOptions = {}): Plugin {
  // An e2e build can serve fixture lessons: LANES_LESSONS_DIR=e2e/fixtures/lessons/good vite build
  const wanted = options.dir ?? process.env.LANES_LESSONS_DIR ?? "lessons";
  let root = process.cwd();
  let dir = resolve(root, wanted);
  const isLesson = (file: string) => file.startsWith(dir + sep) && (file.endsWith(".md") || file === join(dir, "course.yaml"));

  return {
    name: "lanes-lessons",
    configResolved(config) {
      root = config.root;
      dir = resolve(root, wanted);
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const { lessons, problems, course, courseFile } = loadLessons(dir, { root });
      for (const { path } of lessons) this.addWatchFile(path);
      if (courseFile) this.addWatchFile(join(root, courseFile));
      for (const p of problems.filter((p) => p.severity === "warning")) this.warn(formatProblem(p));
      if (hasErrors(problems)) throw lessonsError(problems, root);
      return `export default ${JSON.stringify(lessons.map((l) => l.lesson))};\nexport const course = ${JSON.stringify(course)};\n`;
    },
    hotUpdate({ file, type }) {
      if (!isLesson(resolve(file))) return undefined;
      const graph = this.environment.moduleGraph;
      const mod = graph.getModuleById(RESOLVED_ID);
      if (!mod) return undefined;
      graph.invalidateModule(mod);
      if (type !== "update") this.environment.hot.send({ type: "full-reload" });
      return [mod];
    },
  };
}

/** One error for all problems, shaped for Vite's overlay and build output (loc, frame, id). */
function lessonsError(problems: LessonProblem[], root: string): Error {
  const errors = problems.filter((p) => p.severity === "error");
  const first = errors[0] as LessonProblem;
  const file = join(root, first.file);
  const count = errors.length === 1 ? "a problem" : `${errors.length} problems`;
  const error = new Error(`The lessons have ${count}:\n${errors.map(formatProblem).join("\n")}`) as Error & {
    id: string;
    loc: { file: string; line: number; column: number };
    frame: string;
  };
  error.id = file;
  error.loc = { file, line: first.line, column: first.column };
  error.frame = codeFrame(file, first.line, first.column);
  return error;
}

function codeFrame(path: string, line: number, column: number): string {
  let lines: string[];
  try {
    lines = readFileSync(path, "utf8").split(/\r?\n/);
  } catch {
    return "";
  }
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 2);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    out.push(`${n === line ? ">" : " "} ${String(n).padStart(width)} | ${lines[n - 1] ?? ""}`);
    if (n === line) out.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.max(0, column - 1))}^`);
  }
  return out.join("\n");
}
