import type { Locator, Page } from "@playwright/test";
import type { Run, Runner } from "../src/trace/run";
import { editorReady, expect, pickRunner, runFinished, test } from "./fixtures";

// Issue 15, "Helper modules": a playground's second file (```ts file=jobs.ts in lessons/mixed-work.md)
// is a tab beside main.ts, runs with it under every runner, and reports its errors at its own lines.

const LESSON = "/lessons/mixed-work";
const MAIN = "mixed-work-two-pools/main.ts";
const JOBS = "mixed-work-two-pools/jobs.ts";
const STORED = "lanes-progress:mixed-work";

const model = (page: Page, path: string) => page.evaluate((p) => window.__lanesEditors?.text(p) ?? null, path);

/** Replace the text of the editor in the selected tab, as a student would (select all, type). */
async function typeIn(page: Page, playground: Locator, code: string) {
  await playground.getByRole("tabpanel").locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(code);
}

async function openPlayground(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  const playground = page.getByTestId("playground-two-pools");
  await editorReady(page, playground);
  return playground;
}

async function run(page: Page, playground: Locator, runner: string) {
  await pickRunner(playground, runner);
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  await runFinished(page, playground);
}

const JOBS_CODE = (parse: string) =>
  [
    'import { sleep, work } from "lanes";',
    "",
    "export async function download(page: number) {",
    "  await sleep(20);",
    "  return page;",
    "}",
    "",
    "export function parse(page: number) {",
    "  work(5);",
    parse,
    "}",
    "",
  ].join("\n");

