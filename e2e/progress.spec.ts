import { readFile } from "node:fs/promises";
import { editorReady, expect, pickRunner, runFinished, test, typeProgram } from "./fixtures";
import type { Page } from "@playwright/test";

async function replaceCode(page: Page, playgroundId: string, code: string) {
  const playground = page.getByTestId(`playground-${playgroundId}`);
  await editorReady(page, playground);
  await typeProgram(page, playground, code);
  return playground;
}

const EXERCISE = "/lessons/02-computing-needs-cores";

async function passExercise(page: Page) {
  await page.goto(EXERCISE);
  const playground = page.getByTestId("playground-both-cores");
  await editorReady(page, playground);
  await playground.getByRole("button", { name: "Show the solution" }).click();
  await playground.getByRole("tab", { name: "Solution" }).click();
  await playground.getByRole("button", { name: "Put the solution in the editor" }).click();
  await playground.getByRole("tab", { name: "TypeScript" }).click();
  await playground.getByRole("button", { name: "Run" }).click();
  await runFinished(page, playground);
  await expect(playground.getByRole("region", { name: "Exercise" })).toContainText("✓ Passed", { timeout: 15_000 });
  return playground;
}

test("an edit survives a reload, and restored code is not run", async ({ page }) => {
  await page.goto("/lessons/01-waiting-is-not-working");
  await replaceCode(page, "p1", 'import { print } from "lanes";\nexport default function main() { print("kept"); }\n');
  await page.waitForTimeout(600); // the save is debounced
  await page.reload();
  const playground = page.getByTestId("playground-p1");
  await editorReady(page, playground);
  await expect(playground.locator(".monaco-editor .view-lines")).toContainText('print("kept")');
  await expect(playground.getByText("Press Run to see the program’s output here.")).toBeVisible();
});

test("reset asks first, and can be undone", async ({ page }) => {
  await page.goto("/lessons/01-waiting-is-not-working");
  const playground = await replaceCode(page, "p1", "export default function main() { /* mine */ }\n");
  await playground.getByRole("button", { name: "Reset to original" }).click();
  await playground.getByRole("button", { name: "Keep mine" }).click();
  await expect(playground.locator(".monaco-editor .view-lines")).toContainText("/* mine */");
  await playground.getByRole("button", { name: "Reset to original" }).click();
  await playground.getByRole("button", { name: "Reset", exact: true }).click();
  await expect(playground.locator(".monaco-editor .view-lines")).toContainText("download");
  await playground.getByRole("button", { name: "Undo reset" }).click();
  await expect(playground.locator(".monaco-editor .view-lines")).toContainText("/* mine */");
});

test("passing an exercise turns its check green and marks the lesson on the home page, across reloads", async ({ page }) => {
  await passExercise(page);
  await page.goto("/");
  const card = page.getByRole("link", { name: /Computing needs cores/ });
  await expect(card.getByLabel("1 of 1 exercises passed")).toBeVisible();
  await page.reload();
  await expect(card.getByLabel("1 of 1 exercises passed")).toBeVisible();
});

test("the starter code does not pass, and says what is missing; hints come one at a time", async ({ page }) => {
  await page.goto(EXERCISE);
  const playground = page.getByTestId("playground-both-cores");
  await editorReady(page, playground);
  await pickRunner(playground, "Workers");
  await playground.getByRole("button", { name: "Run" }).click();
  await runFinished(page, playground);
  const exercise = playground.getByRole("region", { name: "Exercise" });
  await expect(exercise).toContainText("Not yet");
  await expect(exercise.getByRole("list", { name: "Hints" })).toHaveCount(0);
  await exercise.getByRole("button", { name: /Show a hint \(1 of/ }).click();
  await expect(exercise.getByRole("list", { name: "Hints" }).locator("li")).toHaveCount(1);
});

test("export, clear storage, import: progress is back; a bad file changes nothing", async ({ page }, testInfo) => {
  await passExercise(page);
  await page.goto("/");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export progress" }).click();
  const file = testInfo.outputPath("progress.json");
  await (await download).saveAs(file);
  expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ kind: "lanes-progress", version: 1 });

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const card = page.getByRole("link", { name: /Computing needs cores/ });
  await expect(card.getByLabel("0 of 1 exercises passed")).toBeVisible();

  const bad = testInfo.outputPath("bad.json");
  await import("node:fs/promises").then((fs) => fs.writeFile(bad, '{"kind":"lanes-progress","version":1,"progress":{"blocks":{"x":{"hintsShown":"lots"}}}}'));
  await page.getByLabel("Progress file to import").setInputFiles(bad);
  await expect(page.getByRole("alert")).toContainText("nothing was changed");
  await expect(card.getByLabel("0 of 1 exercises passed")).toBeVisible();

  await page.getByLabel("Progress file to import").setInputFiles(file);
  await expect(page.getByRole("status").filter({ hasText: "Progress imported" })).toBeVisible();
  await expect(card.getByLabel("1 of 1 exercises passed")).toBeVisible();
  await page.reload();
  await expect(card.getByLabel("1 of 1 exercises passed")).toBeVisible();
});

test("with storage unavailable the app works and says work will not be saved", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await page.goto("/lessons/01-waiting-is-not-working");
  await expect(page.getByText(/your work will not be saved/)).toBeVisible();
  const playground = await replaceCode(page, "p1", 'import { print } from "lanes";\nexport default function main() { print("still runs"); }\n');
  await pickRunner(playground, "Main thread");
  await playground.getByRole("button", { name: "Run" }).click();
  await runFinished(page, playground);
  await expect(playground.getByRole("log", { name: "Program output" })).toContainText("still runs");
});

test("headings have anchors, the table of contents links to them, and lessons link to the next", async ({ page }) => {
  await page.goto("/lessons/02-computing-needs-cores");
  const toc = page.getByRole("navigation", { name: "On this page" });
  await toc.getByText("On this page").click();
  const link = toc.getByRole("link").first();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^#[\w-]+$/);
  await expect(page.locator(href!)).toHaveCount(1);
  await page.getByRole("navigation", { name: "Lessons" }).getByRole("link", { name: /Waiting is not working/ }).click();
  await expect(page).toHaveURL(/01-waiting-is-not-working/);
  await expect(page.getByRole("navigation", { name: "Lessons" }).getByRole("link", { name: /Computing needs cores/ })).toBeVisible();
});
