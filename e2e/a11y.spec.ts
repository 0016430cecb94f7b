import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, runFinished, test } from "./fixtures";

/** Serious and critical violations, each as "rule: what, at which elements". */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => `${n.target.join(" ")} (${n.failureSummary ?? ""})`).join("; ")}`);
}

async function lessonPaths(page: Page): Promise<string[]> {
  await page.goto("/");
  const hrefs = await page.locator('a[href^="/lessons/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs)];
}

for (const scheme of ["light", "dark"] as const) {
  test(`axe finds no serious or critical violation on the home page and every lesson, ${scheme}`, async ({ page }) => {
    test.setTimeout(600_000); // axe over Monaco's DOM takes a while on a loaded 2-core machine
    await page.emulateMedia({ colorScheme: scheme });
    const paths = await lessonPaths(page);
    expect(paths.length).toBeGreaterThanOrEqual(3);
    // Every page is checked before any assertion, so one failure lists all there is to fix.
    const found: Record<string, string[]> = { home: await seriousViolations(page) };
    for (const [i, path] of paths.entries()) {
      await page.goto(path);
      await expect(page.locator(".code-editor").first()).toHaveAttribute("data-status", "ready");
      found[`${path} before a run`] = await seriousViolations(page);
      // Dark differs from light in colours only, and a run's results are the same components on
      // every lesson: in dark, every third lesson is checked after a run (axe over a page with
      // Monaco and three timelines takes ~10 s here; all 19 twice would be minutes of CI).
      if (scheme === "dark" && i % 3 !== 0) continue;
      // After a run the timelines, their legend, summaries and output are on the page too.
      const playground = page.locator("[data-testid^=playground-]").first();
      await playground.getByRole("button", { name: "Run" }).click();
      await runFinished(page, playground);
      found[`${path} after a run`] = await seriousViolations(page);
    }
    expect(Object.entries(found).filter(([, v]) => v.length > 0)).toEqual([]);
  });
}
