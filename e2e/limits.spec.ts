import type { CDPSession } from "@playwright/test";
import { expect, test } from "./fixtures";
import { runCode, texts } from "./lanes";
import { POOLS, SPAWNS } from "./limit-programs";
import { liveWorkers, warmWorkers } from "./probes";

// Issue 11's limits: a run may use at most 64 workers in all; past that, spawn and new Pool
// fail with a sentence saying so, and the stage (with its workers) is gone after the run.

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
  const warm = await warmWorkers(page);
  await expect.poll(() => liveWorkers(page), { timeout: 10_000 }).toBeLessThanOrEqual(warm);
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

// A run that allocates without bound ends as out of memory, in its stage or in its worker, with
// one sentence; the app answers throughout and the next run is normal.
const GROW_ON_PAGE = `export default function main() {
  const a = [];
  while (true) a.push(new Array(1e6).fill(1));
}
`;

const GROW_IN_WORKER = `import { spawn } from "lanes";
export function grow() {
  const a = [];
  while (true) a.push(new Array(1e6).fill(1));
}
export default async function main() {
  await spawn(grow).join();
}
`;

const OUT_OF_MEMORY = "Out of memory: the program allocated without bound";

/**
 * `expression`'s value in the app's page, through the DevTools protocol: when the browser kills
 * a stage's process (out of memory), Playwright calls the whole page crashed and refuses every
 * later page.evaluate, although the app (another process) is fine. The protocol still reaches it.
 */
async function inApp<T>(cdp: CDPSession, expression: string): Promise<T> {
  const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as T;
}

const runIn = (code: string, runner: string) => `window.__lanes.run(${JSON.stringify(code)}, [${JSON.stringify(runner)}]).then(([run]) => ({ ok: run.ok, error: run.error, wallMs: run.wallMs, texts: run.output.map((o) => o.text) }))`;

for (const [runner, code] of [["main", GROW_ON_PAGE], ["async", GROW_ON_PAGE], ["workers", GROW_IN_WORKER]] as const) {
  test(`an allocation loop under ${runner} ends out of memory within the time limit, the app answering throughout; the next run is normal`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/");
    await runCode(page, "export default function main() {}\n", [runner]); // the stage's first boot is not what is measured
    const cdp = await page.context().newCDPSession(page);
    const limitMs = 30_000;
    const running = inApp<{ ok: boolean; error?: { message: string }; wallMs: number }>(cdp, runIn(code, runner));
    let finished = false;
    void running.finally(() => (finished = true));
    const trips: number[] = [];
    while (!finished) {
      const t = Date.now();
      await inApp(cdp, "1");
      trips.push(Date.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const run = await running;
    expect(run.ok).toBe(false);
    expect(run.error?.message).toContain(OUT_OF_MEMORY);
    expect(run.wallMs).toBeLessThan(limitMs);
    test.info().annotations.push({ type: "out of memory", description: `after ${Math.round(run.wallMs)} ms; worst round trip ${Math.max(...trips)} ms of ${trips.length}` });
    // Generous: the stage's garbage collector, working on a heap of a gigabyte and more, keeps
    // both cores of these machines busy (the runaway specs' 200 ms is for spinning programs).
    expect(Math.max(...trips), `round trips ${trips.join(" ")}`).toBeLessThan(500);
    const next = await inApp<{ texts: string[] }>(cdp, runIn('import { print } from "lanes";\nexport default function main() { print("ok"); }\n', runner));
    expect(next.texts).toEqual(["ok"]);
  });
}
