import { editorReady, expect, test } from "./fixtures";

test("the editor knows the lanes module: hover docs and type errors", async ({ page }) => {
  await page.goto("/lessons/01-waiting-is-not-working");
  const playground = page.getByTestId("playground-p1");
  await editorReady(page, playground);
  const lines = playground.locator(".monaco-editor .view-lines");
  await lines.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText('import { sleep } from "lanes";\nexport default async function main() {\n  await sleep("soon");\n}\n');
  // A string where a number belongs: TypeScript, fed the lanes types, underlines it.
  await expect(playground.locator(".squiggly-error")).toHaveCount(1, { timeout: 20_000 });

  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText('import { sleep } from "lanes";\nexport default async function main() {\n  await sleep(100);\n}\n');
  await expect(playground.locator(".squiggly-error")).toHaveCount(0, { timeout: 20_000 });

  await playground.locator(".view-line", { hasText: "await sleep(100)" }).getByText("sleep", { exact: true }).hover();
  await expect(page.locator(".monaco-hover:visible")).toContainText("Wait for", { timeout: 20_000 });
  await expect(page.locator(".monaco-hover:visible")).toContainText("blocks the page's thread");
});
