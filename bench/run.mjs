#!/usr/bin/env node
// `npm run bench`: build the app, serve it with `vite preview` (COOP/COEP, so the page is
// cross-origin isolated), run every suite in bench/suites/ in one headless Chromium, and write
// bench/results/latest.json and latest.md. See bench/README.md.
//
// Options:
//   --no-build        serve the last bench build (bench/results/dist, else dist/) as it is
//   --dist=DIR        serve DIR instead (implies --no-build)
//   --only=a,b        run only the suites whose name or file contains one of these words
//   --quick           about a third of the repetitions (a smoke test; numbers are noisier)
//   --headed          show the browser
//   --wait-idle=S     before each suite, wait up to S seconds (default 15) for other processes
//                     to leave the CPUs alone (below 0.2 cores busy); 0 = do not wait
//
// A suite is a module bench/suites/*.{mjs,js,ts} exporting (as default, or as named exports)
//   { name: string, run(page, ctx) => Promise<Result[]> }
// (Result: see lib/report.mjs). Each suite gets a fresh browser context and a page already at
// the app's home page with window.__lanes ready; ctx is described at `makeContext` below.

import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "../scripts/chromium-path.mjs";
import { assertOk, runLanes, runLanesSlim } from "./lib/lanes.mjs";
import { foreignLoad } from "./lib/cpu-load.mjs";
import { BUSY, toMarkdown, targetMet } from "./lib/report.mjs";
import { median, summary, sig } from "./lib/stats.mjs";

register("./lib/ts-hooks.mjs", import.meta.url); // suites may be TypeScript

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const RESULTS = path.join(BENCH, "results");
const BENCH_DIST = path.join(RESULTS, "dist"); // git-ignored; never clobbers dist/ of others
const VITE = path.join(ROOT, "node_modules", "vite", "bin", "vite.js");

const args = parseArgs(process.argv.slice(2));

/** @type {import("node:child_process").ChildProcess | undefined} */
let server;
let browser;

function stopServer() {
  if (server?.pid && server.exitCode === null && server.signalCode === null) {
    try {
      process.kill(-server.pid, "SIGTERM"); // its whole process group
    } catch {
      /* already gone */
    }
  }
  server = undefined;
}
process.on("exit", stopServer);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    stopServer();
    process.exit(130);
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`bench: ${error?.stack ?? error}`);
    process.exitCode = 1;
  },
);

