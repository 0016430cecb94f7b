import { expect, test } from "./fixtures";
import { runCode, texts } from "./lanes";
import type { Run, Runner } from "../src/trace/run";

// A run that goes on too long is stopped, under every runner, even where nothing else can stop
// it: under main, sleep() and work() hold the page's thread, so the Stop button cannot be pressed.

async function runLimited(page: import("@playwright/test").Page, code: string, runner: Runner, timeLimitMs: number): Promise<Run> {
  await page.waitForFunction(() => window.__lanes !== undefined);
  const [run] = await page.evaluate(([c, r, t]) => window.__lanes!.run(c, [r], { timeLimitMs: t }), [code, runner, timeLimitMs] as const);
  return run!;
}

const SLEEPS = `
  import { Pool, print, sleep } from "lanes";
  export async function nap(n: number) { await sleep(60000); return n; }
  export default async function main() {
    print("started");
    const pool = new Pool({ workers: 2 });
    await pool.map(nap, [1, 2, 3]);
    print("never printed");
  }`;

test.beforeEach(async ({ page }) => {
  await page.goto("/");
});

for (const runner of ["main", "async", "workers"] as const) {
  test(`${runner}: a run longer than its time limit is stopped, with a message, and the next run works`, async ({ page }) => {
    const run = await runLimited(page, SLEEPS, runner, 1500);
    expect(run.ok).toBe(false);
    expect(run.error?.message).toMatch(/^Stopped at the time limit: the run took longer than 1\.5 s\./);
    if (runner === "main") expect(run.error?.message).toMatch(/not even the Stop button/);
    expect(run.wallMs).toBeGreaterThanOrEqual(1450);
    expect(run.wallMs).toBeLessThan(5000);
    expect(texts(run)).toEqual(["started"]);
    const [next] = await runCode(page, SLEEPS.replace("sleep(60000)", "sleep(5)"), [runner]);
    expect(next?.ok, JSON.stringify(next?.error)).toBe(true);
    expect(texts(next!)).toEqual(["started", "never printed"]);
  });
}

test("main: a long work() is stopped at the time limit too, and the page answers again", async ({ page }) => {
  const code = `
    import { print, work } from "lanes";
    export default function main() { print("computing"); work(60000); print("never printed"); }`;
  const run = await runLimited(page, code, "main", 1000);
  expect(run.error?.message).toMatch(/time limit/);
  expect(run.wallMs).toBeLessThan(4000);
  expect(texts(run)).toEqual(["computing"]);
  expect(await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve("painted"))))).toBe("painted");
});

test("async: a sleep longer than a timer can wait still waits (until the time limit)", async ({ page }) => {
  const code = `
    import { print, sleep } from "lanes";
    export default async function main() { await sleep(1e10); print("never printed"); }`;
  const run = await runLimited(page, code, "async", 800);
  expect(run.error?.message).toMatch(/time limit/);
  expect(run.wallMs).toBeGreaterThanOrEqual(750);
  expect(texts(run)).toEqual([]);
});

test("the automation entry point refuses a time limit that is not a positive number", async ({ page }) => {
  await page.waitForFunction(() => window.__lanes !== undefined);
  for (const bad of [-1, 0, Number.NaN, "5000"]) {
    const error = await page.evaluate((t) => window.__lanes!.run("export default function main() {}", ["main"], { timeLimitMs: t as number }).catch((e: Error) => e.message), bad);
    expect(error).toMatch(/timeLimitMs must be a positive number/);
  }
});

for (const runner of ["main", "async", "workers"] as const) {
  test(`${runner}: an endless loop is stopped at the time limit, naming its line, and the page lives on`, async ({ page }) => {
    const code = [
      'import { Pool, print } from "lanes";',
      "export function spinForever(n: number) {",
      "  let i = 0;",
      "  while (i >= 0) i = (i + 1) % 1000;",
      "  return n;",
      "}",
      "export default async function main() {",
      '  print("looping");',
      "  await new Pool({ workers: 1 }).map(spinForever, [1]);",
      "}",
    ].join("\n");
    const run = await runLimited(page, code, runner, 1200);
    expect(run.ok).toBe(false);
    expect(run.wallMs).toBeLessThan(5000);
    expect(texts(run)).toEqual(["looping"]);
    if (runner === "workers") {
      // The loop runs in a worker: the page was free, and the worker is terminated.
      expect(run.error?.message).toMatch(/^Stopped at the time limit/);
    } else {
      expect(run.error?.message).toMatch(/It was still in the loop at line 4: does that loop ever end\?/);
      expect(run.error?.line).toBe(4);
    }
    expect(await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve("painted"))))).toBe("painted");
    const [next] = await runCode(page, code.replace("i >= 0", "i > 0"), [runner]);
    expect(next?.ok, JSON.stringify(next?.error)).toBe(true);
  });
}

for (const runner of ["main", "workers"] as const) {
  test(`${runner}: an endless loop in top-level code (run as the program loads) is stopped too, with its line`, async ({ page }) => {
    const code = ['import { print } from "lanes";', "let n = 1;", "while (n > 0) n = (n * 7) % 1000;", 'export default function main() { print("never printed"); }'].join("\n");
    const started = Date.now();
    const run = await runLimited(page, code, runner, 1500);
    expect(Date.now() - started).toBeLessThan(6000);
    expect(run.ok).toBe(false);
    expect(run.error?.message).toMatch(/top-level code ran for more than 1\.5 s as it loaded \(is the loop at line 3 endless\?\)/);
    expect(run.error?.line).toBe(3);
    // Workers that began importing it alongside the page are replaced, not left looping.
    const [next] = await runCode(page, code.replace("n > 0", "n > 5000"), [runner]);
    expect(texts(next!)).toEqual(["never printed"]);
  });
}
