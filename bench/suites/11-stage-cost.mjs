// 11. What the stage costs (issue 11): the same programs run on a stage (a sandboxed frame of
// its own process, the app's normal path) and on the app's own page (the path a host gets when
// its Content-Security-Policy refuses the stage's boot script: run-in-stage.ts, runWithoutStage),
// side by side in one browser, alternating, so both see the same machine.
//
// - "Run → first task": a program whose first task returns at once, under `main` and `async`:
//   from calling __lanes.run to main() being called (main() prints the epoch time first thing;
//   its output line's run time gives t0 exactly, as in run-latency) plus main() → the first task
//   span's start. Unlike run-latency's headline it leaves out the tail from the run's end to the
//   promise resolving (reported in the note): that is after the first task, not before it.
//   Target: the stage adds at most 10 ms.
// - "CPU-bound wall": 4 tasks of a fixed loop (an LCG, 3·10^6 steps, through the loop guard; not
//   work(), whose calibration each page measures for itself), under `main` and `async`:
//   stage / own page. Target: within 5 % (ratio ≤ 1.05).
//
// The page without a stage is a second context whose app document is served with the site's
// policy minus the boot script's hash (the suite's own context bypasses CSP for its kits).

import { firstTaskStart } from "../lib/lanes.mjs";

const FIRST_TASK = `import { print, spawn } from "lanes";
export function first() {
  return 1;
}
export default async function main() {
  print(performance.timeOrigin + performance.now());
  await spawn(first).join();
}
`;

const CPU = `import { Pool } from "lanes";
export function steps(n: number) {
  let x = n;
  for (let i = 0; i < 3_000_000; i++) x = (x * 1103515245 + 12345) % 1073741824;
  return x;
}
export default async function main() {
  const pool = new Pool({ workers: 2 });
  await pool.map(steps, [1, 2, 3, 4]);
}
`;

/** Run → first task in page time, as run-latency measures it. */
async function firstTask(page, runner) {
  const { before, after, run } = await page.evaluate(
    async ([code, r]) => {
      const now = () => performance.timeOrigin + performance.now();
      const before = now();
      const [run] = await window.__lanes.run(code, [r]);
      return { before, after: now(), run };
    },
    [FIRST_TASK, runner],
  );
  if (!run.ok) throw new Error(`${runner}: ${run.error?.message}`);
  const first = firstTaskStart(run);
  const line = run.output.find((o) => o.task === undefined || o.task === "main") ?? run.output[0];
  const t0 = Number(line.text) - line.t; // epoch time at which main() was called
  // Exact (both ends are epoch times read on the two sides): the run's tail after its end is not part of it.
  return { total: t0 - before + first, beforeMain: t0 - before, mainToTask: first, tail: after - run.wallMs - t0 };
}

async function cpuWall(page, runner) {
  const run = await page.evaluate(async ([code, r]) => (await window.__lanes.run(code, [r]))[0], [CPU, runner]);
  if (!run.ok) throw new Error(`${runner}: ${run.error?.message}`);
  return { wallMs: run.wallMs, notes: run.notes ?? [] };
}

/** The app in a context of its own whose document's policy lacks the stage boot's hash: it gives no stage. */
async function appWithoutStage(page, baseURL) {
  const context = await page.context().browser().newContext();
  const bare = await context.newPage();
  await bare.route("**/*", async (route) => {
    if (!route.request().isNavigationRequest()) return route.continue();
    const response = await route.fetch();
    const headers = { ...response.headers() };
    const policy = headers["content-security-policy"];
    if (policy) headers["content-security-policy"] = policy.replace(/'sha256-[^']*'/g, "");
    return route.fulfill({ response, headers });
  });
  await bare.goto(baseURL + "/");
  await bare.waitForFunction(() => window.__lanes !== undefined, null, { timeout: 30_000 });
  return { bare, close: () => context.close() };
}

export default {
  name: "stage-cost",
  /** @param {import("@playwright/test").Page} page @param {any} ctx */
  async run(page, ctx) {
    const reps = ctx.reps(9);
    const { bare, close } = await appWithoutStage(page, ctx.baseURL);
    try {
      // First runs: compilers, runners and calibration loaded; the bare page learns it has no stage (about 4 s).
      for (const runner of ["main", "async"]) {
        await firstTask(page, runner);
        await firstTask(bare, runner);
      }
      const { notes } = await cpuWall(bare, "main");
      if (!notes.some((n) => /ran on Lanes' own page/.test(n))) throw new Error("the page meant to have no stage ran its program on one");
      const results = [];
      for (const runner of ["main", "async"]) {
        const onStage = [];
        const onPage = [];
        const wallStage = [];
        const wallPage = [];
        for (let i = 0; i < reps; i++) {
          // Alternate which goes first; let the next stage boot after each run, as a student's next click finds it.
          const order = i % 2 === 0 ? [page, bare] : [bare, page];
          for (const p of order) {
            await p.waitForTimeout(400);
            (p === page ? onStage : onPage).push(await firstTask(p, runner));
          }
          for (const p of order) {
            await p.waitForTimeout(400);
            (p === page ? wallStage : wallPage).push((await cpuWall(p, runner)).wallMs);
          }
        }
        const m = ctx.median;
        const f = (xs) => xs.map((x) => x.toFixed(1)).join(" ");
        const total = (xs) => xs.map((x) => x.total);
        const parts = (xs) => `run() → main() ${m(xs.map((x) => x.beforeMain)).toFixed(1)} ms, main() → first task ${m(xs.map((x) => x.mainToTask)).toFixed(1)} ms; not counted: run end → run() resolved ${m(xs.map((x) => x.tail)).toFixed(1)} ms`;
        ctx.log(`${runner}: first task stage ${f(total(onStage))} / own page ${f(total(onPage))}; cpu wall stage ${f(wallStage)} / own page ${f(wallPage)}`);
        const tag = `median of ${reps}`;
        results.push(
          { name: `${runner}: Run → first task, on a stage (${tag})`, value: m(total(onStage)), unit: "ms", better: "lower", reps, note: parts(onStage) },
          { name: `${runner}: Run → first task, on the app's own page (${tag})`, value: m(total(onPage)), unit: "ms", better: "lower", reps, note: parts(onPage) },
          { name: `${runner}: the stage adds to Run → first task`, value: m(total(onStage)) - m(total(onPage)), unit: "ms", better: "lower", reps, target: 10, floor: `own page ${m(total(onPage)).toFixed(1)} ms` },
          { name: `${runner}: CPU-bound wall, stage / own page (${tag})`, value: m(wallStage) / m(wallPage), unit: "×", better: "lower", reps, target: 1.05, floor: `own page ${m(wallPage).toFixed(0)} ms, stage ${m(wallStage).toFixed(0)} ms` },
        );
      }
      return results;
    } finally {
      await close();
    }
  },
};
