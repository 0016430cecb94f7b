// 5. Timeline frames: what one frame of zooming and panning costs, for 1,000, 10,000 and 100,000
// spans on 8 worker lanes, next to the naive drawing (one fillRect per span), and the first draw of
// a finished 100,000-span run (model build + first render). Issue 4's benchmark.
//
// The renderer is not reachable from the built app, so this suite builds its own page,
// bench/timeline/ (index.html + main.ts importing src/ui/timeline/* directly), with
// bench/timeline/vite.config.ts into bench/results/timeline-dist, and serves it from a small
// static server of its own (COOP/COEP, so the page is cross-origin isolated like the app: 5 µs
// timers). The app's build is not touched.
//
// In the page, a synthetic Run (seeded PRNG, wall 5 s whatever the size) is turned into the
// app's model once; then a requestAnimationFrame loop draws a scripted sequence of 120 windows
// (zoom in around 30 % of the plot, pan, zoom in around 70 %, pan back, zoom out to the whole
// run, zoom in around 85 %: bench/timeline/zoom-script.ts) on a 1600 × 238 CSS px canvas (the
// app's geometry for 8 lanes) at the page's devicePixelRatio. Per frame: the JS time of the draw
// call, and the interval to the next rAF (JS + style + paint + canvas raster + commit; 16.7 ms
// when the frame fits in a 60 Hz vsync). Lanes and naive alternate, repeated, frames pooled.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";

const SIZES = [1_000, 10_000, 100_000];
const FRAMES = 120;
const TARGET_FRAME_MS = 16;
const TARGET_FIRST_DRAW_MS = 100;
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml" };

/** q-quantile (nearest rank) of values. */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const fmt = (x, digits = 1) => (x >= 100 ? x.toFixed(0) : x.toFixed(digits));
const count = (n) => n.toLocaleString("en-US");

async function buildPage(benchDir) {
  const { build } = await import("vite");
  const configFile = path.join(benchDir, "timeline", "vite.config.ts");
  await build({ configFile, logLevel: "warn" });
  return path.join(benchDir, "results", "timeline-dist");
}

