// 8. A first visit to a lesson, from cold (a fresh browser context per load, nothing cached),
// on the production build, compressed as a static host would serve it. Issue 16's benchmark.
//
// A small server of this suite's own sits in front of `vite preview`: it gzips (level 6, once
// per file, as a CDN serves precompressed files) every text response, and logs each request
// with the bytes it sent, so "bytes before the editor is ready" counts what the workers fetched
// too. It also serves the floors, under /__floor/: bench/first-visit/ (Monaco alone, built with
// bench/first-visit/vite.config.ts, the same Monaco the app ships) and the lesson's own static
// HTML without its scripts (the paint of a static page).
//
// Each load records, from an init script, in page time (ms since navigation started):
//   FCP                 the first-contentful-paint entry;
//   prose visible       the animation frame after a `.prose p` exists (prerendered: the first);
//   editor ready        the animation frame after Monaco has drawn a line (`.view-line`);
//   TypeScript markers  the frame after the first `.squiggly-error` (the code carries one
//                       deliberate type error, in a saved draft for the app: separate loads);
//   CLS                 layout-shift entries without recent input, until 500 ms after ready.
// Cold Run → first task: a fresh context opens the lesson (its first playground's code saved as
// the draft, with one line that prints when main() was called), waits 2 s, then runs that code
// under `workers` through __lanes.run (the Run button's path): from the call to the first task's
// first span; then again 2 s later, warm.
import { createServer, request as httpRequest } from "node:http";
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { firstTaskStart } from "../lib/lanes.mjs";

const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|ttf|map|txt)$|\/$|^\/lessons\/[^.]+$/;
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".ttf": "font/ttf", ".json": "application/json" };
const TYPE_ERROR = '\nconst lanesBenchTypeError: number = "not a number";\n';

async function buildFloor(benchDir) {
  const { build } = await import("vite");
  await build({ configFile: path.join(benchDir, "first-visit", "vite.config.ts"), logLevel: "warn" });
  return path.join(benchDir, "results", "first-visit-dist");
}

