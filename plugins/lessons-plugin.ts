// Compiles lessons/*.md at build time into the lesson model. `virtual:lanes/lessons` is the
// catalog every page loads (summaries and a loader per lesson); `virtual:lanes/lesson/<slug>` is
// one lesson with its prose rendered to HTML, its own chunk. A bad lesson fails `vite build` and
// shows in the dev overlay with file:line:column; editing, adding or removing a lesson reloads it
// in the running dev server.
import { readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import type { Course } from "../src/lessons/course-schema.ts";
import type { Lesson, RenderedLesson } from "../src/lessons/lesson-model.ts";
import { formatProblem, hasErrors, type LessonProblem } from "../src/lessons/problems.ts";
import { isLessonFileName } from "../src/lessons/lesson-file-name.ts";
import { logoMime } from "./course-assets.ts";
import { loadLessons, type LoadedLessons } from "./load-lessons.ts";
import { resolveLessonsPath } from "./lessons-path.ts";
import { renderLesson, summaryOf } from "./render-lesson.ts";

export const VIRTUAL_ID = "virtual:lanes/lessons";
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
/** Every rendered lesson at once, for the build's prerender in Node (no page imports it). */
export const ALL_LESSONS_ID = "virtual:lanes/all-lessons";
/** Followed by the lesson's slug, URI-encoded. */
export const LESSON_ID_PREFIX = "virtual:lanes/lesson/";
const RESOLVED_LESSON_PREFIX = `\0${LESSON_ID_PREFIX}`;
/** Where a lesson module announces its new versions in the dev server. */
const LESSON_UPDATES = resolve(dirname(fileURLToPath(import.meta.url)), "../src/lessons/lesson-updates.ts");

export interface LessonsPluginOptions {
  /**
   * Folder of the lesson files, relative to the Vite root: default `$LANES_LESSONS_DIR` (which
   * `npm start -- --lessons <path>` sets), else `lessons`. A lesson file instead of a folder
   * serves that lesson alone, in its course, to preview it.
   */
  dir?: string;
  /** Type-check the lessons' code (default true); the prerender, after the client build has, skips it. */
  typecheck?: boolean;
}

export function lessonsPlugin(options: LessonsPluginOptions = {}): Plugin {
  // An e2e build can serve fixture lessons: LANES_LESSONS_DIR=e2e/fixtures/lessons/good vite build
  const wanted = options.dir ?? process.env.LANES_LESSONS_DIR ?? "lessons";
  let root = process.cwd();
  let dir = resolve(root, wanted);
  let only: string | undefined;
  const isLesson = (file: string) =>
    file.startsWith(dir + sep) && !file.slice(dir.length + 1).includes(sep) && (file === join(dir, "course.yaml") || (only === undefined ? isLessonFileName(basename(file)) : file === only));
  const load = () => loadLessons(dir, { root, typecheck: options.typecheck, ...(only !== undefined ? { only } : {}) });
  // The catalog's load reads every lesson; each lesson's module reuses that reading.
  let loaded: LoadedLessons | undefined;
  let serving = false;
  let base = "/";

  return {
    name: "lanes-lessons",
    configResolved(config) {
      root = config.root;
      serving = config.command === "serve";
      base = config.base;
      ({ dir, only } = resolveLessonsPath(wanted, root));
      // A build reads the lessons before the bundler starts: an error thrown from a bundler hook
      // reaches the terminal wrapped, with its stack and `errors: [Getter/Setter]`; from here it
      // is printed as the message alone (see buildError). The dev server shows its overlay instead.
      if (config.command === "build") {
        loaded = load();
        if (hasErrors(loaded.problems)) throw buildError(loaded.problems);
      }
    },
    resolveId(id) {
      if (id === VIRTUAL_ID) return RESOLVED_ID;
      if (id === ALL_LESSONS_ID) return `\0${ALL_LESSONS_ID}`;
      if (id.startsWith(LESSON_ID_PREFIX)) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (id === RESOLVED_ID) {
        loaded ??= load();
        const { lessons, problems, course, courseFile } = loaded;
        for (const { path } of lessons) this.addWatchFile(path);
        if (courseFile) this.addWatchFile(join(root, courseFile));
        for (const p of problems.filter((p) => p.severity === "warning")) this.warn(formatProblem(p));
        if (hasErrors(problems)) throw lessonsError(problems, root);
        return catalogModule(lessons.map((l) => l.lesson), course);
      }
      if (id === `\0${ALL_LESSONS_ID}`) {
        loaded ??= load();
        return `export default ${JSON.stringify(loaded.lessons.map((l) => renderLesson(l.lesson)))};\n`;
      }
      if (id.startsWith(RESOLVED_LESSON_PREFIX)) {
        const slug = decodeURIComponent(id.slice(RESOLVED_LESSON_PREFIX.length));
        loaded ??= load();
        const found = loaded.lessons.find((l) => l.lesson.meta.slug === slug);
        if (!found) throw new Error(`There is no lesson "${slug}" in ${wanted}/.`);
        this.addWatchFile(found.path);
        return lessonModule(renderLesson(found.lesson), serving);
      }
      return undefined;
    },
    generateBundle() {
      // The course's logo, under its content-hashed name (course.logo says which).
      const logo = loaded?.logo;
      if (logo) this.emitFile({ type: "asset", fileName: logo.fileName, source: readFileSync(logo.path) });
    },
    configureServer(server) {
      // Vite watches its root; a course elsewhere (npm start -- --lessons ~/my-course) is
      // watched too, so a new lesson file appears without a restart.
      server.watcher.add(dir);
      // The logo, as the build will serve it, from wherever the course folder is.
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? "").split("?")[0] ?? "";
        if (!path.startsWith(`${base}course/logo-`)) return next();
        const logo = tryLoad(() => (loaded ??= load()))?.logo;
        if (!logo || path !== `${base}${logo.fileName}`) return next();
        res.setHeader("Content-Type", logoMime(logo.fileName));
        res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        res.end(readFileSync(logo.path));
      });
      if (only === undefined) return;
      const slug = basename(only, ".md");
      server.httpServer?.once("listening", () => {
        setTimeout(() => {
          const url = server.resolvedUrls?.local[0];
          if (url) server.config.logger.info(`  Previewing ${relative(root, only ?? "")} alone: ${new URL(`lessons/${encodeURIComponent(slug)}`, url)}`);
        });
      });
    },
    hotUpdate({ file, type }) {
      const path = resolve(file);
      if (!isLesson(path)) return undefined;
      const previous = loaded;
      loaded = undefined;
      const graph = this.environment.moduleGraph;
      const mods = [...graph.idToModuleMap.values()].filter((m) => m.id === RESOLVED_ID || m.id?.startsWith(RESOLVED_LESSON_PREFIX));
      if (mods.length === 0) return undefined;
      // A lesson's own content changed (its code, its prose) and nothing the catalog shows: only
      // that lesson's module is new, and it replaces itself in the open page (see lessonModule).
      const own = type === "update" && path.endsWith(".md") ? graph.getModuleById(`${RESOLVED_LESSON_PREFIX}${encodeURIComponent(basename(path, ".md"))}`) : undefined;
      if (own && previous && !hasErrors(previous.problems)) {
        const next = tryLoad(load);
        if (next && !hasErrors(next.problems) && sameCatalog(previous, next)) {
          loaded = next;
          graph.invalidateModule(own);
          return [own];
        }
      }
      for (const mod of mods) graph.invalidateModule(mod);
      if (type !== "update") this.environment.hot.send({ type: "full-reload" });
      return mods;
    },
  };
}

