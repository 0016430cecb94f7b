import { deflateRawSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { editorReady, expect, pickRunner, test, typeProgram } from "./fixtures";

// Share links: the program travels in the URL fragment; opening one shows it, never runs it,
// and never overwrites the student's own saved code unasked.

const LESSON = "/lessons/01-waiting-is-not-working";
const EDITOR = "01-waiting-is-not-working-p1";
const STORED = "lanes-progress:01-waiting-is-not-working";
// Nothing here may run it: a run would leave its output and a record in window.__lanes.lastRuns().
const SHARED = 'import { print } from "lanes";\nexport default function main() {\n  print("from a friend ✓");\n}\n';
const runsSeen = (page: Page) => page.evaluate(() => window.__lanes?.lastRuns().length ?? 0);

const model = (page: Page) => page.evaluate((p) => window.__lanesEditors?.text(p) ?? null, EDITOR);
const storedDraft = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null")?.blocks?.p1?.draft?.code ?? null, STORED);

/** Write SHARED in a playground and copy its link; `sent` is the code as the editor holds it (Monaco indents as it is typed). */
async function copyLink(page: Page): Promise<{ link: string; sent: string }> {
  await page.goto(LESSON);
  const playground = page.getByTestId("playground-p1");
  await editorReady(page, playground);
  await typeProgram(page, playground, SHARED);
  await pickRunner(playground, "Main thread");
  await playground.getByRole("button", { name: "Copy link" }).click();
  const outcome = playground.locator(".share-outcome[data-link]");
  await expect(outcome).toContainText("Link copied");
  const link = (await outcome.getAttribute("data-link"))!;
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  const sent = (await model(page))!;
  expect(sent).toContain('print("from a friend ✓")');
  return { link, sent };
}

/** A page in a fresh context (another browser, say) with saved code of its own for the same playground. */
async function friendWithOwnDraft(page: Page, own: string): Promise<Page> {
  const friend = await page.context().browser()!.newPage();
  await friend.goto(LESSON);
  const playground = friend.getByTestId("playground-p1");
  await editorReady(friend, playground);
  await typeProgram(friend, playground, own);
  await expect.poll(() => storedDraft(friend)).toBe(own);
  return friend;
}

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("a copied link opens the same code in another browser: not run, and the friend's own draft kept until they choose", async ({ page }) => {
  test.slow(); // three pages with an editor each, on a loaded 2-core machine
  const { link, sent } = await copyLink(page);
  expect(new URL(link).hash).toMatch(/^#code=1\.\d+\.[\w-]+$/);
  expect(link).not.toContain("from a friend"); // compressed, not in the clear

  const own = "export default function main() { /* the friend's own work */ }\n";
  const friend = await friendWithOwnDraft(page, own);
  await friend.goto(link);
  const playground = friend.getByTestId("playground-p1");
  await editorReady(friend, playground);
  const banner = playground.getByRole("region", { name: "Shared code" });
  await expect(banner).toContainText("This code came from a shared link");
  await expect.poll(() => model(friend)).toBe(sent);
  await expect(playground.locator(".runner-picker input:checked")).toHaveValue("main");
  await friend.waitForTimeout(1_500); // time enough for a run, had anything started one
  await expect(playground).toHaveAttribute("data-state", "idle");
  expect(await runsSeen(friend)).toBe(0);
  await expect(playground.getByText("Press Run to see the program’s output here.")).toBeVisible();
  expect(await storedDraft(friend)).toBe(own);

  // An edit to the shared code is not saved over the friend's own code either.
  await playground.locator(".monaco-editor .view-lines").click();
  await friend.keyboard.press("ControlOrMeta+End");
  await friend.keyboard.type("// edited\n");
  await expect(banner).toContainText("not saved yet");
  await friend.waitForTimeout(700);
  expect(await storedDraft(friend)).toBe(own);

  await banner.getByRole("button", { name: "Back to my code" }).click();
  await expect.poll(() => model(friend)).toBe(own);
  expect(new URL(friend.url()).hash).toBe("");
  await friend.reload();
  await editorReady(friend, playground);
  expect(await model(friend)).toBe(own);
  await friend.close();
});

test("keeping shared code replaces the saved draft only then, and Run runs it only when pressed", async ({ page }) => {
  test.slow(); // three pages with an editor each, on a loaded 2-core machine
  const { link, sent } = await copyLink(page);
  const friend = await friendWithOwnDraft(page, "export default function main() {}\n");
  await friend.goto(link);
  const playground = friend.getByTestId("playground-p1");
  await editorReady(friend, playground);
  await playground.getByRole("button", { name: "Keep it (replaces my saved code)" }).click();
  await expect(playground.getByRole("region", { name: "Shared code" })).toHaveCount(0);
  await expect.poll(() => storedDraft(friend)).toBe(sent);
  expect(await runsSeen(friend)).toBe(0);
  await playground.getByRole("button", { name: "Run" }).click();
  await expect(playground.getByRole("log", { name: "Program output" })).toContainText("from a friend ✓", { timeout: 30_000 });
  expect(await runsSeen(friend)).toBeGreaterThan(0);
  await friend.close();
});

test("a link whose # a chat app percent-encoded (once, in the path, or twice) still opens", async ({ page }) => {
  test.slow(); // three pages with an editor each, on a loaded 2-core machine
  const { link, sent } = await copyLink(page);
  const fragment = new URL(link).hash.slice(1);
  for (const mangled of [`${LESSON}%23${encodeURIComponent(fragment)}`, `${LESSON}#${encodeURIComponent(encodeURIComponent(fragment))}`]) {
    const friend = await page.context().browser()!.newPage();
    await friend.goto(mangled);
    await editorReady(friend, friend.getByTestId("playground-p1"));
    await expect(friend.getByRole("region", { name: "Shared code" })).toBeVisible();
    await expect.poll(() => model(friend)).toBe(sent);
    await friend.close();
  }
});

/** A link made here, the way the app makes one (deflate-raw, base64url, length prefix). */
function fragmentFor(json: string): string {
  const data = deflateRawSync(Buffer.from(json)).toString("base64url");
  return `code=1.${data.length}.${data}`;
}

const good = fragmentFor(JSON.stringify({ code: SHARED }));
const at = good.length - 20;
const BAD_LINKS: [string, string, RegExp][] = [
  ["a corrupt", good.slice(0, at) + "*" + good.slice(at + 1), /damaged/],
  ["a truncated", good.slice(0, good.length - 12), /cut short/],
  ["an oversized", fragmentFor(JSON.stringify({ code: "// padding\n".repeat(7_000) })), /too large: Lanes opens links of at most 64 KiB of code/],
];

for (const [name, fragment, message] of BAD_LINKS) {
  test(`${name} link says so, and the playground shows the lesson's own code`, async ({ page }) => {
    await page.goto(`${LESSON}#${fragment}`);
    const playground = page.getByTestId("playground-p1");
    await expect(playground.getByRole("alert")).toContainText(message);
    await expect(playground.getByRole("alert")).toContainText("shows its usual code instead");
    await editorReady(page, playground);
    expect(await model(page)).toContain("pool.map(download, pages)");
    await expect(playground.getByRole("region", { name: "Shared code" })).toHaveCount(0);
    await playground.getByRole("button", { name: "OK" }).click();
    await expect(playground.getByRole("alert")).toHaveCount(0);
    expect(new URL(page.url()).hash).toBe("");
  });
}

test("the hand-made link of the tests is one the app reads", async ({ page }) => {
  await page.goto(`${LESSON}#${good}`);
  await editorReady(page, page.getByTestId("playground-p1"));
  await expect.poll(() => model(page)).toBe(SHARED);
});