/** Gzipping front server: /__floor/* from `floorDir` (and the static lesson page), the rest from `upstream`. */
function serve(upstream, floorDir, staticLesson) {
  const cache = new Map();
  const log = [];
  const fetchUpstream = (url) =>
    new Promise((resolve, reject) => {
      const req = httpRequest(new URL(url, upstream), (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 500, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on("error", reject);
      req.end();
    });
  const load = async (url) => {
    if (cache.has(url)) return cache.get(url);
    let entry;
    const pathname = new URL(url, "http://x").pathname;
    if (pathname === "/__floor/static.html") {
      entry = { status: 200, headers: { "content-type": "text/html" }, body: Buffer.from(staticLesson) };
    } else if (pathname.startsWith("/__floor/")) {
      const file = path.join(floorDir, pathname.slice("/__floor/".length) || "index.html");
      if (!file.startsWith(floorDir + path.sep)) return { status: 403, headers: {}, body: Buffer.alloc(0) };
      entry = await readFile(file).then(
        (body) => ({ status: 200, headers: { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }, body }),
        () => ({ status: 404, headers: {}, body: Buffer.alloc(0) }),
      );
    } else {
      entry = await fetchUpstream(url);
    }
    const gzip = entry.status === 200 && COMPRESSIBLE.test(pathname);
    entry = { ...entry, gzip, sent: gzip ? gzipSync(entry.body, { level: 6 }) : entry.body };
    cache.set(url, entry);
    return entry;
  };
  const server = createServer(async (req, res) => {
    try {
      const entry = await load(req.url ?? "/");
      const headers = {
        "content-type": entry.headers["content-type"] ?? "application/octet-stream",
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-embedder-policy": "require-corp",
        "cross-origin-resource-policy": "same-origin",
        "cache-control": "no-store",
      };
      if (entry.headers["content-security-policy"]) headers["content-security-policy"] = entry.headers["content-security-policy"];
      if (entry.gzip) headers["content-encoding"] = "gzip";
      res.writeHead(entry.status, headers);
      res.end(entry.sent, () => log.push({ url: req.url, bytes: entry.sent.length, raw: entry.body.length, at: Date.now() }));
    } catch (error) {
      res.writeHead(502).end(String(error));
    }
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, log, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** Installed before any page script: records the moments above (see the header). */
function recorder() {
  const fv = { prose: null, editor: null, markers: null, cls: 0, wallOrigin: performance.timeOrigin };
  window.__fv = fv;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) fv.cls += e.value;
  }).observe({ type: "layout-shift", buffered: true });
  const tick = () => {
    const t = performance.now();
    if (fv.prose === null && document.querySelector(".prose p")) fv.prose = t;
    if (fv.editor === null && document.querySelector(".monaco-editor .view-line")) fv.editor = t;
    if (fv.markers === null && document.querySelector(".squiggly-error")) fv.markers = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function coldLoad(browser, url, { draft, waitFor }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    if (draft) await page.addInitScript(([key, value]) => localStorage.setItem(key, value), draft);
    await page.addInitScript(recorder);
    await page.goto(url);
    await page.waitForFunction((key) => window.__fv?.[key] !== null, waitFor, { timeout: 60_000, polling: 50 });
    if (waitFor === "editor") await page.waitForTimeout(500); // a shift from the editor's first layouts is counted
    // A page as quick as the static one can be read before its paint entry is posted.
    await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, undefined, { timeout: 10_000, polling: 50 });
    return await page.evaluate(() => {
      const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
      return { ...window.__fv, fcp };
    });
  } finally {
    await context.close();
  }
}

/** gzip bytes the server sent during [fromWall, toWall] (one load at a time, so all of them are its). */
function bytesBetween(log, fromWall, toWall) {
  return log.filter((r) => r.at >= fromWall && r.at <= toWall).reduce((sum, r) => sum + r.bytes, 0);
}

/**
 * The lesson's program with one line more: main() prints the epoch time it was called at, so
 * Run → first task is measured from the Run to the task's start (not including the run's end,
 * as `after − wallMs` would). The same code is the lesson's saved draft, so what the page
 * prepares while idle is this program.
 */
function withStartStamp(code) {
  const stamped = code.replace(/export default (async )?function main\(\)\s*\{/, (m) => `${m}\n  __benchPrint(String(performance.timeOrigin + performance.now()));`);
  if (stamped === code) throw new Error("the lesson's first playground has no `export default function main()` to stamp");
  return `import { print as __benchPrint } from "lanes";\n${stamped}`;
}

async function runLatency(page, ctx, code) {
  const { before, run } = await page.evaluate(async (c) => {
    const before = performance.timeOrigin + performance.now();
    const [run] = await window.__lanes.run(c, ["workers"]);
    return { before, run };
  }, code);
  ctx.assertOk([run]);
  const line = run.output[0];
  const mainCalled = Number(line.text) - line.t; // epoch time at which main() was called
  return mainCalled + firstTaskStart(run) - before;
}

export default {
  name: "first-visit",
  /** @param {import("@playwright/test").Page} page @param {any} ctx */
  async run(page, ctx) {
    const browser = page.context().browser();
    // The lesson of the issue's figures ("lesson 2", computing needs cores), else the course's
    // second. The home page lists lessons in its parts (regions), not in one list any more.
    const hrefs = await page.locator('main a[href*="/lessons/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const lessonPath = hrefs.find((h) => h?.endsWith("/02-computing-needs-cores")) ?? hrefs[1] ?? hrefs[0];
    if (!lessonPath) throw new Error("the home page links no lesson");
    const slug = lessonPath.replace(/^.*\/lessons\//, "");
    const html = await (await fetch(ctx.baseURL + lessonPath)).text();
    const staticLesson = html.replace(/<script[^>]*><\/script>/g, "").replace(/<link rel="modulepreload"[^>]*>/g, "");
    const playgroundCode = await pageCode(browser, ctx.baseURL + lessonPath);

    ctx.log("building the Monaco-only floor page …");
    const floorDir = await buildFloor(ctx.benchDir);
    const server = await serve(ctx.baseURL, floorDir, staticLesson);
    try {
      const reps = ctx.reps(5);
      const draft = ["lanes-progress", JSON.stringify({ state: { blocks: { [`${slug}/p1`]: { hintsShown: 0, solutionShown: false, draft: { code: playgroundCode + TYPE_ERROR, savedAt: 1 } } }, visited: {} }, version: 1 })];
      const lesson = [], markers = [], floor = [], floorMarkers = [], still = [], lessonBytes = [], floorBytes = [];
      for (let i = 0; i < reps; i++) {
        let from = Date.now();
        const l = await coldLoad(browser, `${server.url}${lessonPath}`, { waitFor: "editor" });
        lesson.push(l);
        lessonBytes.push(bytesBetween(server.log, from, l.wallOrigin + l.editor));
        markers.push(await coldLoad(browser, `${server.url}${lessonPath}`, { draft, waitFor: "markers" }));
        from = Date.now();
        const f = await coldLoad(browser, `${server.url}/__floor/index.html#${encodeURIComponent(playgroundCode + TYPE_ERROR)}`, { waitFor: "markers" });
        floor.push(f);
        floorMarkers.push(f);
        floorBytes.push(bytesBetween(server.log, from, f.wallOrigin + f.editor));
        still.push(await coldLoad(browser, `${server.url}/__floor/static.html`, { waitFor: "prose" }));
      }

      const coldRuns = [], warmRuns = [];
      const runReps = ctx.reps(5);
      const stamped = withStartStamp(playgroundCode);
      const stampedDraft = ["lanes-progress", JSON.stringify({ state: { blocks: { [`${slug}/p1`]: { hintsShown: 0, solutionShown: false, draft: { code: stamped, savedAt: 1 } } }, visited: {} }, version: 1 })];
      for (let i = 0; i < runReps; i++) {
        const context = await browser.newContext();
        try {
          const p = await context.newPage();
          await p.addInitScript(([key, value]) => localStorage.setItem(key, value), stampedDraft);
          await p.goto(`${ctx.baseURL}${lessonPath}`);
          await p.waitForFunction(() => window.__lanes !== undefined);
          await p.waitForTimeout(2000); // the lesson has been open for 2 s
          coldRuns.push(await runLatency(p, ctx, stamped));
          await p.waitForTimeout(2000); // the next stage has booted: warm
          warmRuns.push(await runLatency(p, ctx, stamped));
        } finally {
          await context.close();
        }
      }

      const m = ctx.median;
      const pick = (list, key) => m(list.map((x) => x[key]));
      const editorFloor = pick(floor, "editor");
      const tag = `${slug}, median of ${reps} cold loads`;
      const kib = (b) => b / 1024;
      return [
        { name: `navigation → first contentful paint (${tag})`, value: pick(lesson, "fcp"), unit: "ms", better: "lower", target: 150, reps, floor: `static page ${pick(still, "fcp").toFixed(0)} ms` },
        { name: `navigation → prose visible (${tag})`, value: pick(lesson, "prose"), unit: "ms", better: "lower", reps, floor: `static page ${pick(still, "prose").toFixed(0)} ms` },
        { name: `navigation → editor ready (${tag})`, value: pick(lesson, "editor"), unit: "ms", better: "lower", reps, floor: `Monaco alone ${editorFloor.toFixed(0)} ms` },
        { name: "  editor ready / Monaco alone", value: pick(lesson, "editor") / editorFloor, unit: "×", better: "lower", target: 1.15, reps },
        { name: `navigation → TypeScript markers (${tag})`, value: pick(markers, "markers"), unit: "ms", better: "lower", reps, floor: `Monaco alone ${pick(floorMarkers, "markers").toFixed(0)} ms` },
        { name: `bytes fetched before the editor is ready, gzip (${tag})`, value: kib(m(lessonBytes)), unit: "KiB", better: "lower", reps, floor: `Monaco alone ${kib(m(floorBytes)).toFixed(0)} KiB` },
        { name: `layout shift until 500 ms after the editor is ready, CLS (${tag})`, value: Math.max(...lesson.map((l) => l.cls)), unit: "", better: "lower", target: 0.05, reps, note: `worst of ${reps}; median ${pick(lesson, "cls").toFixed(3)}` },
        { name: `cold Run → first task running, lesson open 2 s, workers (median of ${runReps})`, value: m(coldRuns), unit: "ms", better: "lower", target: 20, reps: runReps, floor: `the next Run (warm) ${m(warmRuns).toFixed(1)} ms`, note: `the lesson's first playground; fresh context each` },
      ];
    } finally {
      await server.close();
    }
  },
};

/** The first playground's code as the static page shows it. */
async function pageCode(browser, url) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const p = await context.newPage();
    await p.goto(url);
    return (await p.locator(".code-editor .code-fallback").first().textContent()) ?? "";
  } finally {
    await context.close();
  }
}
