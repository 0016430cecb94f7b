// Every lesson of the course, as a student meets it: the page opens, its first playground runs
// from the Run button under every runner it offers and ends as the lesson says (ok, or the
// failure its outcome block declares), nothing goes wrong on the page, and every playground's
// Python tab shows the lesson's Python code. (Every other playground, under every runner, is run
// by `npm run lessons:check`, which `npm run test:e2e` runs before this.) The lessons are read
// with the build's own loader, so a lesson added to lessons/ is tested without touching this file.
import type { Page } from "@playwright/test";
import { loadLessons } from "../plugins/load-lessons.ts";
import type { Runner } from "../src/trace/run.ts";
import { outcomeMismatch } from "../src/lessons/outcome.ts";
import { editorReady, expect, pickRunner, runFinished, test } from "./fixtures";

const { lessons, course } = loadLessons("lessons", { typecheck: false });

const LABELS: Record<Runner, string> = { main: "Main thread", async: "Async", workers: "Workers", python: "Python" }; // python: never offered by the picker (the Python tab runs it)

/** The picker's choice that runs every runner a playground offers. */
function everyRunner(runners: readonly Runner[]): string {
  if (runners.length === 3) return "All three";
  if (runners.length === 2) return "Both";
  return LABELS[runners[0] as Runner];
}


/** Uncaught errors and console errors of the page, from now on. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return errors;
}

test("the home page lists every lesson in its part, with its level and time", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: course.title })).toBeVisible();
  for (const part of course.parts) {
    const section = page.getByRole("region", { name: part.title });
    await expect(section.getByRole("heading", { level: 2, name: part.title })).toBeVisible();
    const links = section.getByRole("link");
    await expect(links).toHaveCount(part.lessons.length);
    for (const [i, slug] of part.lessons.entries()) {
      const meta = lessons.find((l) => l.lesson.meta.slug === slug)?.lesson.meta;
      await expect(links.nth(i)).toHaveAttribute("href", `/lessons/${slug}`);
      await expect(links.nth(i)).toContainText(meta?.title ?? slug);
      await expect(links.nth(i)).toContainText(`${meta?.level} · ${meta?.minutes} min`);
    }
  }
});

for (const { lesson } of lessons) {
  const { meta, playgrounds } = lesson;
  const first = playgrounds[0];

  test(`${meta.slug}: opens, runs its first playground under ${first?.runners.join(", ")}, shows its Python`, async ({ page }) => {
    test.skip(!first, "the lesson has no playground");
    if (!first) return;
    test.setTimeout(90_000);
    const errors = watchErrors(page);
    await page.goto(`/lessons/${meta.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: meta.title })).toBeVisible();

    const playground = page.getByTestId(`playground-${first.id}`);
    await editorReady(page, playground);
    await pickRunner(playground, everyRunner(first.runners));
    await playground.getByRole("button", { name: "Run" }).click();
    await runFinished(page, playground);
    const runs = await page.evaluate(() => window.__lanes!.lastRuns());
    expect(runs.map((r) => r.runner)).toEqual(first.runners);
    for (const run of runs) expect(outcomeMismatch(run, first.outcome), `${run.runner}: ${run.error?.message ?? "ok"}`).toBeUndefined();
    await expect(playground.getByRole("log", { name: "Program output" })).not.toBeEmpty();

    for (const block of playgrounds) {
      const python = block.python;
      expect(python, `playground "${block.id}" has a Python twin`).toBeDefined();
      if (!python) continue;
      const where = page.getByTestId(`playground-${block.id}`);
      await where.getByRole("tab", { name: "Python" }).click();
      const panel = where.getByRole("tabpanel");
      const firstLine = python.code.split("\n").find((line) => line.trim() !== "") ?? "";
      // The Python tab is an editor once opened: read its model (Monaco shows only the lines in view).
      await expect(panel).toContainText(firstLine.trim());
      const path = `${meta.slug}-${block.id}-python`;
      await expect.poll(() => page.evaluate((p) => window.__lanesEditors?.text(p) ?? null, path), { timeout: 30_000 }).toBe(python.code);
    }
    expect(errors).toEqual([]);
  });
}
