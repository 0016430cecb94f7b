import { resolve } from "node:path";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import type { Plugin } from "vite";
import { LESSON_ID_PREFIX, lessonsPlugin, VIRTUAL_ID } from "./lessons-plugin.ts";

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const call = (hook: unknown, self: unknown, ...args: unknown[]) => (hook as Hook).call(self, ...args);

/** The plugin resolved against the repository, with the hooks a build calls. */
function plugin(dir: string) {
  const p: Plugin = lessonsPlugin({ dir });
  call(p.configResolved, undefined, { root: process.cwd() });
  const watched: string[] = [];
  const warnings: string[] = [];
  const context = { addWatchFile: (f: string) => watched.push(f), warn: (m: string) => warnings.push(m) };
  const loadId = (id: string) => call(p.load, context, call(p.resolveId, context, id)) as string;
  const load = () => loadId(VIRTUAL_ID);
  return { load, loadId, watched, warnings };
}

describe("lessonsPlugin", () => {
  it("leaves other modules alone", () => {
    expect(call(lessonsPlugin().resolveId, {}, "react")).toBeUndefined();
  });

  it("serves the catalog: summaries, and a dynamic import per lesson", () => {
    const { load } = plugin("e2e/fixtures/lessons/good");
    const code = load();
    const lessons = JSON.parse(/^export default (.*);$/m.exec(code)?.[1] ?? "");
    expect(lessons.map((l: { meta: { title: string } }) => l.meta.title)).toEqual(["Waiting together", "The smallest lesson"]);
    expect(lessons[0]).not.toHaveProperty("sections");
    expect(code).toContain(`"02-smallest": () => import("${LESSON_ID_PREFIX}02-smallest"),`);
    const course = JSON.parse(/^export const course = (.*);$/m.exec(code)?.[1] ?? "");
    expect(course.parts).toEqual([{ title: "Lessons", lessons: ["01-waiting-together", "02-smallest"] }]);
  }, 60_000); // the first load of the file starts the TypeScript compiler: seconds on a loaded machine

  it("serves each lesson as its own module, with its prose as HTML", () => {
    const { load, loadId } = plugin("e2e/fixtures/lessons/good");
    load();
    const lesson = JSON.parse(loadId(`${LESSON_ID_PREFIX}01-waiting-together`).replace(/^export default /, "").replace(/;\n$/, ""));
    expect(lesson.meta.title).toBe("Waiting together");
    expect(lesson.sections[0].besideHtml).toMatch(/<p>/);
    expect(lesson.sections.some((s: { playground?: unknown }) => s.playground)).toBe(true);
    expect(JSON.stringify(lesson)).not.toContain('"before":');
  });

  it("fails for a lesson module of no lesson", () => {
    const { loadId } = plugin("e2e/fixtures/lessons/good");
    expect(() => loadId(`${LESSON_ID_PREFIX}99-none`)).toThrow('There is no lesson "99-none"');
  });

  it("takes its directory from LANES_LESSONS_DIR when not given one", () => {
    process.env.LANES_LESSONS_DIR = "e2e/fixtures/lessons/good";
    try {
      const p = lessonsPlugin();
      const watched: string[] = [];
      call(p.load, { addWatchFile: (f: string) => watched.push(f), warn: () => {} }, call(p.resolveId, {}, VIRTUAL_ID));
      expect(watched).toHaveLength(2);
    } finally {
      delete process.env.LANES_LESSONS_DIR;
    }
  });

  it("serves one lesson file alone, in its course, to preview it", () => {
    const { load } = plugin("e2e/fixtures/course-small/cores.md");
    const code = load();
    const lessons = JSON.parse(/^export default (.*);$/m.exec(code)?.[1] ?? "");
    expect(lessons.map((l: { meta: { slug: string } }) => l.meta.slug)).toEqual(["cores"]);
    const course = JSON.parse(/^export const course = (.*);$/m.exec(code)?.[1] ?? "");
    expect([course.title, course.parts]).toEqual(["Pools in a weekend", [{ title: "Computing", lessons: ["cores"] }]]);
  });

  it("watches every lesson file", () => {
    const { load, watched } = plugin("e2e/fixtures/lessons/good");
    load();
    expect(watched).toEqual([resolve("e2e/fixtures/lessons/good/01-waiting-together.md"), resolve("e2e/fixtures/lessons/good/02-smallest.md")]);
  });

  it("fails with every problem as file:line:column", () => {
    const { load } = plugin("e2e/fixtures/lessons/broken");
    expect(load).toThrow(/The lessons have 8 problems:\ne2e\/fixtures\/lessons\/broken\/01-unknown-field\.md:5:1 Unknown frontmatter field "runner"/);
  });

  it("gives the dev overlay the first problem's place and a code frame", () => {
    const { load } = plugin("e2e/fixtures/lessons/broken");
    let error: { loc?: unknown; frame?: string; id?: string } = {};
    try {
      load();
    } catch (e) {
      error = e as typeof error;
    }
    expect(error.loc).toEqual({ file: resolve("e2e/fixtures/lessons/broken/01-unknown-field.md"), line: 5, column: 1 });
    expect(error.frame).toContain("> 5 | runner: [main, workers]");
  });
});

describe("lessonsPlugin in vite build", () => {
  it("refuses broken lessons before bundling, with an error vite prints as the problem list alone", () => {
    const p: Plugin = lessonsPlugin({ dir: "e2e/fixtures/lessons/broken", typecheck: false });
    let thrown: unknown;
    try {
      call(p.configResolved, undefined, { root: process.cwd(), command: "build" });
    } catch (e) {
      thrown = e;
    }
    // The vite CLI prints `error during build:\n${inspect(e)}`.
    const printed = inspect(thrown);
    expect(printed.split("\n")[0]).toBe("The lessons have 7 problems:");
    expect(printed).toContain("e2e/fixtures/lessons/broken/01-unknown-field.md:5:1 Unknown frontmatter field");
    expect(printed).not.toMatch(/\n\s+at |errors:|\[Getter/);
  });

  it("lets good lessons through", () => {
    const p: Plugin = lessonsPlugin({ dir: "e2e/fixtures/lessons/good", typecheck: false });
    expect(() => call(p.configResolved, undefined, { root: process.cwd(), command: "build" })).not.toThrow();
  });
});
