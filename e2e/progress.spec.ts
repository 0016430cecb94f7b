import { readFile } from "node:fs/promises";
import { editorReady, expect, pickRunner, runFinished, test, typeProgram } from "./fixtures";
import type { Page } from "@playwright/test";
import { appReady } from "./lanes";

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

test("a Python edit is saved as a draft: it survives a reload (not run), and Reset brings back the lesson's Python", async ({ page }) => {
  await page.goto("/lessons/01-waiting-is-not-working");
  const playground = page.getByTestId("playground-p1");
  const python = playground.locator(".python-panel");
  await playground.getByRole("tab", { name: "Python" }).click();
  await editorReady(page, python);
  await typeProgram(page, python, 'print("my python")\n');
  await page.waitForTimeout(600); // the save is debounced
  await page.reload();
  // Before its tab opens, the Python tab already shows the draft, not the lesson's code.
  await expect(playground.locator(".code-static").filter({ hasText: 'print("my python")' })).toBeAttached();
  await playground.getByRole("tab", { name: "Python" }).click();
  await editorReady(page, python);
  await expect(python.locator(".monaco-editor .view-lines")).toContainText('print("my python")');
  await expect(playground.getByText("Press Run to see the program’s output here.")).toBeVisible();
  // The TypeScript code is the lesson's still: the two drafts are apart.
  await expect(playground.getByRole("button", { name: "Reset to original" })).toHaveCount(1);
  await python.getByRole("button", { name: "Reset to original" }).click();
  await python.getByRole("button", { name: "Reset", exact: true }).click();
  await expect(python.locator(".monaco-editor .view-lines")).toContainText("ThreadPoolExecutor");
  await page.reload();
  await playground.getByRole("tab", { name: "Python" }).click();
  await editorReady(page, python);
  await expect(python.locator(".monaco-editor .view-lines")).toContainText("ThreadPoolExecutor");
  await expect(python.getByRole("button", { name: "Reset to original" })).toHaveCount(0);
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
  await appReady(page); // the prerendered buttons do nothing until the app takes over
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export progress" }).click();
  const file = testInfo.outputPath("progress.json");
  await (await download).saveAs(file);
  expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ kind: "lanes-progress", version: 1 });

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await appReady(page);
  const card = page.getByRole("link", { name: /Computing needs cores/ });
  await expect(card.getByLabel("0 of 1 exercises passed")).toBeVisible();

  const bad = testInfo.outputPath("bad.json");
  await import("node:fs/promises").then((fs) => fs.writeFile(bad, '{"kind":"lanes-progress","version":1,"progress":{"blocks":{"x":{"hintsShown":"lots"}}}}'));
  await page.getByLabel("Progress file to import").setInputFiles(bad);
  await expect(page.getByRole("alert")).toContainText("nothing was changed");
  await expect(card.getByLabel("0 of 1 exercises passed")).toBeVisible();

  await page.getByLabel("Progress file to import").setInputFiles(file);
  const preview = page.getByRole("region", { name: "Import preview" });
  await expect(preview).toContainText("Computing needs cores");
  await expect(preview).toContainText("pass added");
  await preview.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Progress merged" })).toBeVisible();
  await expect(card.getByLabel("1 of 1 exercises passed")).toBeVisible();
  await page.reload();
  await appReady(page);
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

// Saved work survives anything: each lesson is stored (and validated) on its own.
const LESSON_1 = "/lessons/01-waiting-is-not-working";
const KEY_1 = "lanes-progress:01-waiting-is-not-working";
const KEY_2 = "lanes-progress:02-computing-needs-cores";
const record = (blocks: object) => JSON.stringify({ version: 2, blocks });
const draftOf = (page: Page, key: string, block = "p1") => page.evaluate(([k, b]) => JSON.parse(localStorage.getItem(k) ?? "null")?.blocks?.[b]?.draft?.code ?? null, [key, block] as const);
const keptAside = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("lanes-kept-aside:")).map((k) => [k, localStorage.getItem(k)]));
const editorText = (page: Page, path = "01-waiting-is-not-working-p1") => page.evaluate((p) => window.__lanesEditors?.text(p) ?? null, path);

async function seed(page: Page, items: Record<string, string>) {
  await page.goto("/");
  // The app starts after the page is painted: let it read the store first, so it is the next
  // page that finds what is seeded here.
  await appReady(page);
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, items);
}

test("one invalid lesson entry: every other lesson loads, and the bad one is kept aside", async ({ page }) => {
  const bad = record({ "both-cores": { hintsShown: "lots" } });
  await seed(page, { [KEY_1]: record({ p1: { hintsShown: 0, solutionShown: false, draft: { code: "// mine, still here\n", savedAt: 1 } } }), [KEY_2]: bad });
  await page.goto(LESSON_1);
  await editorReady(page);
  expect(await editorText(page)).toBe("// mine, still here\n");
  await expect(page.getByRole("status").filter({ hasText: "Some saved work could not be read" })).toContainText("hintsShown");
  expect(await keptAside(page)).toEqual([[expect.stringContaining(KEY_2), bad]]);
});

