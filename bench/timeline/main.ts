// The timeline frame benchmark's page (bench/suites/5-timeline-frames.mjs drives it through
// window.__timelineBench). It imports the app's renderer straight from src/, draws synthetic runs
// on one canvas from a requestAnimationFrame loop, as the app's TimelineController does, and times
// the JS of each frame and the interval between frames; the naive drawing gets the same canvas
// and the same scripted windows. Nothing here is part of the app's build.
import { drawAxis } from "../../src/ui/timeline/draw-axis";
import { drawOutputs } from "../../src/ui/timeline/draw-marks";
import { drawSpans } from "../../src/ui/timeline/draw-spans";
import { plotRange, sectionHeight } from "../../src/ui/timeline/layout";
import { createDrawList, laneDetail } from "../../src/ui/timeline/level-of-detail";
import { renderTimeline, type Viewport } from "../../src/ui/timeline/renderer";
import type { RenderTheme } from "../../src/ui/timeline/theme";
import { readTheme } from "../../src/ui/timeline/theme-dom";
import { modelOf, type TimelineModel } from "../../src/ui/timeline/timeline-model";
import { TimeScale } from "../../src/ui/timeline/time-scale";
import { drawNaive, naiveData, type NaiveData } from "./naive";
import { syntheticRun } from "./synthetic-run";
import { zoomScript } from "./zoom-script";

const WIDTH = 1600;
const LANES = 8;
const HEIGHT = sectionHeight(LANES);

interface Prepared {
  model: TimelineModel;
  naive: NaiveData;
  windows: TimeScale[];
}

const host = document.getElementById("host")!;
const canvas = document.getElementById("plot") as HTMLCanvasElement;
const dpr = window.devicePixelRatio || 1;
const viewport: Viewport = { width: WIDTH, height: HEIGHT, dpr };
canvas.style.width = `${WIDTH}px`;
canvas.style.height = `${HEIGHT}px`;
canvas.width = Math.round(WIDTH * dpr);
canvas.height = Math.round(HEIGHT * dpr);
const ctx = canvas.getContext("2d")!;
const [x0, x1] = plotRange(WIDTH);
let theme: RenderTheme | null = null;
const prepared = new Map<number, Prepared>();

function themeNow(): RenderTheme {
  theme ??= readTheme(host, dpr);
  return theme;
}

function prepare(spanCount: number, frames: number, seed = 1) {
  const run = syntheticRun({ spanCount, seed, lanes: LANES });
  const model = modelOf(run);
  prepared.set(spanCount, { model, naive: naiveData(model.columns), windows: zoomScript(run.wallMs, x0, x1, frames) });
  const states: Record<string, number> = {};
  for (const s of run.spans) states[s.state] = (states[s.state] ?? 0) + 1;
  return { spans: run.spans.length, lanes: model.lanes.length, tasks: run.tasks?.length ?? 0, outputs: run.output.length, wallMs: run.wallMs, states };
}

function get(spanCount: number): Prepared {
  const p = prepared.get(spanCount);
  if (!p) throw new Error(`prepare(${spanCount}) first`);
  return p;
}

/** Draws frame i of the script with `kind` in a rAF loop: JS ms per frame, and ms from each
 *  frame's rAF to the next (that frame's JS, style, paint, canvas raster and commit). */
function frames(spanCount: number, kind: "lanes" | "naive", warmup = 10): Promise<{ js: number[]; raf: number[] }> {
  const { model, naive, windows } = get(spanCount);
  const t = themeNow();
  const draw = (scale: TimeScale) =>
    kind === "lanes" ? renderTimeline(ctx, model, scale, viewport, t, {}, {}) : drawNaive(ctx, naive, scale, viewport, t);
  const js: number[] = [];
  const stamps: number[] = [];
  const count = windows.length;
  return new Promise((resolve) => {
    let i = -warmup;
    const tick = (ts: number) => {
      if (i >= 0) stamps.push(ts);
      if (i === count) {
        resolve({ js, raf: stamps.slice(1).map((s, k) => s - stamps[k]!) });
        return;
      }
      const scale = windows[i < 0 ? i + warmup : i]!;
      const start = performance.now();
      draw(scale);
      const end = performance.now();
      if (i >= 0) js.push(end - start);
      i++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

const nextFrameDone = () => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));

/** The first draw of a finished run in a new timeline section: model, theme, sizing, render. */
async function firstDraw(spanCount: number, seed: number) {
  const run = syntheticRun({ spanCount, seed, lanes: LANES });
  await nextFrameDone();
  const fresh = document.createElement("canvas");
  fresh.style.width = `${WIDTH}px`;
  fresh.style.height = `${HEIGHT}px`;
  host.replaceChildren(fresh);
  const c = fresh.getContext("2d")!;
  const t0 = performance.now();
  const model = modelOf(run);
  const t1 = performance.now();
  const th = readTheme(host, dpr);
  fresh.width = Math.round(WIDTH * dpr);
  fresh.height = Math.round(HEIGHT * dpr);
  renderTimeline(c, model, new TimeScale(0, 1, x0, x1).fit(run.wallMs), viewport, th, {}, {});
  const t2 = performance.now();
  const t3 = await nextFrameDone();
  return { build: t1 - t0, render: t2 - t1, total: t2 - t0, toFrame: t3 - t0 };
}

/** Where a frame's JS goes: each part of the renderer timed alone over the script's windows. */
function phases(spanCount: number) {
  const { model, windows } = get(spanCount);
  const t = themeNow();
  const list = createDrawList(1024);
  const time = (f: (s: TimeScale) => void) => windows.map((s) => {
    const a = performance.now();
    f(s);
    return performance.now() - a;
  });
  const rects: number[] = [];
  const lod = time((s) => {
    list.n = 0;
    for (let lane = 0; lane < model.lanes.length; lane++) laneDetail(model.columns, lane, s, list);
    rects.push(list.n);
  });
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const spans = time((s) => void drawSpans(ctx, model, s, t));
  const axis = time((s) => drawAxis(ctx, s, model.run.wallMs, HEIGHT, t));
  const marks: number[] = [];
  const outputs = time((s) => void marks.push(drawOutputs(ctx, model, s, t)));
  const whole = time((s) => renderTimeline(ctx, model, s, viewport, t, {}, {}));
  return { lod, spans, axis, outputs, whole, rects, marks };
}

function info() {
  return { width: WIDTH, height: HEIGHT, dpr, plot: [x0, x1], crossOriginIsolated: globalThis.crossOriginIsolated, lanes: LANES };
}

const api = { info, prepare, frames, firstDraw, phases };
declare global {
  interface Window {
    __timelineBench?: typeof api;
  }
}
window.__timelineBench = api;
