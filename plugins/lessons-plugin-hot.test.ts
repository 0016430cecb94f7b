import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Plugin } from "vite";
import { LESSON_ID_PREFIX, lessonsPlugin, VIRTUAL_ID } from "./lessons-plugin.ts";

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const call = (hook: unknown, self: unknown, ...args: unknown[]) => (hook as Hook).call(self, ...args);

// What the dev server does when a lesson file is saved: which modules are new, and how the
// lesson module takes its new version in the open page.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "lanes-hot-"));
  cpSync("e2e/fixtures/course-small", dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function served() {
  const p: Plugin = lessonsPlugin({ dir, typecheck: false });
  call(p.configResolved, undefined, { root: process.cwd(), command: "serve" });
  const context = { addWatchFile: () => undefined, warn: () => undefined };
  const ids = [`\0${VIRTUAL_ID}`, ...["sleepers", "a-pool-of-waiters", "cores"].map((slug) => `\0${LESSON_ID_PREFIX}${slug}`)];
  const modules = new Map(ids.map((id) => [id, { id }]));
  const code = new Map(ids.map((id) => [id, call(p.load, context, id) as string]));
  const sent: unknown[] = [];
  const invalidated: string[] = [];
  const environment = {
    moduleGraph: { idToModuleMap: modules, getModuleById: (id: string) => modules.get(id), invalidateModule: (m: { id: string }) => invalidated.push(m.id) },
    hot: { send: (message: unknown) => sent.push(message) },
  };
  const save = (file: string, text: string, type = "update") => {
    writeFileSync(join(dir, file), text);
    return (call(p.hotUpdate, { environment }, { file: join(dir, file), type }) as { id: string }[] | undefined)?.map((m) => m.id);
  };
  return { code, save, sent, invalidated };
}

describe("lessonsPlugin in the dev server", () => {
  it("makes each lesson module accept its new versions and announce them", () => {
    const { code } = served();
    const lesson = code.get(`\0${LESSON_ID_PREFIX}sleepers`) ?? "";
    expect(lesson).toContain("import.meta.hot.accept();");
    expect(lesson).toMatch(/import \{ lessonUpdated \} from ".*src\/lessons\/lesson-updates\.ts";/);
    expect(lesson).toContain("lessonUpdated(lesson);");
  });

  it("updates only the lesson whose playground code changed", () => {
    const { save, sent } = served();
    const text = readFileSync(join(dir, "sleepers.md"), "utf8").replace("await sleep(50);", "await sleep(80);");
    expect(save("sleepers.md", text)).toEqual([`\0${LESSON_ID_PREFIX}sleepers`]);
    expect(sent).toEqual([]);
  });

  it("updates the catalog too when what the home page shows changed", () => {
    const { save } = served();
    const text = readFileSync(join(dir, "sleepers.md"), "utf8").replace("title: Sleepers", "title: Nappers");
    expect(save("sleepers.md", text)).toContain(`\0${VIRTUAL_ID}`);
  });

  it("reloads the page for a new lesson file", () => {
    const { save, sent } = served();
    save("new-one.md", "---\ntitle: New\nsummary: New.\n---\n\nProse.\n", "create");
    expect(sent).toEqual([{ type: "full-reload" }]);
  });
});
