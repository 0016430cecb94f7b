// The built site on a host that sends no headers at all, under a sub-path (as a GitHub Pages
// project site): the service worker adds COOP/COEP and the CSP, the page reloads once on the
// first visit, and from then on it is cross-origin isolated, with no reload again.
import type { Page } from "@playwright/test";
import { loadLessons } from "../plugins/load-lessons.ts";
import { expect, editorReady, pickRunner, runFinished, test } from "./fixtures";
import { runCode, texts } from "./lanes";
import { openSink } from "./sink";
import { SUBPATH_BASE, STATIC_ORIGIN, countLoads, startStaticSite, waitUntilIsolated, type StaticSite } from "./static-site";

const { lessons, course } = loadLessons("lessons", { typecheck: false });
const firstSlug = course.parts.flatMap((part) => part.lessons)[0] ?? "";
const first = lessons.find((l) => l.lesson.meta.slug === firstSlug)?.lesson;

/** Needs SharedArrayBuffer: under workers it runs only when the page is really isolated. */
const RACE_FREE_COUNT = `
import { Pool, shared, print } from "lanes";
export function add(counter: Int32Array, times: number) { for (let i = 0; i < times; i++) Atomics.add(counter, 0, 1); return 0; }
export default async function main() {
  const counter = shared.int32(1);
  const pool = new Pool({ workers: 2 });
  await Promise.all([pool.submit(add, counter, 1000), pool.submit(add, counter, 1000)]);
  print(Atomics.load(counter, 0));
}`;

let site: StaticSite;
/** Each deployment's sw.js differs by a comment: a new build, as far as the browser can tell. */
let deployment = 1;

test.use({ baseURL: STATIC_ORIGIN, serviceWorkers: "allow" });

test.beforeAll(async () => {
  site = await startStaticSite({ rewrite: (file, body) => (file === "sw.js" ? Buffer.concat([body, Buffer.from(`\n// deployment ${deployment}\n`)]) : body) });
});

test.afterAll(async () => {
  await site.close();
});

test.beforeEach(() => {
  deployment = 1;
});

test("first visit: one reload, then isolated, and lesson 1's first playground runs under main, async and workers", async ({ page, context }) => {
  test.setTimeout(120_000);
  expect(first, `${firstSlug} is a lesson`).toBeDefined();
  const playgroundId = first!.playgrounds[0]!.id;
  const loads = countLoads(page);
  await page.goto(`${SUBPATH_BASE}lessons/${firstSlug}`);
  await waitUntilIsolated(page);
  expect(loads.count, "the first load and the service worker's one reload").toBe(2);
  expect(page.url()).toBe(`${STATIC_ORIGIN}${SUBPATH_BASE}lessons/${firstSlug}`);

  const playground = page.getByTestId(`playground-${playgroundId}`);
  await editorReady(page, playground);
  await pickRunner(playground, "All three");
  await playground.getByRole("button", { name: "Run" }).click();
  await runFinished(page, playground);
  const runs = await page.evaluate(() => window.__lanes!.lastRuns());
  expect(runs.map((r) => r.runner)).toEqual(["main", "async", "workers"]);
  for (const run of runs) {
    expect(run.ok, `${run.runner}: ${run.error?.message}`).toBe(true);
    // Isolated, and on a stage: no note says otherwise (the stage fetches nothing, so the
    // service worker it bypasses is not missed).
    expect(run.notes ?? [], `${run.runner} ran isolated, on a stage`).toEqual([]);
  }
  // Shared memory really crosses to the workers.
  const [shared] = await runCode(page, RACE_FREE_COUNT, ["workers"]);
  expect(shared!.ok, shared!.error?.message).toBe(true);
  expect(texts(shared!)).toEqual(["2000"]);
  await escapesFail(page);

  // The next visit, and a new tab, are isolated at once: no reload.
  await page.goto(`${SUBPATH_BASE}`);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const tab = await context.newPage();
  const tabLoads = countLoads(tab);
  await tab.goto(`${SUBPATH_BASE}lessons/${firstSlug}`);
  expect(await tab.evaluate(() => crossOriginIsolated)).toBe(true);
  await tab.waitForTimeout(1500); // a reload would come within this
  expect(tabLoads.count).toBe(1);
  expect(loads.count).toBe(3);
});

/**
 * The escapes that matter, from a stage on this host: the network, the app's window, the app's
 * storage. What counts is the sink (a beacon is queued, then refused by the CSP) and the storage.
 */
async function escapesFail(page: Page): Promise<void> {
  const sink = await openSink(0, 0);
  try {
    await page.evaluate(() => localStorage.setItem("lanes-escape-canary", "kept"));
    const storage = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
    const attempt = (what: string, code: string) => `try { ${code}; print("${what}: attempted"); } catch (e) { print("${what}: refused", (e as Error).name); }`;
    const program = `import { print, sleep } from "lanes";
export default async function main() {
  ${attempt("fetch", `await fetch("${sink.httpUrl}/fetch")`)}
  ${attempt("beacon", `navigator.sendBeacon("${sink.httpUrl}/beacon", "x")`)}
  ${attempt("app window", `print(String((parent as any).__lanes), String(top!.document.title))`)}
  ${attempt("localStorage", `localStorage.setItem("lanes-escape-canary", "changed")`)}
  await sleep(200);
  print("still on stage");
}`;
    const runs = await runCode(page, program, ["main", "async", "workers"]);
    for (const run of runs) {
      expect(run.notes ?? [], run.runner).toEqual([]);
      expect(texts(run), run.runner).toEqual(["fetch: refused TypeError", "beacon: attempted", "app window: refused SecurityError", "localStorage: refused SecurityError", "still on stage"]);
    }
    // A navigation nothing inside a frame can cancel: the app's frame-src keeps it on the site.
    await runCode(page, `import { sleep } from "lanes"; export default async function main() { location.href = "${sink.httpUrl}/href"; await sleep(300); }`, ["main"]);
    await page.waitForTimeout(300); // anything late would arrive now
    expect(sink.hits(), "requests that reached the sink").toEqual([]);
    expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(storage);
  } finally {
    await sink.close();
  }
}

test("a new deployment is offered quietly, and switching to it waits for the run in progress", async ({ page }) => {
  test.setTimeout(90_000);
  const loads = countLoads(page);
  await page.goto(SUBPATH_BASE);
  await waitUntilIsolated(page);
  const notice = page.getByRole("status", { name: "New version" });
  await expect(notice).toHaveCount(0);

  deployment = 2;
  await page.reload(); // the browser checks sw.js on navigation, finds it changed and installs it
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText("A new version is ready.");
  const loadsBefore = loads.count;

  // A run is in progress: asking for the new version waits until it ends.
  const running = page.evaluate(() => window.__lanes!.run(`import { sleep } from "lanes"; export default async function main() { await sleep(2500); }`, ["async"]));
  await page.waitForTimeout(300);
  await notice.getByRole("button", { name: "Reload" }).click();
  await expect(notice).toContainText("when this run ends");
  await page.waitForTimeout(1000);
  expect(loads.count, "no reload during the run").toBe(loadsBefore);
  await running.catch(() => undefined); // the reload may end the evaluation
  await expect.poll(() => loads.count, { timeout: 15_000 }).toBe(loadsBefore + 1);
  await page.waitForLoadState("load");
  await expect(notice).toHaveCount(0);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const waiting = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null);
  expect(waiting, "the new version is the active one").toBeNull();
});
