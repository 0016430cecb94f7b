import type { Page } from "@playwright/test";
import { editorReady, expect, pickRunner, runFinished, test, typeProgram } from "./fixtures";

test.describe("the walking skeleton", () => {
  test("home lists the lessons from lessons/*.md, in the parts of lessons/course.yaml", async ({ page }) => {
    await page.goto("/");
    const lessons = page.getByRole("list", { name: "Waiting and computing" }).getByRole("link");
    await expect(lessons.nth(0)).toContainText("Concurrency is not parallelism");
    await expect(lessons.nth(1)).toContainText("Waiting is not working");
    await expect(lessons.nth(2)).toContainText("Computing needs cores");
    await expect(page.getByRole("list", { name: "Threads, processes and futures" }).getByRole("link", { name: /Results as they come/ })).toBeVisible();
  });

  test("a lesson shows its prose before the editor loads, then edits and runs", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: /Waiting is not working/ }).click();
    await expect(page).toHaveURL(/\/lessons\/01-waiting-is-not-working$/);
    await expect(page.getByRole("heading", { level: 1, name: "Waiting is not working" })).toBeVisible();
    await expect(page.getByText("Most programs spend their time")).toBeVisible();

    const playground = page.getByTestId("playground-p1");
    await editorReady(page, playground);
    // Replace the program through the editor: what runs must be what was typed.
    await typeProgram(page, playground, 'import { print } from "lanes";\nexport default function main() {\n  print("typed by a student");\n}\n');
    await expect(playground.locator(".monaco-editor .view-lines")).toContainText("typed by a student");

    await pickRunner(playground, "Main thread");
    await playground.getByRole("button", { name: "Run" }).click();
    await runFinished(page, playground);
    const output = playground.getByRole("log", { name: "Program output" });
    await expect(output).toContainText("typed by a student");
    await expect(output).not.toContainText("page 1: done");

    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe("function");
  });

  test("a lesson works from a cold start of its own URL, and after a reload", async ({ page }) => {
    await page.goto("/lessons/02-computing-needs-cores");
    await expect(page.getByRole("heading", { level: 1, name: "Computing needs cores" })).toBeVisible();
    await page.reload();
    const playground = page.getByTestId("playground-p1");
    await editorReady(page, playground);
    await pickRunner(playground, "Main thread");
    await playground.getByRole("button", { name: "Run" }).click();
    await runFinished(page, playground);
    await expect(playground.getByRole("log", { name: "Program output" })).toContainText("chunk 4:");
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  });

  test("an unknown address says so and links home", async ({ page }) => {
    await page.goto("/lessons/no-such-lesson");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await page.getByRole("link", { name: "See all lessons" }).click();
    await expect(page.getByRole("list", { name: "Waiting and computing" })).toBeVisible();
  });
});

/** Type `code` into lesson 1's first playground and run it under main. */
async function runUnderMain(page: Page, code: string) {
  await page.goto("/lessons/01-waiting-is-not-working");
  const playground = page.getByTestId("playground-p1");
  await editorReady(page, playground);
  await typeProgram(page, playground, code);
  await pickRunner(playground, "Main thread");
  await playground.getByRole("button", { name: "Run" }).click();
  await runFinished(page, playground);
  return playground;
}

test("a program that prints 100,000 lines leaves the page responsive, showing them 500 at a time", async ({ page }) => {
  const started = Date.now();
  const playground = await runUnderMain(page, 'import { print } from "lanes";\nexport default function main() {\n  for (let i = 0; i < 100000; i++) print("line", i);\n}\n');
  const output = playground.getByRole("log", { name: "Program output" });
  await expect(output.locator(".output-lines li")).toHaveCount(500);
  await expect(output).toContainText("Showing 500 of 100,000 lines.");
  // It took 30 s when every line was an element. With the stage, the 100,000 lines cross from
  // the program's page to the app and are checked there: __lanes.run took 2.6–3.3 s for a 0.7 s
  // main() at load 8, and this whole test (page load and typing included) 11–14 s.
  expect(Date.now() - started).toBeLessThan(20_000);
  await output.getByRole("button", { name: "Show 500 more" }).click();
  await expect(output.locator(".output-lines li")).toHaveCount(1000);
  await expect(output.locator(".output-lines li").last()).toContainText("line 999");
  await expect(output).toContainText("Showing 1,000 of 100,000 lines.");
});

test("a very long output line is shown cut, saying how much is left out", async ({ page }) => {
  const playground = await runUnderMain(page, 'import { print } from "lanes";\nexport default function main() {\n  print("x".repeat(50000));\n}\n');
  const text = playground.getByRole("log", { name: "Program output" }).locator(".output-text").first();
  await expect(text).toHaveText(`${"x".repeat(10000)}… (40,000 more characters)`);
});