async function main() {
  const started = Date.now();
  mkdirSync(RESULTS, { recursive: true });
  let dist = args.dist ? path.resolve(args.dist) : BENCH_DIST;
  if (!args.build) {
    if (!args.dist && !existsSync(path.join(BENCH_DIST, "index.html"))) dist = path.join(ROOT, "dist");
    if (!existsSync(path.join(dist, "index.html"))) throw new Error(`--no-build: nothing built in ${dist}; run without --no-build.`);
  } else {
    log(`building into ${path.relative(ROOT, dist)} …`);
    execFileSync(process.execPath, [VITE, "build", "--outDir", dist, "--emptyOutDir", "--logLevel", "warn"], { cwd: ROOT, stdio: "inherit" });
  }

  const suites = await loadSuites();
  if (suites.length === 0) throw new Error(`no suite matches --only=${args.only.join(",")}`);

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [VITE, "preview", "--outDir", dist, "--port", String(port), "--strictPort", "--host", "127.0.0.1"], {
    cwd: ROOT,
    detached: true, // own process group, so stopServer() kills everything it started
    stdio: ["ignore", "ignore", "pipe"],
  });
  let serverErr = "";
  server.stderr?.on("data", (chunk) => (serverErr += chunk));
  await waitForServer(baseURL, () => serverErr);

  const results = [];
  const errors = [];
  const suiteRuns = [];
  let machine;
  try {
    // --expose-gc: a suite may collect garbage between contenders, so none pays for another's.
    browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, "--js-flags=--expose-gc"], headless: !args.headed });
    machine = await describeMachine(browser, baseURL);
    machine.build = args.build ? `fresh, in ${path.relative(ROOT, dist)}` : `reused ${path.relative(ROOT, dist)} (built ${statSync(path.join(dist, "index.html")).mtime.toISOString()})`;
    log(`Chromium ${machine.chromium}, ${machine.cores} cores, hardwareConcurrency ${machine.hardwareConcurrency}, crossOriginIsolated ${machine.crossOriginIsolated}`);
    if (!machine.crossOriginIsolated) throw new Error("the page is not cross-origin isolated: the preview did not send COOP/COEP");

    for (const suite of suites) {
      log(`▶ ${suite.name}`);
      await waitForIdle(args.waitIdle);
      const t = Date.now();
      // The suites inject their hand-written baselines (bench/lib/page-kit.js, workerpool) as
      // inline scripts, which the app's Content-Security-Policy rightly forbids: bench pages
      // bypass it. A policy only blocks; it does not change how allowed code runs.
      const context = await browser.newContext({ bypassCSP: true });
      let load;
      try {
        const page = await openApp(context, baseURL);
        const ctx = makeContext(context, baseURL, suite.name);
        load = foreignLoad();
        const out = await suite.run(page, ctx);
        for (const r of out) {
          validate(r, suite.name);
          results.push({ suite: suite.name, ...r });
          log(`  ${r.name}: ${sig(r.value)} ${r.unit}${r.target !== undefined ? `  (target ${r.better === "lower" ? "≤" : "≥"} ${r.target}: ${targetMet(r) ? "met" : "NOT met"})` : ""}`);
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        errors.push({ suite: suite.name, message });
        log(`  ✖ ${suite.name} failed: ${message}`);
      } finally {
        const foreignCores = load?.stop() ?? null;
        suiteRuns.push({ name: suite.name, file: suite.file, seconds: Math.round((Date.now() - t) / 100) / 10, foreignCores });
        await context.close().catch(() => undefined);
      }
      const last = suiteRuns[suiteRuns.length - 1];
      log(`  (${last.seconds} s; other processes kept ${last.foreignCores?.toFixed(2) ?? "?"} cores busy meanwhile)`);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    stopServer();
  }

  machine.durationSeconds = Math.round((Date.now() - started) / 1000);
  const report = { machine, suites: suiteRuns, results, errors };
  writeFileSync(path.join(RESULTS, "latest.json"), JSON.stringify(report, null, 2) + "\n");
  const md = toMarkdown(report);
  writeFileSync(path.join(RESULTS, "latest.md"), md);
  console.log("\n" + md);
  log(`wrote ${path.relative(ROOT, path.join(RESULTS, "latest.json"))} and latest.md in ${machine.durationSeconds} s`);
  return errors.length ? 1 : 0;
}

/** What every suite's run(page, ctx) receives besides its page. */
function makeContext(context, baseURL, suiteName) {
  return {
    baseURL,
    quick: args.quick,
    /** The repetition count to use for a measurement that wants `n` (fewer with --quick). */
    reps: (n) => (args.quick ? Math.max(2, Math.ceil(n / 3)) : n),
    log: (...parts) => log(`  [${suiteName}]`, ...parts),
    /** Another page of the app in this suite's context (closed with it); `path` defaults to "/". */
    newPage: async (p = "/") => openApp(context, baseURL, p),
    /** __lanes.run in `page`, throwing when a run is not ok (with its error). */
    runLanes,
    /** The same, returning only { runner, ok, error, wallMs, spanCount, taskSpanCount, taskCount } per run. */
    runLanesSlim,
    assertOk,
    median,
    summary,
    /** Inject bench/lib/page-kit.js (window.__bench: bare workers, kernels) into a page. */
    installPageKit: (page) => page.addScriptTag({ path: path.join(BENCH, "lib", "page-kit.js") }),
    root: ROOT,
    benchDir: BENCH,
  };
}

async function openApp(context, baseURL, p = "/") {
  const page = await context.newPage();
  page.on("pageerror", (error) => log(`  page error: ${error.message}`));
  await page.goto(baseURL + p);
  await page.waitForFunction(() => window.__lanes !== undefined, null, { timeout: 30_000 });
  return page;
}

/** Sample other processes' CPU use for a second at a time until it is low or `seconds` passed. */
async function waitForIdle(seconds) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const probe = foreignLoad();
    await new Promise((r) => setTimeout(r, 1000));
    const busy = probe.stop();
    if (busy === null || busy <= BUSY) return;
    if (Date.now() >= deadline) {
      if (seconds > 0) log(`  other processes still keep ${busy.toFixed(2)} cores busy; measuring anyway (flagged in the report)`);
      return;
    }
    log(`  waiting: other processes keep ${busy.toFixed(2)} cores busy …`);
    await new Promise((r) => setTimeout(r, 4000));
  }
}

