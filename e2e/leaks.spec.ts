import type { Page } from "@playwright/test";
import { editorReady, expect, pickRunner, runFinished, test, typeProgram } from "./fixtures";
import { runCode, texts } from "./lanes";
import { POOLS, SPAWNS } from "./limit-programs";
import { appHeap, liveWorkers, warmWorkers } from "./probes";

// Issue 11: nothing a run starts outlives it. After runs that finish, runs that are stopped and
// runs that go past the limits, the browser holds the next stage's warm workers only, and the
// app's own JavaScript heap is back near where it started (each run's stage, its workers and its
// memory are in other processes, discarded with the stage; what the app keeps is its records).

const EIGHT_WORKERS = `import { Pool, print, work } from "lanes";
export function crunch(n: number) {
  work(5);
  return n;
}
export default async function main() {
  const pool = new Pool({ workers: 8 });
  const done = await pool.map(crunch, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
  print("done", done.length);
}
`;

const EIGHT_FOREVER = `import { Pool, work } from "lanes";
export function crunch(n: number) {
  for (;;) work(10);
}
export default async function main() {
  const pool = new Pool({ workers: 8 });
  await pool.map(crunch, [1, 2, 3, 4, 5, 6, 7, 8]);
}
`;

const GROWS = `export default function main() {
  const a = [];
  while (true) a.push(new Array(1e6).fill(1));
}
`;

const QUICK = 'import { print } from "lanes";\nexport default function main() { print("quick"); }\n';

/** Start a run that never ends, let its workers start, then stop it as Stop does (the next run stops the one in progress). */
async function runAndStop(page: Page): Promise<void> {
  const stopped = await page.evaluate(async ([forever, quick]) => {
    const endless = window.__lanes!.run(forever, ["workers"]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const next = window.__lanes!.run(quick, ["main"]);
    const [run] = await endless;
    await next;
    return run!.error?.message ?? "";
  }, [EIGHT_FOREVER, QUICK] as const);
  expect(stopped).toMatch(/^Stopped/);
}

/**
 * Workers and heap once the app has settled after a run (the run's stage gone, the next one
 * booted with its warm set): at most `workers` live (by default the warm set and its alarm; a
 * lesson page also has the editor's workers), waited for up to 15 s.
 */
async function settled(page: Page, workers?: number): Promise<{ workers: number; heap: number }> {
  const atMost = workers ?? (await warmWorkers(page));
  await expect.poll(() => liveWorkers(page), { timeout: 15_000 }).toBeLessThanOrEqual(atMost);
  await page.waitForTimeout(1000);
  return { workers: await liveWorkers(page), heap: await appHeap(page) };
}

const MB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

test("on a lesson page, 20 runs from the Run button and 20 stopped with Stop: live workers and the app's heap stay flat", async ({ page }) => {
  test.setTimeout(400_000);
  await page.goto("/lessons/01-waiting-is-not-working");
  const playground = page.getByTestId("playground-p1");
  await editorReady(page, playground);
  await pickRunner(playground, "Workers");
  const run = playground.getByRole("button", { name: "Run", exact: true });
  const output = playground.getByRole("log", { name: "Program output" });
  const runOnce = async () => {
    await run.click();
    await runFinished(page, playground);
    await expect(output).toContainText("done 16");
  };
  const stopOnce = async () => {
    await run.click();
    await page.waitForTimeout(400);
    await playground.getByRole("button", { name: "Stop" }).click();
    await runFinished(page, playground);
    await expect(output).toContainText("Stopped before the program finished.");
  };
  // One of each first, as below: the editor, the timeline, the runners and the first stages are loaded once, for good.
  await typeProgram(page, playground, EIGHT_WORKERS);
  await runOnce();
  await typeProgram(page, playground, EIGHT_FOREVER);
  await stopOnce();
  await typeProgram(page, playground, EIGHT_WORKERS);
  await runOnce();
  await page.waitForTimeout(2000);
  const start = await settled(page, Infinity); // the editor's workers count here: the start is the bound
  for (let i = 0; i < 20; i++) await runOnce();
  const afterRuns = await settled(page, start.workers);
  await typeProgram(page, playground, EIGHT_FOREVER);
  for (let i = 0; i < 20; i++) await stopOnce();
  const afterStops = await settled(page, start.workers);
  test.info().annotations.push({ type: "heap", description: `start ${MB(start.heap)}, after 20 runs ${MB(afterRuns.heap)}, after 20 stops ${MB(afterStops.heap)}; workers ${start.workers} → ${afterRuns.workers} → ${afterStops.workers}` });
  expect(afterRuns.workers).toBeLessThanOrEqual(start.workers);
  expect(afterStops.workers).toBeLessThanOrEqual(start.workers);
  expect(afterRuns.heap).toBeLessThanOrEqual(start.heap * 1.2);
  expect(afterStops.heap).toBeLessThanOrEqual(start.heap * 1.2);
});

test("20 runs of an 8-worker program and 20 stopped ones from automation: live workers and the app's heap stay flat", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/");
  // One of each first: the runners' code, the compiler and the first stage are loaded once, for good.
  await runCode(page, EIGHT_WORKERS, ["workers"]);
  await runAndStop(page);
  const start = await settled(page);
  for (let i = 0; i < 20; i++) {
    const [run] = await runCode(page, EIGHT_WORKERS, ["workers"]);
    expect(texts(run!), `run ${i}`).toEqual(["done 16"]);
  }
  const afterRuns = await settled(page);
  for (let i = 0; i < 20; i++) await runAndStop(page);
  const afterStops = await settled(page);
  test.info().annotations.push({ type: "heap", description: `start ${MB(start.heap)}, after 20 runs ${MB(afterRuns.heap)}, after 20 stops ${MB(afterStops.heap)}; workers ${start.workers} → ${afterRuns.workers} → ${afterStops.workers}` });
  expect(afterRuns.workers).toBeLessThanOrEqual(start.workers);
  expect(afterStops.workers).toBeLessThanOrEqual(start.workers);
  expect(afterRuns.heap).toBeLessThanOrEqual(start.heap * 1.2);
  expect(afterStops.heap).toBeLessThanOrEqual(start.heap * 1.2);
});

test("10,000 spawns, 64 pools of 64 and an allocation loop: each ends with its message, then live workers ≤ the warm set and the app's heap within 20% of its start", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/");
  await runCode(page, QUICK, ["main", "workers"]);
  const start = await settled(page);
  const warm = await warmWorkers(page);
  const ends: Record<string, [string, string[], RegExp]> = {
    "10,000 spawns": [SPAWNS, ["workers"], /at most 64/],
    "64 pools of 64": [POOLS, ["workers"], /at most 64/],
    "an allocation loop": [GROWS, ["main"], /^Out of memory: the program allocated without bound/],
  };
  const heaps: string[] = [];
  for (const [name, [code, runners, message]] of Object.entries(ends)) {
    const [run] = await runCode(page, code, runners as ("main" | "workers")[]);
    expect(`${run!.error?.message ?? ""} ${texts(run!).join(" ")}`, name).toMatch(message);
    const after = await settled(page);
    heaps.push(`${name}: ${MB(after.heap)}, ${after.workers} workers`);
    expect(after.workers, name).toBeLessThanOrEqual(warm);
    expect(after.heap, name).toBeLessThanOrEqual(start.heap * 1.2);
  }
  test.info().annotations.push({ type: "heap", description: `start ${MB(start.heap)}; ${heaps.join("; ")}` });
});