test("the helper file is a tab beside main.ts, reached with the arrow keys; main.ts imports it without a type error", async ({ page }) => {
  const playground = await openPlayground(page);
  const tabs = playground.getByRole("tablist", { name: "Playground two-pools" }).getByRole("tab");
  await expect(tabs).toHaveText(["main.ts", "jobs.ts", "Python"]);
  await expect(tabs.nth(0)).toHaveAttribute("aria-selected", "true");
  await tabs.nth(0).focus();
  await page.keyboard.press("ArrowRight");
  await expect(tabs.nth(1)).toBeFocused();
  await expect(tabs.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(playground.getByRole("tabpanel")).toContainText("export function parse");
  expect(await model(page, JOBS)).toContain("export async function download");
  await page.keyboard.press("ArrowLeft");
  await expect(tabs.nth(0)).toHaveAttribute("aria-selected", "true");

  // The run asks TypeScript for main.ts's errors: "./jobs" resolves to the tab's model, so there are none.
  await run(page, playground, "Main thread");
  await expect(playground.getByRole("log", { name: "Program output" })).toContainText("page 6 parsed");
  await expect(playground.locator(".type-errors")).toHaveCount(0);

  // And it knows jobs.ts's types: a wrong argument to download() is a type error at its line.
  const wrong = (await model(page, MAIN))!.replace("network.submit(download, page)", 'network.submit(download, "one")');
  expect(wrong).toContain('"one"');
  await playground.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(wrong);
  await run(page, playground, "Main thread");
  await expect(playground.locator(".type-errors")).toHaveText(/^1 type error at line 8/);
});

test("an edit in jobs.ts changes the output, is saved as its own draft, and Reset puts both files back", async ({ page }) => {
  test.slow(); // a reload and three runs on a loaded 2-core machine
  const playground = await openPlayground(page);
  await playground.getByRole("tab", { name: "jobs.ts" }).click();
  await typeIn(page, playground, JOBS_CODE("  return `page ${page} done in the helper`;"));
  await run(page, playground, "Async");
  const output = playground.getByRole("log", { name: "Program output" });
  await expect(output).toContainText("page 3 done in the helper");
  await expect(output).not.toContainText("parsed");

  await expect.poll(() => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null")?.blocks?.["two-pools:jobs.ts"]?.draft?.code ?? null, STORED)).toContain("done in the helper");
  await page.reload();
  await editorReady(page, playground);
  await expect.poll(() => model(page, JOBS)).toContain("done in the helper");

  await playground.getByRole("button", { name: "Reset to original" }).click();
  await playground.getByRole("button", { name: "Reset", exact: true }).click();
  await expect.poll(() => model(page, JOBS)).toContain("parsed");
  await expect.poll(() => model(page, JOBS)).not.toContain("done in the helper");
  await playground.getByRole("button", { name: "Undo reset" }).click();
  await expect.poll(() => model(page, JOBS)).toContain("done in the helper");
});

test("an error thrown in jobs.ts is reported at jobs.ts's line, under each runner", async ({ page }) => {
  const playground = await openPlayground(page);
  await playground.getByRole("tab", { name: "jobs.ts" }).click();
  await typeIn(page, playground, JOBS_CODE('  throw new RangeError(`cannot parse page ${page}`);'));
  for (const runner of ["Main thread", "Async", "Workers"]) {
    await run(page, playground, runner);
    await expect(playground.getByRole("log", { name: "Program output" }).locator(".output-error")).toContainText(/^jobs\.ts:10:\d+: RangeError: cannot parse page \d/);
  }
  // A compile error in the helper is said as the helper's too.
  await typeIn(page, playground, JOBS_CODE("  return (;"));
  await run(page, playground, "Main thread");
  await expect(playground.locator(".output-error")).toContainText(/^jobs\.ts:10:/);
  expect(await model(page, MAIN)).toContain('from "./jobs"');
});

const HELPERS = [
  'import { work } from "lanes";',
  "export function square(n: number): number {",
  "  work(10);",
  "  return n * n;",
  "}",
  "export function failing(n: number): number {",
  "  if (n === 3) throw new Error(`no ${n}`);",
  "  return n;",
  "}",
].join("\n");

function runWithFiles(page: Page, code: string, runners: Runner[]): Promise<Run[]> {
  return page.evaluate(([c, r, h]) => window.__lanes!.run(c, r, { files: [{ name: "helpers.ts", code: h }] }), [code, runners, HELPERS] as const);
}

test("a task defined in helpers.ts and passed to a Pool runs under main, async and workers", async ({ page }) => {
  await page.goto(LESSON);
  await page.waitForFunction(() => window.__lanes !== undefined);
  const program = ['import { Pool, print } from "lanes";', 'import { square } from "./helpers";', "export default async function main() {", "  const pool = new Pool({ workers: 2 });", "  print((await pool.map(square, [1, 2, 3, 4])).join(\" \"));", "}"].join("\n");
  const runs = await runWithFiles(page, program, ["main", "async", "workers"]);
  for (const r of runs) {
    expect(r.ok, `${r.runner}: ${r.error?.message ?? ""}`).toBe(true);
    expect(r.output.map((line) => line.text)).toEqual(["1 4 9 16"]);
  }
  // Under workers the tasks really ran in the workers' lanes, not on the page.
  const workers = runs.find((r) => r.runner === "workers")!;
  expect(new Set(workers.spans.filter((s) => s.state === "running" && s.lane !== "main").map((s) => s.lane)).size).toBe(2);

  const failing = ['import { Pool } from "lanes";', 'import { failing } from "./helpers.ts";', "export default async function main() {", "  await new Pool({ workers: 2 }).map(failing, [1, 2, 3]);", "}"].join("\n");
  for (const r of await runWithFiles(page, failing, ["main", "async", "workers"])) {
    expect(r.error, r.runner).toMatchObject({ file: "helpers.ts", line: 7 });
    expect(r.error?.message, r.runner).toMatch(/^no 3\n\(raised in task failing\(3\) at helpers\.ts:7; it reached main\(\) at line 4/);
  }
  // Any other module is still refused, naming the files that may be imported.
  const [refused] = await runWithFiles(page, 'import { x } from "./other";\nexport default function main() {}', ["main"]);
  expect(refused?.error?.message).toMatch(/^A playground can import only from "lanes" and the lesson's files \("\.\/helpers"\), not from "\.\/other"/);
});

test.describe("share links", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("a copied link carries jobs.ts as edited, and opens it in another browser without saving it", async ({ page }) => {
    test.slow(); // two pages with three editors each
    const playground = await openPlayground(page);
    await playground.getByRole("tab", { name: "jobs.ts" }).click();
    await typeIn(page, playground, JOBS_CODE("  return `page ${page} shared`;"));
    await playground.getByRole("button", { name: "Copy link" }).click();
    const outcome = playground.locator(".share-outcome[data-link]");
    await expect(outcome).toContainText("Link copied");
    const link = (await outcome.getAttribute("data-link"))!;

    const friend = await page.context().browser()!.newPage();
    await friend.goto(link);
    const theirs = friend.getByTestId("playground-two-pools");
    await editorReady(friend, theirs);
    await expect(theirs.getByRole("region", { name: "Shared code" })).toBeVisible();
    await expect.poll(() => model(friend, JOBS)).toContain("shared`");
    expect(await friend.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null")?.blocks?.["two-pools:jobs.ts"]?.draft ?? null, STORED)).toBeNull();
    await run(friend, theirs, "Main thread");
    await expect(theirs.getByRole("log", { name: "Program output" })).toContainText("page 6 shared");
    await friend.close();
  });
});