async function loadSuites() {
  const dir = path.join(BENCH, "suites");
  const files = readdirSync(dir)
    .filter((f) => /\.(mjs|js|ts|mts)$/.test(f) && !f.endsWith(".d.ts") && !f.startsWith("_"))
    .sort();
  const suites = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(dir, file)).href);
    const suite = mod.default ?? mod;
    if (typeof suite.name !== "string" || typeof suite.run !== "function") {
      throw new Error(`bench/suites/${file} must export { name, run(page, ctx) }`);
    }
    if (args.only.length && !args.only.some((w) => suite.name.includes(w) || file.includes(w))) continue;
    suites.push({ name: suite.name, run: suite.run, file });
  }
  return suites;
}

function validate(r, suite) {
  const problems = [];
  if (typeof r.name !== "string") problems.push("name");
  if (typeof r.value !== "number" || !Number.isFinite(r.value)) problems.push(`value (${r.value})`);
  if (typeof r.unit !== "string") problems.push("unit");
  if (r.better !== "lower" && r.better !== "higher") problems.push("better");
  if (problems.length) throw new Error(`suite ${suite}: result ${JSON.stringify(r.name)} has a bad ${problems.join(", ")}`);
}

async function describeMachine(browser, baseURL) {
  const context = await browser.newContext();
  try {
    const page = await openApp(context, baseURL);
    const inPage = await page.evaluate(() => ({
      hardwareConcurrency: navigator.hardwareConcurrency,
      crossOriginIsolated: globalThis.crossOriginIsolated,
      userAgent: navigator.userAgent,
      lanesVersion: window.__lanes?.version,
    }));
    const cpus = os.cpus();
    return {
      date: new Date().toISOString(),
      cores: cpus.length,
      cpuModel: cpus[0]?.model?.trim() ?? "unknown",
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      loadAverage: os.loadavg().map((x) => x.toFixed(2)).join(" "),
      chromium: browser.version(),
      chromiumPath: chromiumPath() ?? "playwright's own",
      node: process.version,
      vite: readVersion("vite"),
      playwright: readVersion("@playwright/test"),
      ...inPage,
      commit: git(["rev-parse", "--short", "HEAD"]),
      dirty: git(["status", "--porcelain", "--", "src"]) !== "",
      args: process.argv.slice(2),
    };
  } finally {
    await context.close();
  }
}

function readVersion(pkg) {
  try {
    return JSON.parse(execFileSync("node", ["-p", `JSON.stringify(require("${pkg}/package.json").version)`], { cwd: ROOT, encoding: "utf8" }));
  } catch {
    return "unknown";
  }
}

function git(gitArgs) {
  try {
    return execFileSync("git", gitArgs, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {import("node:net").AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, stderr) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server && (server.exitCode !== null || server.signalCode !== null)) throw new Error(`vite preview exited (${server?.exitCode}): ${stderr()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`vite preview did not answer at ${url} within 30 s: ${stderr()}`);
}

function parseArgs(argv) {
  const out = { build: true, quick: false, headed: false, waitIdle: 15, only: /** @type {string[]} */ ([]), dist: /** @type {string | undefined} */ (undefined) };
  for (const a of argv) {
    if (a === "--no-build") out.build = false;
    else if (a === "--quick") out.quick = true;
    else if (a === "--headed") out.headed = true;
    else if (a.startsWith("--wait-idle=")) out.waitIdle = Number(a.slice(12)) || 0;
    else if (a.startsWith("--only=")) out.only = a.slice(7).split(",").filter(Boolean);
    else if (a.startsWith("--dist=")) {
      out.dist = a.slice(7);
      out.build = false;
    } else if (a === "--help" || a === "-h") {
      console.log("usage: npm run bench [-- --no-build] [--dist=DIR] [--only=suite,…] [--quick] [--wait-idle=S] [--headed]");
      process.exit(0);
    } else throw new Error(`unknown option ${a} (try --help)`);
  }
  return out;
}

function log(...parts) {
  console.log(...parts);
}
