// The editor owns its text: nothing the page does while a student types (saving the draft,
// re-rendering the playground) may drop a character or move the cursor. Read from Monaco's
// model through window.__lanesEditors, never from .view-lines (Monaco draws only what is in view).
import type { Page } from "@playwright/test";
import type {} from "../src/ui/editor/editor-probe";
import { editorReady, expect, test } from "./fixtures";

const LESSON_1 = "/lessons/01-waiting-is-not-working";
const LESSON_2 = "/lessons/02-computing-needs-cores";

// Inside a comment: no auto-closed brackets, no suggestions, no auto-indent to account for.
const WORDS = "a fast typist types this burst of words into the editor while the page saves the draft behind it ";
const BURST = `// ${WORDS.repeat(4)}`.slice(0, 300);

const model = (page: Page, path: string) => page.evaluate((p) => window.__lanesEditors?.text(p) ?? null, path);
const cursor = (page: Page, path: string) => page.evaluate((p) => window.__lanesEditors?.cursor(p) ?? null, path);

async function endOfFile(page: Page, path: string, playgroundId: string) {
  const playground = page.getByTestId(`playground-${playgroundId}`);
  await editorReady(page, playground);
  await playground.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
  const before = await model(page, path);
  expect(before).not.toBeNull();
  return before!;
}

/** Ctrl+End, Enter, then a 300-character burst at 5 ms per key: all of it lands at the end. */
async function burstAtEnd(page: Page, path: string, playgroundId: string) {
  const before = await endOfFile(page, path, playgroundId);
  await page.keyboard.press("Enter");
  await page.keyboard.type(BURST, { delay: 5 });
  const expected = `${before}\n${BURST}`;
  await expect.poll(() => model(page, path)).toBe(expected);
  const lines = expected.split("\n");
  expect(await cursor(page, path)).toEqual({ line: lines.length, column: BURST.length + 1 });
  return expected;
}

test.setTimeout(240_000); // a loaded 2-core machine: typing 300 keys at 5 ms can take a minute

test("a 300-character burst at 5 ms per key lands whole in the playground, the cursor after it", async ({ page }) => {
  await page.goto(LESSON_1);
  await burstAtEnd(page, "01-waiting-is-not-working-p1", "p1");
  // It was saved as typed (the debounced save did not write anything back).
  await page.waitForTimeout(800);
  expect(await model(page, "01-waiting-is-not-working-p1")).toContain(BURST);
});

test("a 300-character burst lands whole in an exercise's editor", async ({ page }) => {
  await page.goto(LESSON_2);
  await burstAtEnd(page, "02-computing-needs-cores-both-cores", "both-cores");
});

test("after a reload with a saved draft, a burst lands whole and the draft is what was typed", async ({ page }) => {
  const path = "01-waiting-is-not-working-p1";
  await page.goto(LESSON_1);
  const first = await burstAtEnd(page, path, "p1");
  await page.waitForTimeout(800); // the save is debounced
  await page.reload();
  await editorReady(page, page.getByTestId("playground-p1"));
  expect(await model(page, path)).toBe(first);
  const second = await burstAtEnd(page, path, "p1");
  expect(second).toBe(`${first}\n${BURST}`);
  await page.waitForTimeout(800);
  await page.reload();
  await editorReady(page, page.getByTestId("playground-p1"));
  expect(await model(page, path)).toBe(second);
});

test("pasting 2,000 lines, then typing on, keeps every line and the cursor at the end", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  for (const [url, path, id] of [
    [LESSON_1, "01-waiting-is-not-working-p1", "p1"],
    [LESSON_2, "02-computing-needs-cores-both-cores", "both-cores"],
  ] as const) {
    await page.goto(url);
    const before = await endOfFile(page, path, id);
    const pasted = Array.from({ length: 2000 }, (_, i) => `// pasted line ${i + 1} of 2000`).join("\n");
    await page.evaluate((text) => navigator.clipboard.writeText(text), `\n${pasted}`);
    await page.keyboard.press("ControlOrMeta+V");
    await page.keyboard.type(" and on", { delay: 5 });
    const expected = `${before}\n${pasted} and on`;
    await expect.poll(() => model(page, path)).toBe(expected);
    expect(await cursor(page, path)).toEqual({ line: expected.split("\n").length, column: "// pasted line 2000 of 2000 and on".length + 1 });
  }
});

test("changing workers: 3 to 13 by double-click and typing gives 13, every time", async ({ page }) => {
  const path = "01-waiting-is-not-working-p1";
  await page.goto(LESSON_1);
  const playground = page.getByTestId("playground-p1");
  await editorReady(page, playground);
  for (let attempt = 0; attempt < 5; attempt++) {
    await playground.locator(".view-line", { hasText: "new Pool" }).getByText("3", { exact: true }).dblclick();
    await page.keyboard.type("13", { delay: 5 });
    await expect.poll(() => model(page, path)).toContain("new Pool({ workers: 13 })");
    // Back to 3 for the next try, the way a student would.
    await page.keyboard.press("ControlOrMeta+Z");
    await expect.poll(() => model(page, path)).toContain("new Pool({ workers: 3 })");
  }
});
