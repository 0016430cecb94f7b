import { LAYOUT, counterTop, plotRange, sectionHeight } from "../src/ui/timeline/layout";
import { editorReady, expect, pickRunner, runFinished, test } from "./fixtures";
import { byRunner, runCode } from "./lanes";
import type { Run } from "../src/trace/run";

// Counter tracks and cancelled tasks, from the lessons that use them. Quick: short programs.

const tracked = `
  import { Pool, Queue, Semaphore, sleep } from "lanes";
  export async function producer(q: Queue<number>) {
    for (let i = 0; i < 8; i++) await q.put(i);
  }
  export async function consumer(q: Queue<number>, sem: Semaphore) {
    for (let i = 0; i < 4; i++) {
      await q.get();
      await sem.with(() => sleep(10));
    }
  }
  export default async function main() {
    const q = new Queue<number>({ capacity: 3, track: true });
    const sem = new Semaphore(1, { track: true });
    const untracked = new Queue<number>({ capacity: 3 });
    await untracked.put(1);
    const pool = new Pool({ workers: 3 });
    await Promise.all([pool.submit(producer, q), pool.submit(consumer, q, sem), pool.submit(consumer, q, sem)]);
  }`;

const values = (run: Run, object: string) => run.counters?.find((c) => c.object === object)?.samples.map((s) => s.value) ?? [];

test("a queue and a semaphore made with track: true get counter tracks under async and workers, and only they", async ({ page }) => {
  await page.goto("/");
  const runs = byRunner(await runCode(page, tracked, ["async", "workers"]));
  for (const run of [runs.async, runs.workers]) {
    expect(run.ok, JSON.stringify(run.error)).toBe(true);
    expect(run.counters?.map((c) => [c.object, c.kind, c.max])).toEqual([["q", "queue length", 3], ["sem", "permits in use", 1]]);
    const q = values(run, "q");
    expect(q.length).toBe(16); // 8 puts and 8 gets, each sampled
    expect(Math.max(...q)).toBe(3); // the producer fills it
    expect(Math.min(...q)).toBeGreaterThanOrEqual(0);
    expect(q.at(-1)).toBe(0);
    const sem = values(run, "sem");
    expect(sem.length).toBe(16);
    expect(new Set(sem)).toEqual(new Set([0, 1])); // never more than its one permit
    const times = run.counters!.flatMap((c) => c.samples.map((s) => s.t));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...times)).toBeLessThanOrEqual(run.wallMs);
  }
});

test("the queues lesson draws its queue's length under the lanes, with a tooltip", async ({ page }) => {
  await page.goto("/lessons/queues");
  const playground = page.getByTestId("playground-kitchen");
  await editorReady(page, playground);
  await pickRunner(playground, "Async");
  await playground.getByRole("button", { name: "Run" }).click();
  await runFinished(page, playground);
  const [run] = await page.evaluate(() => window.__lanes!.lastRuns());
  expect(Math.max(...values(run!, "orders"))).toBe(2);
  const canvas = playground.getByRole("group", { name: "Timelines" }).getByRole("img").first();
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  expect(Math.round(box.height)).toBe(sectionHeight(run!.lanes.length, LAYOUT, 1));
  // Hover the counter row in the middle of the longest stretch at full (2), wide enough to hit.
  const samples = run!.counters![0]!.samples;
  const stretches = samples.map((s, i) => ({ value: s.value, start: s.t, end: samples[i + 1]?.t ?? run!.wallMs }));
  const full = stretches.filter((s) => s.value === 2).sort((a, b) => b.end - b.start - (a.end - a.start))[0]!;
  const [t0, t1] = (await playground.locator(".tl-root").getAttribute("data-window"))!.split(",").map(Number) as [number, number];
  const [x0, x1] = plotRange(box.width);
  const x = box.x + x0 + ((full.start + full.end) / 2 - t0) / (t1 - t0) * (x1 - x0);
  await page.mouse.move(x, box.y + counterTop(run!.lanes.length, 0) + LAYOUT.counterHeight / 2);
  await expect(playground.getByRole("tooltip")).toContainText("queue `orders` length: 2 of 2 (full)");
});

test("the tasks a failed map cancelled are named under the timeline", async ({ page }) => {
  await page.goto("/lessons/when-a-task-fails");
  const playground = page.getByTestId("playground-map-fails");
  await editorReady(page, playground);
  await pickRunner(playground, "Main thread");
  await playground.getByRole("button", { name: "Run" }).click();
  await runFinished(page, playground);
  const [run] = await page.evaluate(() => window.__lanes!.lastRuns());
  const cancelled = run!.tasks!.filter((t) => t.cancelled).map((t) => `${t.name}(${t.args})`);
  expect(cancelled).toEqual(['convert("c.txt")', 'convert("d.txt")', 'convert("e.txt")', 'convert("f.txt")']);
  await expect(playground.locator(".tl-cancelled")).toHaveText(`4 tasks cancelled, never started: ${cancelled.join(", ")}`);
});
