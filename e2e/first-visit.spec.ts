// A first visit: every page is readable before (and without) JavaScript, then the app takes it
// over with the same content; the editor replaces the static code without moving the page.
import type { Browser, Page } from "@playwright/test";
import { loadLessons } from "../plugins/load-lessons.ts";
import { editorReady, expect, test } from "./fixtures";

/** Every lesson page's <title> ends with the course's (lessons/course.yaml). */
const COURSE_TITLE = loadLessons("lessons", { typecheck: false }).course.title;

/** The lesson addresses, as the (static) home page links to them. */
async function lessonPaths(browser: Browser, baseURL: string): Promise<string[]> {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto("/");
  const hrefs = await page.locator(".lesson-list").getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  await context.close();
  return hrefs;
}

/** Sums layout shifts not caused by input, from the first paint on (PerformanceObserver, buffered). */
async function watchLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) w.__cls += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

test("with JavaScript off, the home page lists the lessons and every lesson shows its title, prose and code", async ({ browser, baseURL }) => {
  const paths = await lessonPaths(browser, baseURL!);
  expect(paths.length).toBeGreaterThan(0);
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const title = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
    expect(title.length, `${path}: title`).toBeGreaterThan(0);
    await expect(page).toHaveTitle(`${title} · ${COURSE_TITLE}`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /\S/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", `${title} · ${COURSE_TITLE}`);
    await expect(page.locator(".prose p").first(), `${path}: prose`).toBeVisible();
    // Built where no browser storage exists, the page must not claim the reader's browser cannot save.
    await expect(page.locator(".storage-notice"), `${path}: no storage warning`).toHaveCount(0);
    const code = page.locator(".code-editor .code-fallback").first();
    await expect(code, `${path}: code`).toBeVisible();
    await expect(code).toContainText('from "lanes"');
  }
  await context.close();
});

test("with JavaScript on, a lesson becomes interactive, its editor holds the static code, and nothing shifts", async ({ browser, baseURL, page, context }) => {
  const [path] = await lessonPaths(browser, baseURL!);
  const still = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const staticPage = await still.newPage();
  await staticPage.goto(path!);
  const staticCode = await staticPage.locator(".code-editor .code-fallback").first().textContent();
  await still.close();

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await watchLayoutShifts(page);
  await page.goto(path!);
  const playground = page.locator("[data-testid^=playground-]").first(); // the lesson's first, whatever its id
  await editorReady(page, playground);
  await playground.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+C");
  const editorCode = await page.evaluate(() => navigator.clipboard.readText());
  expect(editorCode.trimEnd()).toBe(staticCode?.trimEnd());
  await page.waitForTimeout(300); // a shift from the editor's first layout would be recorded by now
  const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
  expect(cls, "cumulative layout shift while the app and the editor take over").toBeLessThanOrEqual(0.05);
  await expect(page.getByRole("button", { name: "Run" }).first()).toBeEnabled();
});

test("the home page loads no editor code", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script" || r.url().endsWith(".js")) scripts.push(r.url());
  });
  await page.goto("/");
  // The course's first part lists its lessons (lessons/course.yaml).
  await expect(page.getByRole("list", { name: "Waiting and computing" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((url) => /monaco|editor\.|\.worker|tsMode|typescript-/.test(url))).toEqual([]);
});

test("an unknown address still gets the app, which says the page is not found", async ({ page }) => {
  const response = await page.goto("/lessons/no-such-lesson");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "See all lessons" }).click();
  // The course's first part lists its lessons (lessons/course.yaml).
  await expect(page.getByRole("list", { name: "Waiting and computing" })).toBeVisible();
});

test.describe("what a first visit to a lesson fetches", () => {
  test.use({ serviceWorkers: "allow" });

  test("before its editor is ready: the editor, not the program's page or the service worker's precache; those follow", async ({ browser, baseURL, page }) => {
    const [path] = await lessonPaths(browser, baseURL!);
    const requests: { url: string; fromWorker: boolean; at: number }[] = [];
    page.context().on("request", (r) => requests.push({ url: r.url(), fromWorker: r.serviceWorker() !== null, at: Date.now() }));
    await page.goto(path!);
    const playground = page.locator("[data-testid^=playground-]").first();
    await editorReady(page, playground);
    const ready = Date.now();
    const before = requests.filter((r) => r.at <= ready);
    expect(before.some((r) => /monaco-setup/.test(r.url)), "the editor's code").toBe(true);
    const deferred = (r: { url: string; fromWorker: boolean }) => r.fromWorker || /\/sw\.js$|lanes-stage-code/.test(r.url);
    expect(before.filter(deferred).map((r) => r.url)).toEqual([]);
    // Once the page is idle, the first Run's stage and the offline copy start: deferred, not dropped.
    await expect.poll(() => requests.some((r) => /lanes-stage-code/.test(r.url)), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => requests.some((r) => r.fromWorker), { timeout: 20_000 }).toBe(true);
  });
});