/** A static server for `dir` with the app's isolation headers; resolves to { url, close }. */
function serve(dir) {
  const server = createServer(async (req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "") || "index.html";
    const file = path.join(dir, rel);
    if (!file.startsWith(dir + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Embedder-Policy": "require-corp",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Cache-Control": "no-store",
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** Each part of the renderer timed alone over the script: medians, p95, and the slowest frame. */
function whereTheTimeGoes(ph, median) {
  const parts = { "level of detail": ph.lod, "spans (LOD + paths + fills + labels)": ph.spans, axis: ph.axis, "output marks": ph.outputs, "whole render": ph.whole };
  const worst = ph.whole.indexOf(Math.max(...ph.whole));
  const text = Object.entries(parts).map(([k, v]) => `${k} ${fmt(median(v), 2)} / ${fmt(quantile(v, 0.95), 2)} ms`);
  return (
    `Where the JS goes, each part timed alone (median / p95): ${text.join(", ")}. ` +
    `Slowest frame (#${worst}): spans ${fmt(ph.spans[worst], 2)} ms for ${ph.rects[worst]} rectangles, output marks ${fmt(ph.outputs[worst], 2)} ms for ${ph.marks[worst]} marks. ` +
    `Per frame after level of detail: median ${median(ph.rects)} rectangles (max ${Math.max(...ph.rects)}), ${median(ph.marks)} output marks (max ${Math.max(...ph.marks)}).`
  );
}

export default {
  name: "timeline-frames",
  /** @param {import("@playwright/test").Page} page @param {any} ctx */
  async run(page, ctx) {
    const dist = await buildPage(ctx.benchDir);
    const server = await serve(dist);
    try {
      await page.setViewportSize({ width: 1700, height: 700 }); // the whole 1600 px canvas on screen
      await page.goto(server.url);
      await page.waitForFunction(() => window.__timelineBench !== undefined, null, { timeout: 30_000 });
      const info = await page.evaluate(() => window.__timelineBench.info());
      if (!info.crossOriginIsolated) ctx.log("the bench page is not cross-origin isolated (timers at 100 µs)");
      const canvasText = `canvas ${info.width} × ${info.height} CSS px at devicePixelRatio ${info.dpr}`;
      ctx.log(`${canvasText}, ${info.lanes} lanes`);

      // First draw first, while the renderer's code is still cold, as in the app.
      const firstReps = ctx.reps(7);
      const first = [];
      for (let i = 0; i < firstReps; i++) first.push(await page.evaluate(() => window.__timelineBench.firstDraw(100_000, 1)));

      const shapes = {};
      for (const n of SIZES) shapes[n] = await page.evaluate(([n, f]) => window.__timelineBench.prepare(n, f), [n, FRAMES]);

      const reps = ctx.reps(3);
      const data = Object.fromEntries(SIZES.map((n) => [n, { lanes: { js: [], raf: [] }, naive: { js: [], raf: [] } }]));
      for (let r = 0; r < reps; r++) {
        for (const n of SIZES) {
          for (const kind of r % 2 ? ["naive", "lanes"] : ["lanes", "naive"]) {
            const out = await page.evaluate(([n, k]) => window.__timelineBench.frames(n, k), [n, kind]);
            data[n][kind].js.push(...out.js);
            data[n][kind].raf.push(...out.raf);
          }
        }
      }
      const phases = {};
      for (const n of SIZES) phases[n] = await page.evaluate((n) => window.__timelineBench.phases(n), n);

      const m = ctx.median;
      const rows = [];
      for (const n of SIZES) {
        const { lanes, naive } = data[n];
        const frames = lanes.js.length;
        const tag = `${count(n)} spans, 8 lanes`;
        const of = `median of ${frames} frames`;
        const ph = phases[n];
        const rafOk = (list) => `${Math.round((100 * list.filter((x) => x <= 20).length) / list.length)} %`;
        const s = shapes[n];
        rows.push(
          {
            name: `${tag}: Lanes JS per frame while zooming and panning (${of})`,
            value: m(lanes.js),
            unit: "ms",
            better: "lower",
            target: TARGET_FRAME_MS,
            reps: frames,
            floor: `naive (one fillRect per span) ${fmt(m(naive.js))} ms`,
            note:
              `${canvasText}; ${s.spans} spans, ${s.tasks} tasks, ${s.outputs} output lines, wall ${fmt(s.wallMs)} ms; ` +
              `${FRAMES}-frame script × ${reps}. ${whereTheTimeGoes(ph, m)}`,
          },
          {
            name: `${tag}: Lanes JS per frame, p95 (${frames} frames)`,
            value: quantile(lanes.js, 0.95),
            unit: "ms",
            better: "lower",
            target: TARGET_FRAME_MS,
            reps: frames,
            floor: `naive p95 ${fmt(quantile(naive.js, 0.95))} ms`,
          },
          {
            name: `${tag}: Lanes rAF interval (${of})`,
            value: m(lanes.raf),
            unit: "ms",
            better: "lower",
            reps: frames,
            floor: `60 Hz = 16.7 ms; naive ${fmt(m(naive.raf))} ms`,
            note: `frames within 20 ms: Lanes ${rafOk(lanes.raf)}, naive ${rafOk(naive.raf)}`,
          },
          {
            name: `${tag}: Lanes rAF interval, p95 (${frames} frames)`,
            value: quantile(lanes.raf, 0.95),
            unit: "ms",
            better: "lower",
            reps: frames,
            floor: `naive p95 ${fmt(quantile(naive.raf, 0.95))} ms`,
          },
          {
            name: `${tag}: naive JS per frame, one fillRect per span (${of})`,
            value: m(naive.js),
            unit: "ms",
            better: "lower",
            reps: naive.js.length,
            floor: n === 100_000 ? "≈ 54 ms for 100,000 fillRect on 1600 × 400 (PITFALLS.md)" : undefined,
          },
          {
            name: `${tag}: naive rAF interval (${of})`,
            value: m(naive.raf),
            unit: "ms",
            better: "lower",
            reps: naive.raf.length,
          },
        );
      }
      const pick = (key) => m(first.map((f) => f[key]));
      rows.push(
        {
          name: `first draw of a finished 100,000-span run: model build + first render (median of ${firstReps})`,
          value: pick("total"),
          unit: "ms",
          better: "lower",
          target: TARGET_FIRST_DRAW_MS,
          reps: firstReps,
          note:
            `fresh Run object and canvas each time (modelOf misses its cache); render = theme read + backing store + renderTimeline at fit. ` +
            `First (cold JIT) ${fmt(first[0].total)} ms; until the next frame is done (rAF + task) median ${fmt(pick("toFrame"))} ms. ${canvasText}.`,
        },
        { name: `  of which model build, modelOf(run) (median of ${firstReps})`, value: pick("build"), unit: "ms", better: "lower", reps: firstReps },
        { name: `  of which first render (median of ${firstReps})`, value: pick("render"), unit: "ms", better: "lower", reps: firstReps },
      );
      return rows;
    } finally {
      await server.close();
    }
  },
};