test("a store that cannot be read is kept aside before anything is written, and the student is told", async ({ page }) => {
  const corrupt = '{"state":{"blocks":{"01-waiting-is-not-working/p1":{"draft":';
  await seed(page, { "lanes-progress": corrupt });
  await page.goto(LESSON_1);
  await expect(page.getByRole("status").filter({ hasText: "Some saved work could not be read" })).toContainText("not valid JSON");
  await replaceCode(page, "p1", "// new work\n");
  await expect.poll(() => draftOf(page, KEY_1)).toBe("// new work\n");
  expect(await keptAside(page)).toEqual([[expect.stringContaining("lanes-kept-aside:lanes-progress@"), corrupt]]);
});

test("the single-key store of earlier versions is migrated without loss", async ({ page }) => {
  const blocks = {
    "01-waiting-is-not-working/p1": { hintsShown: 0, solutionShown: false, draft: { code: "// from the old store\n", savedAt: 1 } },
    "02-computing-needs-cores/both-cores": { hintsShown: 1, solutionShown: false, passedAt: 5 },
  };
  await seed(page, { "lanes-progress": JSON.stringify({ state: { blocks, visited: { "01-waiting-is-not-working": 1 } }, version: 1 }) });
  await page.goto("/");
  await expect(page.getByRole("link", { name: /Computing needs cores/ }).getByLabel("1 of 1 exercises passed")).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("lanes-progress"))).toBeNull();
  expect(await draftOf(page, KEY_1)).toBe("// from the old store\n");
  await page.goto(LESSON_1);
  await editorReady(page);
  expect(await editorText(page)).toBe("// from the old store\n");
  expect(await keptAside(page)).toEqual([]);
});

test("a draft too large to save is refused in the editor, and the rest still saves", async ({ page }) => {
  test.slow();
  await seed(page, { [KEY_2]: record({ "both-cores": { hintsShown: 2, solutionShown: false } }) });
  await page.goto(LESSON_1);
  const playground = await replaceCode(page, "p1", "// kept small\n");
  await expect.poll(() => draftOf(page, KEY_1)).toBe("// kept small\n");
  // Pasted, as a student would paste a huge file (typing 210,000 characters would take minutes).
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.evaluate(() => navigator.clipboard.writeText(`// huge\n${"const filler = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';\n".repeat(3_000)}`));
  await playground.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
  await expect(playground.getByRole("alert")).toContainText("too long to save", { timeout: 20_000 });
  expect(await draftOf(page, KEY_1)).toBe("// kept small\n");
  await page.goto(EXERCISE);
  const exercise = await replaceCode(page, "both-cores", "// other lesson, saved\n");
  await expect(exercise.getByRole("region", { name: "Exercise" })).toBeVisible();
  await expect.poll(() => draftOf(page, KEY_2, "both-cores")).toBe("// other lesson, saved\n");
  expect(await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!).blocks["both-cores"].hintsShown, KEY_2)).toBe(2);
});

test("a full storage is shown to the student, never swallowed", async ({ page }) => {
  await seed(page, {});
  await page.goto(LESSON_1);
  const playground = page.getByTestId("playground-p1");
  await editorReady(page, playground);
  const filled = await page.evaluate(() => {
    let total = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      for (;;) {
        try {
          localStorage.setItem(`filler-${total}`, "x".repeat(size));
          total += size;
        } catch {
          break;
        }
      }
    }
    return total;
  });
  expect(filled).toBeGreaterThan(1_000_000);
  await typeProgram(page, playground, "// this edit has no room\n");
  await expect(playground.getByRole("alert")).toContainText("Not saved: this browser’s storage is full");
  await expect(page.locator(".storage-notice[role=alert]")).toContainText("storage is full");
  expect(await draftOf(page, KEY_1)).toBeNull();
});

test("importing a file that holds one lesson previews it and merges: the other lessons stay", async ({ page }, testInfo) => {
  await seed(page, { [KEY_1]: record({ p1: { hintsShown: 0, solutionShown: false, draft: { code: "// mine\n", savedAt: 1 } } }) });
  const file = testInfo.outputPath("one-lesson.json");
  const progress = { blocks: { "02-computing-needs-cores/both-cores": { hintsShown: 0, solutionShown: false, passedAt: 9, draft: { code: "// theirs\n", savedAt: 2 } } }, visited: {} };
  await import("node:fs/promises").then((fs) => fs.writeFile(file, JSON.stringify({ kind: "lanes-progress", version: 1, exportedAt: "2026-01-01T00:00:00Z", progress })));
  await page.reload();
  await appReady(page); // a file given to the prerendered input, before the app takes over, is read by nobody
  await page.getByLabel("Progress file to import").setInputFiles(file);
  const preview = page.getByRole("region", { name: "Import preview" });
  await expect(preview).toContainText("Computing needs cores: both-cores: draft added, pass added");
  await expect(preview).not.toContainText("Waiting is not working");
  await preview.getByLabel("Replace all my progress with the file").check();
  await expect(preview).toContainText("Waiting is not working — erased (not in the file)");
  await preview.getByLabel(/Merge with my progress/).check();
  await preview.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByRole("link", { name: /Computing needs cores/ }).getByLabel("1 of 1 exercises passed")).toBeVisible();
  expect(await draftOf(page, KEY_1)).toBe("// mine\n");
  expect(await draftOf(page, KEY_2, "both-cores")).toBe("// theirs\n");
});
