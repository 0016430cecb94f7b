// Replacements can be undone (button and Ctrl+Z, and the undo is what a reload shows), the
// keyboard gets into and out of the editor without changing it, and a prediction is only judged
// when it came before the run.
import type { Page } from "@playwright/test";
import type {} from "../src/ui/editor/editor-probe";
import { editorReady, expect, runFinished, test, typeProgram } from "./fixtures";

test.setTimeout(180_000);

const LESSON_1 = "/lessons/01-waiting-is-not-working";
const LESSON_2 = "/lessons/02-computing-needs-cores";
const EXERCISE = "02-computing-needs-cores-both-cores";
const MINE = 'import { print } from "lanes";\nexport default function main() { print("mine"); }\n';

const model = (page: Page, path: string) => page.evaluate((p) => window.__lanesEditors?.text(p) ?? null, path);

async function reloadAndRead(page: Page, path: string, playgroundId: string) {
  await page.waitForTimeout(600);
  await page.reload();
  await editorReady(page, page.getByTestId(`playground-${playgroundId}`));
  return model(page, path);
}

test("the solution put in the editor shows the code tab and is undone by Ctrl+Z and by the button", async ({ page }) => {
  await page.goto(LESSON_2);
  const playground = page.getByTestId("playground-both-cores");
  await editorReady(page, playground);
  await typeProgram(page, playground, MINE);
  await expect.poll(() => model(page, EXERCISE)).toBe(MINE);

  await playground.getByRole("button", { name: "Show the solution" }).click();
  // Showing it switches to it: the new tab is not left for the student to find.
  await expect(playground.getByRole("tab", { name: "Solution" })).toHaveAttribute("aria-selected", "true");
  await expect(playground.locator(".monaco-colorized span").first()).toBeVisible();
  // colorize() renders spaces as &nbsp;: compare the text as read, spaces normalised.
  const solution = (await playground.getByLabel("The solution").innerText()).replace(/\u00a0/g, " ").trim();
  await playground.getByRole("button", { name: "Put the solution in the editor" }).click();
  await expect(playground.getByRole("tab", { name: "TypeScript" })).toHaveAttribute("aria-selected", "true");
  await expect.poll(async () => (await model(page, EXERCISE))?.trim()).toBe(solution);
  await expect(playground.getByText("The solution is in the editor.")).toBeVisible();

  // Ctrl+Z in the editor takes the replacement back, and that is what is saved.
  await playground.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+Z");
  await expect.poll(() => model(page, EXERCISE)).toBe(MINE);
  expect(await reloadAndRead(page, EXERCISE, "both-cores")).toBe(MINE);

  // The button does the same.
  await playground.getByRole("tab", { name: "Solution" }).click();
  await playground.getByRole("button", { name: "Put the solution in the editor" }).click();
  await expect.poll(() => model(page, EXERCISE)).not.toBe(MINE);
  await playground.getByRole("button", { name: "Undo: bring my code back" }).click();
  await expect.poll(() => model(page, EXERCISE)).toBe(MINE);
  expect(await reloadAndRead(page, EXERCISE, "both-cores")).toBe(MINE);
});

test("reset asks, then Ctrl+Z brings the student's code back, across a reload", async ({ page }) => {
  const path = "01-waiting-is-not-working-p1";
  await page.goto(LESSON_1);
  const playground = page.getByTestId("playground-p1");
  await editorReady(page, playground);
  const original = await model(page, path);
  await typeProgram(page, playground, MINE);
  await playground.getByRole("button", { name: "Reset to original" }).click();
  await playground.getByRole("button", { name: "Reset", exact: true }).click();
  await expect.poll(() => model(page, path)).toBe(original);
  await expect(playground.getByRole("button", { name: "Undo reset" })).toBeVisible();
  await playground.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+Z");
  await expect.poll(() => model(page, path)).toBe(MINE);
  expect(await reloadAndRead(page, path, "p1")).toBe(MINE);
});

test("Tab into the editor only focuses it; Escape then Tab leaves; the way out is on screen", async ({ page }) => {
  const path = "01-waiting-is-not-working-p1";
  await page.goto(LESSON_1);
  const playground = page.getByTestId("playground-p1");
  await editorReady(page, playground);
  const original = await model(page, path);
  const inEditor = () => page.evaluate(() => document.activeElement?.closest(".monaco-editor") !== null);

  // Tab from the code tabs reaches the editor, unchanged and unsaved.
  await playground.getByRole("tab", { name: "TypeScript" }).focus();
  await page.keyboard.press("Tab");
  await expect.poll(inEditor).toBe(true);
  await expect(playground.getByText("Esc then Tab leaves the editor")).toBeVisible();
  await page.waitForTimeout(600);
  expect(await model(page, path)).toBe(original);
  expect(await page.evaluate(() => localStorage.getItem("lanes-progress:01-waiting-is-not-working") ?? "")).not.toContain("draft");

  // Tab inside indents (it is a code editor); Escape, then Tab, moves on.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await expect.poll(inEditor).toBe(false);
  expect(await model(page, path)).toBe(original);
  await expect(playground.getByText("Esc then Tab leaves the editor")).toBeHidden();

  // And back: Shift+Tab returns into the editor, Escape then Shift+Tab leaves it backwards.
  await page.keyboard.press("Shift+Tab");
  await expect.poll(inEditor).toBe(true);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Shift+Tab");
  await expect(playground.getByRole("tab", { name: "TypeScript" })).toBeFocused();
  expect(await model(page, path)).toBe(original);
});

