import AxeBuilder from "@axe-core/playwright";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { freePort } from "../scripts/browser-session.mjs";
// Its own origin, so not ./fixtures' test (which refuses requests to any other than baseURL's).
import { expect, test, type Page } from "@playwright/test";
import { startPlainServer } from "./plain-server";

// A course of one's own, built into its own static site: e2e/fixtures/course-small (course.yaml
// with a title, intro, two parts, an accent colour and a logo) through `vite build` with
// LANES_LESSONS_DIR, into a folder of its own, served as a plain static host serves it. One build
// for the whole file; Monaco is left out (external) to keep it quick, so a lesson's editor here is
// the plain-text fallback: what is tested is the course, not the editor.
let outDir: string;
let server: Server;
let origin: string;
let buildMs = 0;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  outDir = mkdtempSync(join(tmpdir(), "lanes-course-site-"));
  process.env.LANES_LESSONS_DIR = "e2e/fixtures/course-small";
  const started = Date.now();
  try {
    await build({ logLevel: "warn", build: { outDir, emptyOutDir: true, rolldownOptions: { external: [/^monaco-editor/] } } });
  } finally {
    delete process.env.LANES_LESSONS_DIR;
  }
  buildMs = Date.now() - started;
  const port = await freePort();
  server = await startPlainServer(outDir, port);
  origin = `http://127.0.0.1:${port}`;
});

test.afterAll(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  rmSync(outDir, { recursive: true, force: true });
});

const accent = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent").trim());
const logoShown = (page: Page, scope = "") =>
  page.evaluate((s) => {
    const img = document.querySelector<HTMLImageElement>(`${s} img.course-logo`);
    return img !== null && img.complete && img.naturalWidth > 0;
  }, scope);

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`);
}

test("the prerendered pages carry the course's title, intro, parts, accent and logo", () => {
  test.info().annotations.push({ type: "build", description: `${buildMs} ms` });
  const home = readFileSync(join(outDir, "index.html"), "utf8");
  expect(home).toContain("<title>Pools in a weekend</title>");
  expect(home).toContain("A short course of one&#x27;s own");
  expect(home).toMatch(/<h2[^>]*>Waiting<\/h2>[\s\S]*<h2[^>]*>Computing<\/h2>/);
  expect(home).toContain("--accent:#c2185b;");
  expect(home).toMatch(/<img class="course-logo" src="\/course\/logo-[0-9a-f]{8}\.svg" alt=""\/>/);
  const lesson = readFileSync(join(outDir, "lessons/sleepers.html"), "utf8");
  expect(lesson).toContain("<title>Sleepers · Pools in a weekend</title>");
  expect(lesson).toContain('<meta property="og:title" content="Sleepers · Pools in a weekend" />');
  expect(readFileSync(join(outDir, "404.html"), "utf8")).toContain("<title>Page not found · Pools in a weekend</title>");
});

for (const scheme of ["light", "dark"] as const) {
  test(`the home page shows the course, its accent and logo, and a lesson opens (${scheme})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${origin}/`);
    await expect(page).toHaveTitle("Pools in a weekend");
    await expect(page.getByRole("heading", { level: 1, name: "Pools in a weekend" })).toBeVisible();
    await expect(page.getByText("A short course of one's own")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2 })).toHaveText(["Waiting", "Computing"]);
    // Light mode keeps the author's colour (it reads on white); dark mode a lighter tone of it.
    if (scheme === "light") expect(await accent(page)).toBe("#c2185b");
    else expect(await accent(page)).toMatch(/^#(?!c2185b)[0-9a-f]{6}$/);
    await expect.poll(() => logoShown(page, ".home-intro")).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("link", { name: /Sleepers/ }).click();
    await expect(page).toHaveURL(/\/lessons\/sleepers$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sleepers" })).toBeVisible();
    await expect(page).toHaveTitle("Sleepers · Pools in a weekend");
    await expect(page.getByRole("link", { name: "Pools in a weekend" })).toBeVisible();
    await expect.poll(() => logoShown(page, ".course-header")).toBe(true);
    await expect(page.getByTestId("playground-sleepers")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("the embed of a lesson's playground carries the course's title, logo and accent", async ({ page }) => {
  await page.goto(`${origin}/embed?lesson=sleepers&playground=sleepers`);
  await expect(page.getByTestId("playground-sleepers")).toBeVisible();
  await expect(page).toHaveTitle("Sleepers · Pools in a weekend");
  await expect(page.locator(".embed-title")).toHaveText("Pools in a weekend · Sleepers");
  await expect.poll(() => logoShown(page, ".embed-bar")).toBe(true);
  expect(await accent(page)).toBe("#c2185b");
});

// A student's saved draft after the course was published again with new code for its playground.
const DRAFT = 'import { print } from "lanes";\n\nexport default async function main() {\n  print("mine");\n}\n';
async function withDraft(page: Page, draft: object) {
  await page.goto(`${origin}/`);
  await page.locator("html[data-app=ready]").waitFor({ state: "attached" }); // the app has read the store
  await page.evaluate((d) => localStorage.setItem("lanes-progress:sleepers", JSON.stringify({ version: 2, blocks: { sleepers: { hintsShown: 0, solutionShown: false, draft: d } } })), draft);
  await page.goto(`${origin}/lessons/sleepers`);
  await expect(page.getByTestId("playground-sleepers").locator(".code-editor")).not.toHaveAttribute("data-status", "loading");
}
const changedNotice = (page: Page) => page.getByRole("status").filter({ hasText: "The lesson’s code has changed since you edited it." });

test("a draft saved from another version of the lesson's code is kept, and the student is told", async ({ page }) => {
  await withDraft(page, { code: DRAFT, savedAt: 1, starter: "0badc0de" });
  await expect(changedNotice(page)).toBeVisible();
  await expect(page.getByLabel("Code of playground sleepers")).toHaveValue(DRAFT);
  // Monaco is not in this build: the comparison falls back to the two texts.
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("figure", { name: "Your code", exact: true }).locator("pre")).toHaveText(DRAFT);
  await expect(page.getByRole("figure", { name: "The lesson’s new code", exact: true }).locator("pre")).toContainText("await sleep(50);");
  await page.getByRole("button", { name: "Keep mine" }).click();
  await expect(changedNotice(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Code of playground sleepers")).toHaveValue(DRAFT);
  await expect(changedNotice(page)).toHaveCount(0);
});

test("a draft saved before Lanes recorded its starter is not reported", async ({ page }) => {
  await withDraft(page, { code: DRAFT, savedAt: 1 });
  await expect(page.getByLabel("Code of playground sleepers")).toHaveValue(DRAFT);
  await expect(changedNotice(page)).toHaveCount(0);
});
