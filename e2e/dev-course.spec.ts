import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createServer, type ViteDevServer } from "vite";
import { freePort } from "../scripts/browser-session.mjs";
import type {} from "../src/ui/editor/editor-probe";

// A course of one's own in the dev server, as `npm start -- --lessons <dir>` serves it: a copy
// of the fixture course outside the repository (so Vite's own watcher does not see it), and a
// lesson added while the server runs appears without a restart; a playground's code edited in
// the file reaches the open editor (no draft) or is offered beside the student's (a draft).
const LESSON = `---
title: A lesson written just now
summary: Added while the server ran.
---

Prose.
`;

let dir: string;
let server: ViteDevServer;
let url: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "lanes-dev-course-"));
  cpSync("e2e/fixtures/course-small", dir, { recursive: true });
  process.env.LANES_LESSONS_DIR = dir;
  try {
    const port = await freePort();
    server = await createServer({ logLevel: "warn", server: { port, strictPort: true, host: "127.0.0.1" } });
    await server.listen();
  } finally {
    delete process.env.LANES_LESSONS_DIR;
  }
  url = server.resolvedUrls?.local[0] ?? "";
});

test.afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("the dev server serves a course folder and picks up a new lesson without a restart", async ({ page }) => {
  test.setTimeout(90_000); // the first dev load pre-bundles React
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: "Pools in a weekend" })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["Waiting", "Computing"]);
  // The course's logo, served by the dev server from the course folder (outside Vite's root).
  const logoLoaded = () => page.evaluate(() => {
    const img = document.querySelector<HTMLImageElement>("img.course-logo");
    return img !== null && img.complete && img.naturalWidth > 0;
  });
  await expect.poll(logoLoaded).toBe(true);
  await expect(page.getByRole("link", { name: /A lesson written just now/ })).toHaveCount(0);

  // The lesson file first, then its place in course.yaml, as an author would add both.
  writeFileSync(join(dir, "written-now.md"), LESSON);
  const course = "title: Pools in a weekend\nintro: Three lessons, and one more.\nparts:\n  - title: Waiting\n    lessons: [sleepers, a-pool-of-waiters, written-now]\n  - title: Computing\n    lessons: [cores]\n";
  writeFileSync(join(dir, "course.yaml"), course);
  // No reload by hand: the server reloads the page.
  await expect(page.getByRole("link", { name: /A lesson written just now/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Three lessons, and one more.")).toBeVisible();
});

const EDITOR = "sleepers-sleepers";
const editorText = (page: Page) => page.evaluate((p) => window.__lanesEditors?.text(p) ?? null, EDITOR);
const savedDraft = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem("lanes-progress:sleepers") ?? "null")?.blocks?.sleepers?.draft ?? null);
const editLesson = (from: string, to: string) => {
  const file = join(dir, "sleepers.md");
  const text = readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`sleepers.md has no ${from}`);
  writeFileSync(file, text.replace(from, to));
};
const notice = (page: Page) => page.getByRole("status").filter({ hasText: "The lesson’s code has changed since you edited it." });

async function openSleepers(page: Page) {
  await page.goto(new URL("lessons/sleepers", url).href);
  const playground = page.getByTestId("playground-sleepers");
  await expect(playground.locator(".code-editor")).toHaveAttribute("data-status", "ready", { timeout: 60_000 });
  // Marks this page: a reload would lose it, an update in place keeps it.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  return playground;
}
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

test.describe.serial("a playground's code edited in the lesson file", () => {
  test("with no draft, the open editor takes the new code, in place, the cursor where it was", async ({ page }) => {
    test.setTimeout(120_000);
    const playground = await openSleepers(page);
    await expect.poll(() => editorText(page)).toContain("await sleep(50);");
    await playground.locator(".monaco-editor .view-lines").click();
    await page.keyboard.press("ControlOrMeta+Home");
    const cursor = await page.evaluate((p) => window.__lanesEditors?.cursor(p), EDITOR);
    expect(cursor).toEqual({ line: 1, column: 1 });

    editLesson("await sleep(50);", "await sleep(80);");
    await expect.poll(() => editorText(page), { timeout: 30_000 }).toContain("await sleep(80);");
    expect(await sameDocument(page)).toBe(true);
    expect(await page.evaluate((p) => window.__lanesEditors?.cursor(p), EDITOR)).toEqual(cursor);
    await expect(notice(page)).toHaveCount(0);
    await page.waitForTimeout(800); // past the draft's debounced save: nothing is saved
    expect(await savedDraft(page)).toBeNull();
  });

  test("with a draft, the playground says so; Compare shows both; Reset takes the new code", async ({ page }) => {
    test.setTimeout(120_000);
    const playground = await openSleepers(page);
    await expect.poll(() => editorText(page)).toContain("await sleep(80);");
    await playground.locator(".monaco-editor .view-lines").click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type("\n// mine", { delay: 10 });
    await expect.poll(() => savedDraft(page)).toMatchObject({ code: expect.stringContaining("// mine"), starter: expect.any(String) });
    const mine = await editorText(page);

    editLesson("await sleep(80);", "await sleep(120);");
    await expect(notice(page)).toBeVisible({ timeout: 30_000 });
    expect(await sameDocument(page)).toBe(true);
    expect(await editorText(page)).toBe(mine); // the draft is kept until the student chooses

    await playground.getByRole("button", { name: "Compare" }).click();
    const diff = () => page.evaluate((p) => window.__lanesEditors?.diff(p) ?? null, `${EDITOR}-compare`);
    await expect.poll(diff, { timeout: 30_000 }).not.toBeNull();
    const both = await diff();
    expect(both?.original).toBe(mine);
    expect(both?.modified).toContain("await sleep(120);");
    expect(both?.modified).not.toContain("// mine");

    await playground.getByRole("button", { name: "Reset to the new code" }).click();
    await expect.poll(() => editorText(page)).toBe(both?.modified);
    await expect(notice(page)).toHaveCount(0);
    await expect(playground.getByRole("button", { name: "Undo reset" })).toBeVisible();
    await expect.poll(() => savedDraft(page)).toBeNull();
  });
});
