import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { loadLessons } from "../plugins/load-lessons.ts";
import type { PlaygroundBlock } from "../src/lessons/lesson-model.ts";
import { expect, runFinished, test } from "./fixtures";

const { lessons } = loadLessons("lessons", { typecheck: false });
const slugs = lessons.map(({ lesson }) => lesson.meta.slug);

/** Serious and critical violations, each as "rule: what, at which elements". */
async function seriousViolations(page: Page, options: { withEditors: boolean }): Promise<string[]> {
  let axe = new AxeBuilder({ page });
  // Monaco is one component with one theme on every page, and most of axe's time on a lesson
  // (thousands of token spans): it is checked in full on the first lesson, in both schemes.
  if (!options.withEditors) axe = axe.exclude(".monaco-editor");
  const result = await axe.analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => `${n.target.join(" ")} (${n.failureSummary ?? ""})`).join("; ")}`);
}

/**
 * Lessons whose first playground shows, after a run, each kind of result a student meets: the
 * first lesson (with the editor checked in full), a prediction's verdict, a declared failure, one
 * runner alone, all three side by side, and blocked spans with wake-up arrows. Chosen from the
 * lessons' own blocks, so the set follows the course.
 */
function afterRunLessons(): string[] {
  const firstWith = (has: (block: PlaygroundBlock) => boolean) =>
    lessons.find(({ lesson }) => lesson.playgrounds[0] !== undefined && has(lesson.playgrounds[0]))?.lesson.meta.slug;
  const picked = [slugs[0], firstWith((b) => b.predict !== undefined), firstWith((b) => b.outcome !== undefined), firstWith((b) => b.runners.length === 1), firstWith((b) => b.runners.length === 3), firstWith((b) => /new (Lock|Queue)\b/.test(b.code)), firstWith((b) => (b.files?.length ?? 0) > 0)];
  return [...new Set(picked.filter((slug): slug is string => slug !== undefined))];
}

async function openLesson(page: Page, slug: string) {
  await page.goto(`/lessons/${slug}`);
  await expect(page.locator(".code-editor").first()).toHaveAttribute("data-status", "ready");
}

// The four tests are independent: the shared project's two workers take two at a time.
test.describe.configure({ mode: "parallel" });

for (const scheme of ["light", "dark"] as const) {
  test(`axe: no serious or critical violation on the home page and every lesson before a run, ${scheme}`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/");
    // Every page is checked before any assertion, so one failure lists all there is to fix.
    const found: Record<string, string[]> = { home: await seriousViolations(page, { withEditors: false }) };
    for (const [i, slug] of slugs.entries()) {
      await openLesson(page, slug);
      found[slug] = await seriousViolations(page, { withEditors: i === 0 });
    }
    expect(Object.entries(found).filter(([, v]) => v.length > 0)).toEqual([]);
  });

  test(`axe: no serious or critical violation after a run, on a lesson of each kind of result, ${scheme}`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme: scheme });
    const picked = afterRunLessons();
    expect(picked.length).toBeGreaterThanOrEqual(2);
    const found: Record<string, string[]> = {};
    for (const [i, slug] of picked.entries()) {
      await openLesson(page, slug);
      // After a run the timelines, their legend, summaries and output are on the page too.
      const playground = page.locator("[data-testid^=playground-]").first();
      await playground.getByRole("button", { name: "Run" }).click();
      await runFinished(page, playground);
      found[`${slug} after a run`] = await seriousViolations(page, { withEditors: i === 0 });
    }
    expect(Object.entries(found).filter(([, v]) => v.length > 0)).toEqual([]);
  });
}