test("keyboard only: Tab reaches the prediction, the runner buttons, Run, the editor and beyond it", async ({ page }) => {
  await page.goto(LESSON_1);
  const playground = page.getByTestId("playground-p1");
  await editorReady(page, playground);
  await page.getByRole("link", { name: "All lessons" }).focus();
  const reached: string[] = [];
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press("Tab");
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return "none";
      if (el.closest(".monaco-editor")) return "editor";
      return `${el.tagName.toLowerCase()}:${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 30) ?? ""}`;
    });
    reached.push(name);
    if (name === "editor") {
      await page.keyboard.press("Escape");
    }
  }
  expect(reached).toContain("input:Your prediction in milliseconds");
  expect(reached).toContain("button:Run");
  expect(reached).toContain("editor");
  expect(reached.some((r) => r.startsWith("input:") && r !== "input:Your prediction in milliseconds")).toBe(true); // the runner choice
  // Something after the editor was reached: focus left it.
  expect(reached.indexOf("editor")).toBeLessThan(reached.length - 1);
  expect(reached[reached.indexOf("editor") + 1]).not.toBe("editor");
});

test("predictions: invalid times are refused with a message, a guess can be changed, focus stays", async ({ page }) => {
  await page.goto(LESSON_1);
  const playground = page.getByTestId("playground-p1");
  const input = playground.getByLabel("Your prediction in milliseconds");
  await expect(playground.getByRole("button", { name: "Lock in my prediction" })).toBeDisabled();
  for (const bad of ["-50", "0"]) {
    await input.fill(bad);
    await input.press("Enter");
    await expect(playground.getByRole("alert")).toContainText("above 0");
  }
  await input.fill("500");
  await input.press("Enter");
  await expect(playground.getByText("Your prediction: 500 ms.")).toBeVisible();
  await expect(playground.getByRole("button", { name: "Change my guess" })).toBeFocused();
  await playground.getByRole("button", { name: "Change my guess" }).press("Enter");
  await expect(input).toBeFocused();
  await input.fill("520");
  await input.press("Enter");
  await expect(playground.getByText("Your prediction: 520 ms.")).toBeVisible();
});

test("a prediction made after a run of the same program is not judged, and the page says why", async ({ page }) => {
  await page.goto(LESSON_1);
  const playground = page.getByTestId("playground-p1");
  await editorReady(page, playground);
  await playground.locator(".runner-picker").getByText("Async", { exact: true }).click();
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  await runFinished(page, playground);
  await expect(playground.getByText("You have already seen this program run")).toBeVisible();
  const input = playground.getByLabel("Your prediction in milliseconds");
  await input.fill("500");
  await input.press("Enter");
  await expect(playground.getByText("it will not be judged")).toBeVisible();
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  await runFinished(page, playground);
  const answer = playground.locator(".predict-answer");
  await expect(answer).toContainText("Not judged: you made this guess after seeing this program run.");
  await expect(playground.locator(".predict")).toHaveAttribute("data-state", "unjudged");
});

test("a prediction made before the run is judged against it", async ({ page }) => {
  await page.goto(LESSON_1);
  const playground = page.getByTestId("playground-p1");
  await editorReady(page, playground);
  const input = playground.getByLabel("Your prediction in milliseconds");
  await input.fill("500");
  await input.press("Enter");
  await playground.locator(".runner-picker").getByText("Async", { exact: true }).click();
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  await runFinished(page, playground);
  await expect(playground.locator(".predict-answer")).toContainText("You predicted 500 ms for async; it took");
  await expect(playground.locator(".predict")).toHaveAttribute("data-state", /right|off/);
});

test("keyboard only: after the editor Tab reaches the hints, each hint shown takes the focus, and the solution's tab takes it last", async ({ page }) => {
  await page.goto(LESSON_2);
  const playground = page.getByTestId("playground-both-cores");
  await editorReady(page, playground);
  await playground.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  const hint = playground.getByRole("button", { name: /^Show a hint \(1 of / });
  await expect(hint).toBeFocused();
  const count = Number(/of (\d+)/.exec((await hint.textContent()) ?? "")?.[1]);
  for (let i = 1; i <= count; i++) {
    await page.keyboard.press("Enter");
    // The new hint has the focus (it is read out); Tab goes on to the next hint's button.
    await expect(playground.getByRole("list", { name: "Hints" }).getByRole("listitem").nth(i - 1)).toBeFocused();
    await page.keyboard.press("Tab");
  }
  // The last hint's button is gone: Tab went on to the solution's, not to the page's body.
  await expect(playground.getByRole("button", { name: "Show the solution" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(playground.getByRole("tab", { name: "Solution" })).toBeFocused();
});
