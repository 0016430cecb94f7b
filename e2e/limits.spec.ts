import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { runCode, texts } from "./lanes";

// Issue 11's limits: a run may use at most 64 workers in all; past that, spawn and new Pool
// fail with a sentence saying so, and the stage (with its workers) is gone after the run.

const SPAWNS = `import { print, spawn } from "lanes";
export function task(i: number) { return i; }
export default async function main() {
  const handles = [];
  try {
    for (let i = 0; i < 10000; i++) handles.push(spawn(task, i));
  } catch (e) {
    print("refused after", handles.length, (e as Error).message);
  }
  let sum = 0;
  for (const h of handles) sum += await h.join();
  print("sum", sum);
}
`;

const POOLS = `import { Pool, print } from "lanes";
export default async function main() {
  const pools = [];
  try {
    for (let i = 0; i < 64; i++) pools.push(new Pool({ workers: 64 }));
  } catch (e) {
    print("refused after", pools.length, (e as Error).message);
  }
}
`;

/** Workers alive in the browser for this page (its stages' included), as the DevTools protocol lists them. */
async function liveWorkers(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send("Target.getTargets");
  await cdp.detach();
  return targetInfos.filter((t) => t.type === "worker").length;
}

test("10,000 spawns under workers: refused past 64 with a sentence saying what to do, and the started ones finish", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  const [run] = await runCode(page, SPAWNS, ["workers"]);
  expect(run!.ok, JSON.stringify(run!.error)).toBe(true);
  const [refused, sum] = texts(run!);
  expect(refused).toMatch(/^refused after 64 .*at most 64/);
  expect(refused).toMatch(/one pool for many tasks/);
  expect(sum).toBe(`sum ${(63 * 64) / 2}`);
  // The run's stage and its 64 workers are gone; the next stage keeps its warm set (one per
  // core) and its alarm worker only.
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect.poll(() => liveWorkers(page), { timeout: 10_000 }).toBeLessThanOrEqual(Math.min(cores, 16) + 1);
  // A normal program runs normally afterwards.
  const [next] = await runCode(page, 'import { print } from "lanes";\nexport default function main() { print("ok"); }\n', ["workers"]);
  expect(texts(next!)).toEqual(["ok"]);
});

test("64 pools of 64 under workers: the second pool is refused with the same sentence", async ({ page }) => {
  await page.goto("/");
  const [run] = await runCode(page, POOLS, ["workers"]);
  expect(run!.ok, JSON.stringify(run!.error)).toBe(true);
  expect(texts(run!)[0]).toMatch(/^refused after 1 .*at most 64/);
});
