import { editorReady, expect, runFinished, test } from "./fixtures";

test.describe("the walking skeleton", () => {
  test("home lists the lessons from lessons/*.md", async ({ page }) => {
    await page.goto("/");
    const lessons = page.getByRole("list", { name: "Lessons" }).getByRole("link");
    await expect(lessons).toHaveCount(2);
    await expect(lessons.nth(0)).toContainText("Waiting is not working");
    await expect(lessons.nth(1)).toContainText("Computing needs cores");
  });

  test("a lesson shows its prose before the editor loads, then edits and runs", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: /Waiting is not working/ }).click();
    await expect(page).toHaveURL(/\/lessons\/01-waiting-is-not-working$/);
    await expect(page.getByRole("heading", { level: 1, name: "Waiting is not working" })).toBeVisible();
    await expect(page.getByText("Most programs spend their time")).toBeVisible();

    const playground = page.getByTestId("playground-p1");
    await editorReady(page, playground);
    // Type a new line at the end of main(): the program's output must show it.
    await playground.locator(".monaco-editor .view-lines").click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type('\nexport const extra = "typed";');
    await expect(playground.locator(".monaco-editor .view-lines")).toContainText('export const extra = "typed";');

    await playground.getByRole("radio", { name: "Main thread" }).check({ force: true });
    await playground.getByRole("button", { name: "Run" }).click();
    await runFinished(page, playground);
    const output = playground.getByRole("log", { name: "Program output" });
    await expect(output).toContainText("page 1: done");
    await expect(output).toContainText("page 13: done");

    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe("function");
  });

  test("a lesson works from a cold start of its own URL, and after a reload", async ({ page }) => {
    await page.goto("/lessons/02-computing-needs-cores");
    await expect(page.getByRole("heading", { level: 1, name: "Computing needs cores" })).toBeVisible();
    await page.reload();
    const playground = page.getByTestId("playground-p1");
    await editorReady(page, playground);
    await playground.getByRole("radio", { name: "Main thread" }).check({ force: true });
    await playground.getByRole("button", { name: "Run" }).click();
    await runFinished(page, playground);
    await expect(playground.getByRole("log", { name: "Program output" })).toContainText("chunk 4:");
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  });

  test("an unknown address says so and links home", async ({ page }) => {
    await page.goto("/lessons/no-such-lesson");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await page.getByRole("link", { name: "See all lessons" }).click();
    await expect(page.getByRole("list", { name: "Lessons" })).toBeVisible();
  });
});
