// Point 4 of issue 13: every task at least 4 px wide can be told from its neighbours, read from
// the canvas's own pixels after real runs of every playground of lessons 1–3.
import type { Locator, Page } from "@playwright/test";
import type { Run } from "../src/trace/run";
import { LAYOUT, plotRange } from "../src/ui/timeline/layout";
import { MIN_TASK_PX } from "../src/ui/timeline/task-runs";
import { expect, runFinished, test } from "./fixtures";

interface Geometry {
  t0: number;
  t1: number;
  x0: number;
  x1: number;
}

/** Tasks ≥ MIN_TASK_PX wide on `canvas` with no background pixel at their start, or not drawn. */
async function hiddenTasks(canvas: Locator, run: Run, geometry: Geometry): Promise<string[]> {
  return canvas.evaluate(
    (el: HTMLCanvasElement, { run, g, layout, minPx }) => {
      const ctx = el.getContext("2d")!;
      const dpr = el.width / el.clientWidth;
      const px = (t: number) => g.x0 + ((t - g.t0) / (g.t1 - g.t0)) * (g.x1 - g.x0);
      const problems: string[] = [];
      run.lanes.forEach((lane, li) => {
        const y = Math.floor((layout.axisHeight + li * layout.rowHeight + layout.barTop + layout.barHeight / 2) * dpr);
        const line = ctx.getImageData(0, y, el.width, 1).data;
        const at = (x: number) => Array.from(line.slice(Math.floor(x * dpr) * 4, Math.floor(x * dpr) * 4 + 4)).join(",");
        const background = at(el.clientWidth - 3); // right of the plot: only the row's own fill
        const runs: { task: string; start: number; end: number }[] = [];
        // A task's spans are one stretch only where they touch: the page thread runs a task for
        // a moment, is idle while it sleeps, then runs it again (that idle gap is background).
        for (const s of run.spans.filter((sp) => sp.lane === lane.id).sort((p, q) => p.start - q.start)) {
          const last = runs[runs.length - 1];
          if (last && last.task === s.task && s.start <= last.end + 0.001) last.end = Math.max(last.end, s.end);
          else runs.push({ task: s.task, start: s.start, end: s.end });
        }
        runs.forEach((r, i) => {
          const a = px(Math.max(r.start, g.t0));
          const b = px(Math.min(r.end, g.t1));
          if (b - a < minPx || a < g.x0 + 2 || b > g.x1) return;
          const name = `${lane.label}: task ${r.task} at ${a.toFixed(1)} px`;
          const inside = [];
          for (let x = Math.ceil(a) + 1; x < Math.floor(b) - 1; x++) inside.push(at(x));
          if (!inside.some((p) => p !== background)) problems.push(`${name} is not drawn`);
          if (i === 0) return;
          const near = [Math.floor(a) - 2, Math.floor(a) - 1, Math.floor(a), Math.ceil(a)].map(at);
          if (!near.includes(background)) problems.push(`${name} has no gap before it`);
        });
      });
      return problems;
    },
    { run, g: geometry, layout: LAYOUT, minPx: MIN_TASK_PX },
  );
}

async function windowOf(playground: Locator): Promise<[number, number]> {
  const [t0, t1] = ((await playground.locator(".tl-root").getAttribute("data-window")) ?? "").split(",").map(Number);
  return [t0!, t1!];
}

/**
 * Wait until the view's window holds still over two animation frames: the attribute changes
 * before the canvas repaints (on the next frame), and a zoom can still be easing, so pixels read
 * any sooner may belong to an older window (what made this spec flaky on a loaded machine).
 */
async function settled(page: Page, playground: Locator): Promise<void> {
  const frames = () => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  let before = await playground.locator(".tl-root").getAttribute("data-window");
  for (let i = 0; i < 50; i++) {
    await frames();
    const now = await playground.locator(".tl-root").getAttribute("data-window");
    if (now === before) return;
    before = now;
  }
}

async function checkEveryRun(page: Page, playground: Locator, where: string): Promise<string[]> {
  await settled(page, playground);
  const runs = await page.evaluate(() => window.__lanes!.lastRuns());
  const canvases = playground.locator("canvas.tl-canvas");
  await expect(canvases).toHaveCount(runs.length);
  const [t0, t1] = await windowOf(playground);
  const problems: string[] = [];
  for (const [i, run] of runs.entries()) {
    const width = await canvases.nth(i).evaluate((c) => c.clientWidth);
    const [x0, x1] = plotRange(width);
    for (const p of await hiddenTasks(canvases.nth(i), run, { t0, t1, x0, x1 })) problems.push(`${where}, ${run.runner}: ${p}`);
  }
  return problems;
}

for (const lesson of ["01-waiting-is-not-working", "02-computing-needs-cores", "03-results-as-they-come"]) {
  test(`every task of every run of ${lesson} has a visible boundary, at fit and zoomed in`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`/lessons/${lesson}`);
    const playgrounds = page.locator("[data-testid^=playground-]");
    const count = await playgrounds.count();
    expect(count).toBeGreaterThan(0);
    const problems: string[] = [];
    let tasksSeen = 0;
    for (let p = 0; p < count; p++) {
      const playground = playgrounds.nth(p);
      await playground.getByRole("button", { name: "Run" }).click();
      await runFinished(page, playground);
      const runs = await page.evaluate(() => window.__lanes!.lastRuns());
      tasksSeen += runs.reduce((n, r) => n + (r.tasks?.length ?? 0), 0);
      const stack = playground.getByRole("group", { name: "Timelines" });
      await stack.scrollIntoViewIfNeeded();
      await page.mouse.move(0, 0); // no hover highlight over the bars
      const [f0, f1] = await windowOf(playground);
      problems.push(...(await checkEveryRun(page, playground, `playground ${p + 1} at fit`)));
      // Zoom in with the keyboard (1.5× a press), then back out: the cuts hold at every step.
      await stack.focus();
      for (const presses of [2, 2]) {
        for (let k = 0; k < presses; k++) await page.keyboard.press("+");
        await expect.poll(async () => (await windowOf(playground))[1] - (await windowOf(playground))[0]).toBeLessThan((f1 - f0) * 0.9);
        problems.push(...(await checkEveryRun(page, playground, `playground ${p + 1} zoomed ${(await windowOf(playground)).join("–")}`)));
      }
      await page.keyboard.press("0");
    }
    expect(tasksSeen).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
}
