import type { Page } from "@playwright/test";
import { LAYOUT, plotRange, sectionHeight } from "../src/ui/timeline/layout";
import { editorReady, expect, pickRunner, runFinished, test, typeProgram } from "./fixtures";

async function runAllThree(page: Page) {
  await page.goto("/lessons/01-waiting-is-not-working");
  const playground = page.getByTestId("playground-p1");
  await editorReady(page, playground);
  await playground.getByRole("button", { name: "Run" }).click();
  await runFinished(page, playground);
  return playground;
}

function visibleWindow(value: string | null): [number, number] {
  const [t0, t1] = (value ?? "").split(",").map(Number);
  return [t0 ?? NaN, t1 ?? NaN];
}

test("three runs, one time axis, a legend, tooltips, zoom, and a table with the same spans", async ({ page }) => {
  const playground = await runAllThree(page);
  const runs = await page.evaluate(() => window.__lanes!.lastRuns());
  expect(runs.map((r) => r.runner)).toEqual(["main", "async", "workers"]);
  // Each worker lane says how long its worker took to start.
  expect(runs[2]!.startup?.map((s) => s.lane).sort()).toEqual(runs[2]!.lanes.filter((l) => l.id.startsWith("worker:")).map((l) => l.id).sort());
  // The header's figures say what they count in words on the page, not only in hover titles.
  await expect(playground.locator(".tl-summary").first()).toContainText("of the threads' time on a CPU");
  await expect(playground.locator(".tl-summary").last()).toContainText(/\d+ tasks? in progress, \d+ on a CPU/);

  const timelines = playground.getByRole("group", { name: "Timelines" });
  const canvases = timelines.getByRole("img");
  await expect(canvases).toHaveCount(3);
  for (const [i, runner] of ["main", "async", "workers"].entries()) {
    await expect(canvases.nth(i)).toHaveAttribute("aria-label", new RegExp(runner));
  }
  for (const state of ["running", "waiting", "blocked", "ready", "failed"]) {
    await expect(playground.locator(".tl-legend")).toContainText(state);
  }

  // One axis: the shared window covers the longest run (main, ~1.3 s).
  const root = playground.locator(".tl-root");
  const longest = Math.max(...runs.map((r) => r.wallMs));
  await expect.poll(async () => visibleWindow(await root.getAttribute("data-window"))[1]).toBeGreaterThanOrEqual(longest);
  const [t0, t1] = visibleWindow(await root.getAttribute("data-window"));
  expect(t0).toBeLessThanOrEqual(0);

  // Hover the middle of main's page-thread row: a tooltip names a download task.
  const main = canvases.nth(0);
  await main.scrollIntoViewIfNeeded();
  const box = (await main.boundingBox())!;
  const pageRow = runs[0]!.lanes.findIndex((l) => l.id === "page");
  // Aim at the middle of main's longest waiting span (not at a sliver between two tasks).
  const waiting = runs[0]!.spans.filter((s) => s.lane === "page" && s.state === "waiting").sort((a, b) => b.end - b.start - (a.end - a.start))[0]!;
  const [x0, x1] = plotRange(box.width);
  const x = box.x + x0 + (((waiting.start + waiting.end) / 2 - t0) / (t1 - t0)) * (x1 - x0);
  const y = box.y + LAYOUT.axisHeight + pageRow * LAYOUT.rowHeight + LAYOUT.barTop + LAYOUT.barHeight / 2;
  await page.mouse.move(x, y);
  const tooltip = playground.getByRole("tooltip");
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(/download\(\d+\)/);
  // Under main, sleep blocks the page's thread: the tooltip says so.
  await expect(tooltip).toContainText("waiting");
  await expect(tooltip).toContainText("whole thread waits");

  // Zoom in around the pointer: the shared window narrows.
  await page.mouse.wheel(0, -600);
  await expect
    .poll(async () => {
      const [z0, z1] = visibleWindow(await root.getAttribute("data-window"));
      return z1 - z0;
    })
    .toBeLessThan((t1 - t0) * 0.8);

  // Double-click fits again.
  await page.mouse.dblclick(x, y);
  await expect.poll(async () => visibleWindow(await root.getAttribute("data-window"))[1]).toBeGreaterThanOrEqual(runs[0]!.wallMs);

  // The text alternative lists exactly the Run's spans, lane by lane.
  await playground.getByText("Timeline as a table").click();
  const tables = playground.locator("table.tl-table");
  const rows = await tables.evaluateAll((els) =>
    els.map((table) => ({
      caption: table.querySelector("caption")?.textContent ?? "",
      rows: [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
    })),
  );
  const expected = runs.flatMap((run) =>
    run.lanes
      .filter((lane) => run.spans.some((s) => s.lane === lane.id))
      .map((lane) => ({
        caption: lane.label,
        count: run.spans.filter((s) => s.lane === lane.id).length + (run.startup ?? []).filter((s) => s.lane === lane.id).length,
      })),
  );
  expect(rows.map((t) => ({ caption: t.caption, count: t.rows.length }))).toEqual(expected);
  const firstSpan = runs[0]!.spans.find((s) => s.lane === "page")!;
  const pageTable = rows.find((t) => t.caption === "page thread")!;
  expect(Number(pageTable.rows[0]![2]!.replace(/[^\d.]/g, ""))).toBeCloseTo(firstSpan.start, 0);
});

test("hovering an output line marks its tick on the timeline, and the reverse", async ({ page }) => {
  const playground = await runAllThree(page);
  const [main] = await page.evaluate(() => window.__lanes!.lastRuns());
  const lines = playground.getByRole("log", { name: "Program output" }).locator("li");
  await lines.first().hover();
  await expect(lines.first()).toHaveClass(/linked/);

  // The reverse: point at the last line's tick under main's row, at its time on the shared axis.
  await page.mouse.move(0, 0);
  await expect(playground.locator("li.linked")).toHaveCount(0);
  const last = main!.output.length - 1;
  const [t0, t1] = visibleWindow(await playground.locator(".tl-root").getAttribute("data-window"));
  const canvas = playground.getByRole("img").first();
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const [x0, x1] = plotRange(box.width);
  const x = box.x + x0 + ((main!.output[last]!.t - t0) / (t1 - t0)) * (x1 - x0);
  const y = box.y + LAYOUT.axisHeight + LAYOUT.barTop + LAYOUT.barHeight + 3;
  await page.mouse.move(x, y);
  const tooltip = playground.getByRole("tooltip");
  await expect(tooltip).toContainText("print(");
  // Ticks printed at the same instant overlap: whichever is picked, its line is the one marked.
  const marked = playground.locator("li.linked .output-text");
  await expect(marked).toHaveCount(1);
  await expect(tooltip).toContainText(`print("${await marked.textContent()}")`);
});

test("main freezes the page and workers do not; replay reveals output as the playhead passes", async ({ page }) => {
  const playground = await runAllThree(page);
  const [main, , workers] = await page.evaluate(() => window.__lanes!.lastRuns());
  // The page could not draw while main's tasks blocked its thread: most of the run was frozen.
  const frozenMs = (main!.frames?.frozen ?? []).reduce((sum, s) => sum + s.end - s.start, 0);
  expect(frozenMs).toBeGreaterThan(main!.wallMs * 0.5);
  expect(main!.frames!.dropped).toBeGreaterThan(20);
  expect(workers!.frames!.dropped).toBeLessThan(main!.frames!.dropped / 3);
  await expect(playground.locator(".tl-summary").first()).toContainText("frames dropped");

  // Replay at a quarter of real time: at first no line of main's output (printed at ~1.3 s) shows.
  const lines = playground.getByRole("log", { name: "Program output" }).locator("li");
  const all = await lines.count();
  await playground.getByRole("group", { name: "Replay" }).getByRole("button", { name: "¼× speed" }).click();
  await expect(playground.getByRole("button", { name: "Stop replay" })).toBeVisible();
  expect(await lines.count()).toBeLessThan(all);
  await playground.getByRole("button", { name: "Stop replay" }).click();
  await expect(lines).toHaveCount(all);
});

test("thousands of async tasks are drawn as rows of the pool, not a lane each", async ({ page }) => {
  await page.goto("/lessons/01-waiting-is-not-working");
  const playground = page.getByTestId("playground-p1");
  await editorReady(page, playground);
  await typeProgram(
    page,
    playground,
    'import { Pool, sleep } from "lanes";\nexport async function t(n: number) { await sleep(1); return n; }\nexport default async function main() {\n  await new Pool({ workers: 20 }).map(t, Array.from({ length: 3000 }, (_, i) => i));\n}\n',
  );
  await pickRunner(playground, "Async");
  await playground.getByRole("button", { name: "Run" }).click();
  await runFinished(page, playground);
  const canvas = playground.locator(".tl-section canvas").last();
  const height = await canvas.evaluate((c: HTMLCanvasElement) => c.getBoundingClientRect().height);
  // main(), the page thread and 20 rows (a pool of 20 runs at most 20 at once), where a lane
  // per task would be 3,002 lanes, about 78,000 px.
  expect(height).toBeGreaterThanOrEqual(sectionHeight(22));
  expect(height).toBeLessThanOrEqual(sectionHeight(26));
});

test("the keyboard reaches the timeline after the replay buttons, and zooms, pans and fits it", async ({ page }) => {
  const playground = await runAllThree(page);
  await playground.getByRole("button", { name: "real time" }).focus();
  await page.keyboard.press("Tab");
  const stack = playground.getByRole("group", { name: "Timelines" });
  await expect(stack).toBeFocused();
  const root = playground.locator(".tl-root");
  const [f0, f1] = visibleWindow(await root.getAttribute("data-window"));
  await page.keyboard.press("+");
  await page.keyboard.press("+");
  await expect.poll(async () => { const [a, b] = visibleWindow(await root.getAttribute("data-window")); return b - a; }).toBeLessThan((f1 - f0) / 2);
  const [z0] = visibleWindow(await root.getAttribute("data-window"));
  await page.keyboard.press("ArrowRight");
  await expect.poll(async () => visibleWindow(await root.getAttribute("data-window"))[0]).toBeGreaterThan(z0);
  await page.keyboard.press("0");
  await expect.poll(async () => visibleWindow(await root.getAttribute("data-window"))[1]).toBeCloseTo(f1, 1);
});
