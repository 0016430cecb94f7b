// Issue 13 point 8: at 390 × 844 with a touch screen, the exercise line shows without scrolling
// inside the editor, and the timeline answers pinch, drag, tap and double tap.
import type { CDPSession, Locator } from "@playwright/test";
import { LAYOUT, plotRange } from "../src/ui/timeline/layout";
import { editorReady, expect, runFinished, test } from "./fixtures";
import { appReady } from "./lanes";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

async function windowOf(playground: Locator): Promise<[number, number]> {
  const [t0, t1] = ((await playground.locator(".tl-root").getAttribute("data-window")) ?? "").split(",").map(Number);
  return [t0!, t1!];
}

type Point = { x: number; y: number };

/** One touch gesture through Chromium's input pipeline: fingers from `from` to `to` in steps. */
async function gesture(cdp: CDPSession, from: Point[], to: Point[], steps = 8) {
  const at = (k: number) => from.map((p, id) => ({ id, x: p.x + ((to[id]!.x - p.x) * k) / Math.max(steps, 1), y: p.y + ((to[id]!.y - p.y) * k) / Math.max(steps, 1) }));
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(0) });
  for (let k = 1; k <= steps; k++) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(k) });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

async function tap(cdp: CDPSession, p: Point) {
  await gesture(cdp, [p], [p], 0);
}

test("the exercise's line shows in the editor without scrolling it", async ({ page }) => {
  for (const [lesson, id, line] of [
    ["02-computing-needs-cores", "both-cores", "workers: 1"],
    ["03-results-as-they-come", "as-they-come", "pool.map"],
  ] as const) {
    await page.goto(`/lessons/${lesson}`);
    await appReady(page); // the app replaces the prerendered page: a node found before is then detached
    const playground = page.getByTestId(`playground-${id}`);
    await playground.scrollIntoViewIfNeeded();
    await editorReady(page, playground);
    const editor = playground.locator(".code-editor");
    const target = editor.locator(".view-line", { hasText: line });
    await expect(target).toHaveCount(1);
    await expect(target).toBeVisible(); // Monaco lays the lines out again as the editor grows to its content
    const box = (await editor.boundingBox())!;
    const lineBox = (await target.boundingBox())!;
    expect(lineBox.y, `${lesson}: "${line}" below the editor's top`).toBeGreaterThanOrEqual(box.y);
    expect(lineBox.y + lineBox.height, `${lesson}: "${line}" above the editor's bottom`).toBeLessThanOrEqual(box.y + box.height);
    // Nothing scrolled inside the editor to get there, and the editor is no wider than the screen.
    expect(await editor.locator(".monaco-scrollable-element").first().evaluate((el) => el.scrollTop)).toBe(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
});

test("pinch zooms the timeline, a drag pans it, a tap shows a span's details, a double tap fits", async ({ page }) => {
  await page.goto("/lessons/01-waiting-is-not-working");
  const playground = page.getByTestId("playground-p1");
  await editorReady(page, playground);
  await playground.getByRole("button", { name: "Run" }).tap();
  await runFinished(page, playground);
  const canvas = playground.locator("canvas.tl-canvas").first();
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const [f0, f1] = await windowOf(playground);
  const cdp = await page.context().newCDPSession(page);
  const y = box.y + LAYOUT.axisHeight + LAYOUT.rowHeight + LAYOUT.barTop + LAYOUT.barHeight / 2; // main's page thread
  const mid = box.x + box.width * 0.6;

  await gesture(cdp, [{ x: mid - 30, y }, { x: mid + 30, y }], [{ x: mid - 110, y }, { x: mid + 110, y }]);
  await expect.poll(async () => { const [a, b] = await windowOf(playground); return b - a; }).toBeLessThan((f1 - f0) / 2);
  const [z0, z1] = await windowOf(playground);
  // The page did not zoom with it: the layout viewport is still the phone's width.
  expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);

  // Drag right: the content follows the finger, so the window moves to earlier times.
  await gesture(cdp, [{ x: mid - 60, y }], [{ x: mid + 60, y }]);
  await expect.poll(async () => (await windowOf(playground))[0]).toBeLessThan(z0 - (z1 - z0) * 0.2);

  // Tap a span: its details appear and stay after the finger lifts.
  const [main] = await page.evaluate(() => window.__lanes!.lastRuns());
  const [w0, w1] = await windowOf(playground);
  const [x0, x1] = plotRange(box.width);
  const xOf = (t: number) => box.x + x0 + ((t - w0) / (w1 - w0)) * (x1 - x0);
  const span = main!.spans
    .filter((s) => s.lane === "page")
    .map((s) => ({ s, a: xOf(Math.max(s.start, w0)), b: xOf(Math.min(s.end, w1)) }))
    .sort((p, q) => q.b - q.a - (p.b - p.a))[0]!;
  expect(span.b - span.a).toBeGreaterThan(10);
  const spot = { x: (span.a + span.b) / 2, y };
  await tap(cdp, spot);
  const tooltip = playground.getByRole("tooltip");
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(/download\(\d+\)|starting|page thread/);
  await page.waitForTimeout(400); // not a double tap
  // A tap on nothing (the axis) puts them away.
  await tap(cdp, { x: mid, y: box.y + 4 });
  await expect(tooltip).toBeHidden();

  await page.waitForTimeout(400);
  await tap(cdp, spot);
  await tap(cdp, spot);
  await expect.poll(async () => (await windowOf(playground))[1]).toBeGreaterThanOrEqual(f1 - 0.01);

  // The hint speaks of touch, not only of a mouse.
  await expect(playground.locator(".tl-hint")).toContainText("pinch");
  await expect(playground.locator(".tl-hint")).toContainText("tap");
});
