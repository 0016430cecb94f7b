import { test as base, expect, type Locator, type Page } from "@playwright/test";

/** Every test records the requests its page makes: none may leave the app's origin. */
export const test = base.extend<{ foreignRequests: string[] }>({
  foreignRequests: [
    async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL ?? "http://localhost").origin;
    const foreign: string[] = [];
    page.on("request", (request) => {
      const url = request.url();
      if (url.startsWith("blob:") || url.startsWith("data:")) {
        // blob:null/… are the stage's own (a sandboxed frame has an opaque origin, "null").
        if (!url.startsWith(`blob:${origin}`) && !url.startsWith("blob:null/") && !url.startsWith("data:")) foreign.push(url);
        return;
      }
      if (new URL(url).origin !== origin) foreign.push(url);
    });
    await use(foreign);
    expect(foreign, "requests to other origins").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Wait until Monaco has replaced the read-only preview of a playground. */
export async function editorReady(page: Page, playground = page.getByTestId("playground-p1")) {
  // The first editor is the program's own (main.ts); helper files' editors follow it, in hidden tabs.
  await expect(playground.locator(".code-editor").first()).toHaveAttribute("data-status", "ready");
  await expect(playground.locator(".monaco-editor .view-lines").first()).toBeVisible();
}

/** Replace a playground's program by typing into its editor, as a student would. */
export async function typeProgram(page: Page, playground: Locator, code: string) {
  await playground.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(code);
}

/** Wait until a playground's run has finished. */
export async function runFinished(page: Page, playground = page.getByTestId("playground-p1")) {
  await expect(playground).toHaveAttribute("data-state", "idle", { timeout: 30_000 });
}

/** Choose a runner in a playground's runner picker ("All three", "Main thread", "Async", "Workers"). */
export async function pickRunner(playground: Locator, label: string) {
  await playground.locator(".runner-picker").getByText(label, { exact: true }).click();
}
