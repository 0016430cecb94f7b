import type { Page } from "@playwright/test";
import type {} from "../src/automation-types";
import type { Run, Runner } from "../src/trace/run";

/** Run a program through the page's automation entry point (the Run button's own path). */
export async function runCode(page: Page, code: string, runners?: Runner[]): Promise<Run[]> {
  await page.waitForFunction(() => window.__lanes !== undefined);
  return page.evaluate(([c, r]) => window.__lanes!.run(c, r), [code, runners] as const);
}

export function byRunner(runs: Run[]): Record<Runner, Run> {
  return Object.fromEntries(runs.map((run) => [run.runner, run])) as Record<Runner, Run>;
}

export function texts(run: Run): string[] {
  return run.output.map((line) => line.text);
}

/** The app has replaced the prerendered page: its buttons and inputs are the app's from now on. */
export async function appReady(page: Page): Promise<void> {
  await page.locator("html[data-app=ready]").waitFor({ state: "attached" });
}
