// 1. CPU speed-up: 8 tasks of work(200) through a Pool of 2, under `main` (one after another
// on the page) and `workers`; speed-up = main wall / workers wall. Side by side, a bare
// hand-written pool (2 classic workers from a Blob URL, each handed the next task when it
// answers) runs the same 8 tasks with the same kernel (an LCG modulo 2^30, copied from
// src/runtime/work.ts) and the *same iteration count* Lanes uses: a probe program prints the
// value work(200) returns, and the page counts the generator steps that produce it, which is
// exactly round(200 × Lanes' calibration). The bare sequential baseline runs on the page, as
// Lanes' `main` runner does (kernels run at different speeds on the page and in workers; the
// one-worker sequential time is reported too). So
//   bare speed-up = bare sequential on the page / bare 2 workers,
//   ratio         = Lanes speed-up / bare speed-up  (1 = Lanes' pool costs nothing).
//
// Lanes keeps workers between runs of the same program, so one untimed workers run warms them;
// the timed runs then measure what a student sees from the second Run click on. A Lanes run's
// wall time starts when main() is called and includes importing the program in each worker (a
// Blob URL import, ≈ 3 ms); the bare pool has no such step.

import { taskSpans } from "../lib/lanes.mjs";

const TASKS = 8;
const TASK_MS = 200;
const WORKERS = 2;

const CODE = `import { Pool, work } from "lanes";

export function crunch(_i: number) {
  return work(${TASK_MS});
}

export default async function main() {
  const pool = new Pool({ workers: ${WORKERS} });
  await pool.map(crunch, Array.from({ length: ${TASKS} }, (_, i) => i));
}
`;

const PROBE = `import { work, print } from "lanes";

export default function main() {
  print(work(${TASK_MS}));
}
`;

export default {
  name: "cpu-speedup",
  /** @param {import("@playwright/test").Page} page @param {any} ctx */
  async run(page, ctx) {
    const reps = ctx.reps(5);
    await ctx.installPageKit(page);

    // Lanes calibrates work() once per page, on its first run: the probe triggers it.
    const [probe] = await ctx.runLanes(page, PROBE, ["main"]);
    const value = Number(probe.output[0]?.text);
    let iters = await page.evaluate((v) => window.__bench.stepsOf(v), value);
    let source = `Lanes' own: work(${TASK_MS}) = ${iters} kernel steps`;
    if (!(iters > 0)) {
      iters = await page.evaluate((ms) => Math.round(ms * window.__bench.calibrate()), TASK_MS);
      source = `work() no longer returns the kernel state (${probe.output[0]?.text}); calibrated on the page instead: ${iters} steps`;
    }
    ctx.log(source);

    // Bare workers: 2 for the pool, 1 for the one-worker sequential; warm them (JIT included).
    await page.evaluate(
      async ({ iters, workers }) => {
        const b = window.__bench;
        const pool = Array.from({ length: workers }, (_, i) => b.blobWorker(b.SPIN_WORKER, `bare ${i + 1}`));
        const single = [b.blobWorker(b.SPIN_WORKER, "bare sequential")];
        await b.runCpuPool(pool, workers * 2, Math.round(iters / 10));
        await b.runCpuPool(single, 2, Math.round(iters / 10));
        b.spin(Math.round(iters / 10));
        window.__cpuBench = { pool, single, iters };
      },
      { iters, workers: WORKERS },
    );

    await ctx.runLanes(page, CODE, ["workers"]); // warm: starts the 2 workers Lanes keeps

    const lanesMain = [];
    const lanesWorkers = [];
    const barePage = [];
    const bareOne = [];
    const barePar = [];
    const mainTaskMs = [];
    const workerTaskMs = [];
    for (let i = 0; i < reps; i++) {
      const [main] = await ctx.runLanes(page, CODE, ["main"]);
      const onPage = await page.evaluate((tasks) => {
        const { iters } = window.__cpuBench;
        const t0 = performance.now();
        for (let k = 0; k < tasks; k++) window.__bench.spin(iters);
        return performance.now() - t0;
      }, TASKS);
      const [workers] = await ctx.runLanes(page, CODE, ["workers"]);
      const bare = await page.evaluate(async (tasks) => {
        const { pool, single, iters } = window.__cpuBench;
        const par = await window.__bench.runCpuPool(pool, tasks, iters);
        const one = await window.__bench.runCpuPool(single, tasks, iters);
        return { par, one };
      }, TASKS);
      lanesMain.push(main.wallMs);
      lanesWorkers.push(workers.wallMs);
      barePage.push(onPage);
      barePar.push(bare.par);
      bareOne.push(bare.one);
      for (const s of taskSpans(main)) if (s.state === "running") mainTaskMs.push(s.end - s.start);
      for (const s of taskSpans(workers)) if (s.state === "running") workerTaskMs.push(s.end - s.start);
      ctx.log(
        `rep ${i + 1}: Lanes main ${main.wallMs.toFixed(0)} / workers ${workers.wallMs.toFixed(0)} ms; ` +
          `bare on the page ${onPage.toFixed(0)} / 2 workers ${bare.par.toFixed(0)} / 1 worker ${bare.one.toFixed(0)} ms`,
      );
    }
    const hc = await page.evaluate(() => navigator.hardwareConcurrency);

    const m = ctx.median;
    const workersSpeedup = m(lanesMain) / m(lanesWorkers);
    const bareSpeedup = m(barePage) / m(barePar);
    const ideal = Math.min(hc, WORKERS);
    const tag = `median of ${reps}`;
    const ms = (x) => `${x.toFixed(0)} ms`;
    return [
      {
        name: `Lanes workers speed-up: main wall / workers wall, 8 × work(200), Pool of 2 (${tag})`,
        value: workersSpeedup,
        unit: "×",
        better: "higher",
        reps,
        floor: `bare ${bareSpeedup.toFixed(2)}× (this run), ideal ${ideal}×`,
        note: `main ${ms(m(lanesMain))}, workers ${ms(m(lanesWorkers))} (warm workers: one untimed run first; the workers wall includes each worker importing the program). One task's running span: ${ms(m(mainTaskMs))} on the page, ${ms(m(workerTaskMs))} in a worker.`,
      },
      {
        name: `bare pool speed-up: 8 tasks on the page / on 2 Blob workers, same kernel and steps (${tag})`,
        value: bareSpeedup,
        unit: "×",
        better: "higher",
        reps,
        floor: "1.6–2.1× (PITFALLS.md)",
        note: `on the page ${ms(m(barePage))}, 2 workers ${ms(m(barePar))}, 1 worker ${ms(m(bareOne))} (speed-up against 1 worker ${(m(bareOne) / m(barePar)).toFixed(2)}×). ${source}.`,
      },
      {
        name: "ratio Lanes speed-up / bare speed-up",
        value: workersSpeedup / bareSpeedup,
        unit: "×",
        better: "higher",
        target: 0.95,
        reps,
        note: `= (Lanes main / bare on the page ${(m(lanesMain) / m(barePage)).toFixed(3)}) × (bare 2 workers / Lanes workers ${(m(barePar) / m(lanesWorkers)).toFixed(3)})`,
      },
      {
        name: "ideal speed-up: min(navigator.hardwareConcurrency, 2 workers)",
        value: ideal,
        unit: "×",
        better: "higher",
        note: `navigator.hardwareConcurrency = ${hc}`,
      },
    ];
  },
};
