// What `vite build` ships (dist/), read from disk: nothing that no page can load, and of
// Monaco only what Lanes uses. Runs after the build, like every e2e spec.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative } from "node:path";
import { expect, test } from "@playwright/test";

const DIST = "dist";
/** Files for the host, not for pages: public/_headers is read by Netlify / Cloudflare Pages. */
const FOR_THE_HOST = new Set(["_headers"]);
/** Files for other sites' pages: a course page includes embed.js (docs/embedding.md); no Lanes page does. */
const FOR_COURSE_PAGES = new Set(["embed.js"]);
/** Monaco languages a Lanes page uses: the playground's TypeScript (and JavaScript, which its service shares) and the Python tab. */
const USED_LANGUAGES = new Set(["typescript", "javascript", "python"]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(DIST, path)];
  });
}

const isText = (file: string) => /\.(html|js|mjs|css|json|webmanifest)$/.test(file);

/** Every file reachable from the HTML pages, following any mention of another file's name. */
function reachableFiles(files: string[]): Set<string> {
  const reached = new Set(files.filter((f) => f.endsWith(".html")));
  const queue = [...reached];
  while (queue.length > 0) {
    const text = readFileSync(join(DIST, queue.pop() as string), "utf8");
    for (const file of files) {
      if (!reached.has(file) && text.includes(basename(file))) {
        reached.add(file);
        if (isText(file)) queue.push(file);
      }
    }
  }
  return reached;
}

test.describe("dist/", () => {
  const files = filesUnder(DIST);

  test("has no file that no page can load", () => {
    const reached = reachableFiles(files);
    const unreachable = files.filter((f) => !reached.has(f) && !FOR_THE_HOST.has(f) && !FOR_COURSE_PAGES.has(f));
    expect(unreachable, "files in dist/ that no page, script or stylesheet refers to").toEqual([]);
  });

  test("has a service worker that precaches every file but Pyodide's (cached on first use) and the host's", () => {
    const firstLine = readFileSync(join(DIST, "sw.js"), "utf8").split("\n", 1)[0] ?? "";
    const config = JSON.parse(/^var __LANES_SW_CONFIG__ = (.*);$/.exec(firstLine)?.[1] ?? "null") as { base: string; precache: string[]; onFirstUse: { prefix: string } };
    const expected = files.filter((f) => !f.startsWith("pyodide/") && !FOR_THE_HOST.has(f) && f !== "sw.js");
    expect(config.precache.sort()).toEqual(expected.sort());
    expect(config.precache).toEqual(expect.arrayContaining(["index.html", "404.html", "manifest.webmanifest", "icons/icon-512.png"]));
    expect(config.precache.filter((f) => f.startsWith("lessons/")).length, "every prerendered lesson page").toBeGreaterThanOrEqual(5);
    expect(config.onFirstUse.prefix).toBe("pyodide/");
    expect(config.base).toBe("/");
  });

  test("has a stage code chunk without the Python runner (Python never runs on a stage)", () => {
    const stage = files.filter((f) => /^assets\/_virtual_lanes-stage-code-[\w-]{8}\.js$/.test(f));
    expect(stage, "the stage's code, one chunk (plugins/stage-code-plugin.ts)").toHaveLength(1);
    const code = readFileSync(join(DIST, stage[0]!), "utf8");
    expect(code, "the chunk holds the stage's entry").toContain("A stage runs one program only");
    // The Python runner's worker names and asset files, Pyodide itself and the runner's export.
    for (const mark of ["lanes-python", "python-worker", "pyodide", "pythonRunner"]) {
      expect(code.toLowerCase().includes(mark.toLowerCase()), `the stage's code mentions ${mark}`).toBe(false);
    }
  });

  test("has none of Monaco's language chunks or workers that no page uses", () => {
    const monaco = dirname(createRequire(import.meta.url).resolve("monaco-editor/editor/editor.api"));
    const languages = readdirSync(join(monaco, "..", "languages", "definitions")).filter((l) => !l.startsWith("_"));
    expect(languages.length, "monaco-editor's language list was found").toBeGreaterThan(50);
    const chunkLanguage = (file: string) => /^assets\/(.+)-[\w-]{8}\.js$/.exec(file)?.[1];
    const unused = files.filter((f) => {
      const name = chunkLanguage(f);
      return name !== undefined && languages.includes(name) && !USED_LANGUAGES.has(name);
    });
    expect(unused, "Monaco language chunks no page uses").toEqual([]);
    const workers = files.filter((f) => /\.worker-/.test(f)).map((f) => basename(f).replace(/-[\w-]{8}\.js$/, ""));
    expect(workers.sort(), "Monaco workers: the editor's and TypeScript's only").toEqual(["editor.worker", "ts.worker"]);
    expect(files.filter((f) => /(css|html|json)Mode|lspLanguageFeatures/.test(f))).toEqual([]);
  });
});