/**
 * One lesson, rendered. In the dev server the module accepts its own new versions and announces
 * each (lesson-updates.ts), so a saved lesson file updates the open page in place: the editors,
 * drafts and runs stay, and a playground can follow its new code.
 */
export function lessonModule(lesson: RenderedLesson, serving: boolean): string {
  if (!serving) return `export default ${JSON.stringify(lesson)};\n`;
  return `import { lessonUpdated } from ${JSON.stringify(LESSON_UPDATES)};\nconst lesson = ${JSON.stringify(lesson)};\nexport default lesson;\nif (import.meta.hot) {\n  import.meta.hot.accept();\n  lessonUpdated(lesson);\n}\n`;
}

function tryLoad(load: () => LoadedLessons): LoadedLessons | undefined {
  try {
    return load();
  } catch {
    return undefined; // the full update below reports it
  }
}

function sameCatalog(a: LoadedLessons, b: LoadedLessons): boolean {
  return catalogModule(a.lessons.map((l) => l.lesson), a.course) === catalogModule(b.lessons.map((l) => l.lesson), b.course);
}

/** Summaries for every page, and one dynamic import per lesson: Rollup makes each its own chunk. */
function catalogModule(lessons: Lesson[], course: Course): string {
  const loaders = lessons.map((l) => {
    const slug = l.meta.slug;
    return `  ${JSON.stringify(slug)}: () => import(${JSON.stringify(LESSON_ID_PREFIX + encodeURIComponent(slug))}),`;
  });
  return `export default ${JSON.stringify(lessons.map(summaryOf))};\nexport const course = ${JSON.stringify(course)};\nexport const loaders = {\n${loaders.join("\n")}\n};\n`;
}

/** All the problems, printed by `vite build` (through util.inspect) as the list alone. */
export function buildError(problems: LessonProblem[]): Error {
  const error = new Error(problemList(problems));
  error.name = "LessonsError";
  Object.defineProperty(error, Symbol.for("nodejs.util.inspect.custom"), { value: () => error.message });
  return error;
}

function problemList(problems: LessonProblem[]): string {
  const errors = problems.filter((p) => p.severity === "error");
  const count = errors.length === 1 ? "a problem" : `${errors.length} problems`;
  return `The lessons have ${count}:\n${errors.map(formatProblem).join("\n")}`;
}

/** One error for all problems, shaped for Vite's overlay and build output (loc, frame, id). */
function lessonsError(problems: LessonProblem[], root: string): Error {
  const errors = problems.filter((p) => p.severity === "error");
  const first = errors[0] as LessonProblem;
  const file = join(root, first.file);
  const error = new Error(problemList(problems)) as Error & {
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
