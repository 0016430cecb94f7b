// Every lesson's Python twins run, in the browser, as a student runs them: one page goes from
// lesson to lesson by the app's own navigation (so Pyodide loads once and stays warm), runs each
// lesson's first twin with its Run Python button and every other twin through
// `window.__lanes.run(code, ["python"])`, and requires each to end ok, or fail as the lesson's
// outcome block declares under `python:` (the check lessons:check makes: verifyPythonTwin).
// The lessons are read with the build's own loader: a lesson added to lessons/ is run here.
import type { Page } from "@playwright/test";
import { loadLessons } from "../plugins/load-lessons.ts";
import type { LessonProblem } from "../src/lessons/problems.ts";
import type { RunCode } from "../src/lessons/verify-exercise.ts";
import { verifyPythonTwin } from "../src/lessons/verify-python-twin.ts";
import { expect, test } from "./fixtures";

const loaded = loadLessons("lessons", { typecheck: false });

/** Go to a lesson the way a link in the app does: no page load, so the Python worker stays. */
async function openLesson(page: Page, slug: string, title: string) {
  await page.evaluate((href) => {
    window.history.pushState(null, "", href);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, `/lessons/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

/** The first twin: its playground's Python tab, Run Python, and the run it drew. */
function byRunPython(page: Page, playgroundId: string): RunCode {
  return async () => {
    const playground = page.getByTestId(`playground-${playgroundId}`);
    await playground.getByRole("tab", { name: "Python" }).click();
    const panel = playground.locator(".python-panel");
    const before = await latest(page);
    await panel.getByRole("button", { name: "Run Python" }).click();
    // A new run has finished (the first one waits for Pyodide to load: a minute, loaded).
    await expect.poll(() => latest(page), { timeout: 150_000 }).not.toBe(before);
    await expect(panel).toHaveAttribute("data-state", "idle");
    return page.evaluate(() => window.__lanes!.lastRuns());
  };
}

/** Which run finished last, told apart by its wall time (to the microsecond). */
const latest = (page: Page) => page.evaluate(() => window.__lanes!.lastRuns().map((r) => `${r.runner} ${r.wallMs}`).join());

const byAutomation =
  (page: Page): RunCode =>
  (code, runners, timeLimitMs, files) =>
    page.evaluate(([c, r, limit, f]) => window.__lanes!.run(c, r, { timeLimitMs: limit, files: f }), [code, runners, timeLimitMs, files ? [...files] : undefined] as const);

test("every lesson's Python twin runs and ends as its lesson says", async ({ page }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  await page.goto("/");
  const problems: LessonProblem[] = [];
  const timings: string[] = [];
  let twins = 0;
  const started = Date.now();
  for (const { file, lesson } of loaded.lessons) {
    const withTwin = lesson.playgrounds.filter((p) => p.python);
    if (withTwin.length === 0) continue;
    await openLesson(page, lesson.meta.slug, lesson.meta.title);
    for (const [i, playground] of withTwin.entries()) {
      const t0 = Date.now();
      problems.push(...(await verifyPythonTwin(file, playground, i === 0 ? byRunPython(page, playground.id) : byAutomation(page), byAutomation(page))));
      timings.push(`${lesson.meta.slug}/${playground.id} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      twins++;
    }
  }
  console.log(`${twins} Python twins in ${((Date.now() - started) / 1000).toFixed(1)} s (Pyodide's first load included):\n  ${timings.join("\n  ")}`);
  expect(twins).toBe(loaded.lessons.reduce((n, l) => n + l.lesson.playgrounds.filter((p) => p.python).length, 0));
  expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
  expect(errors).toEqual([]);
});
