// 2. Per-task cost of Pool.map: 10,000 no-op tasks on 2 workers, warm, per task = wallMs / 10,000.
// Side by side, in the same page: raw postMessage to 2 bare workers with all 10,000 in flight
// (one message per task), the same batched 100 tasks per message (the floor a pool can reach),
// and the `workerpool` package (10.0.3, its browser build injected into the page; its worker is
// a Blob URL of dist/worker.min.js plus a registered `noop`, so nothing leaves the origin).

import { readFileSync } from "node:fs";
import path from "node:path";

const N = 10_000;
const BATCH = 100;

const CODE = `import { Pool } from "lanes";

export function noop(x: number) {
  return x;
}

export default async function main() {
  const pool = new Pool({ workers: 2 });
  await pool.map(noop, Array.from({ length: ${N} }, (_, i) => i));
}
`;

export default {
  name: "pool-map-overhead",
  /** @param {import("@playwright/test").Page} page @param {any} ctx */
  async run(page, ctx) {
    const reps = ctx.reps(7);
    await ctx.installPageKit(page);
    const wpDir = path.join(ctx.root, "node_modules", "workerpool", "dist");
    await page.addScriptTag({ content: readFileSync(path.join(wpDir, "workerpool.min.js"), "utf8") });
    const wpWorker = `${readFileSync(path.join(wpDir, "worker.min.js"), "utf8").replace(/\/\/# sourceMappingURL=.*$/m, "")}
self.worker.add({ noop: function (x) { return x; } });`;

    await page.evaluate(
      async ({ wpWorker, n, batch }) => {
        const b = window.__bench;
        const echo = [b.blobWorker(b.ECHO_WORKER, "echo 1"), b.blobWorker(b.ECHO_WORKER, "echo 2")];
        const url = URL.createObjectURL(new Blob([wpWorker], { type: "text/javascript" }));
        const wp = window.workerpool.pool(url, { minWorkers: 2, maxWorkers: 2, workerType: "web" });
        const items = Array.from({ length: n }, (_, i) => i);
        const runWorkerpool = async () => {
          const t0 = performance.now();
          const out = await Promise.all(items.map((i) => wp.exec("noop", [i])));
          const ms = performance.now() - t0;
          if (out[n - 1] !== n - 1) throw new Error("workerpool returned a wrong result");
          return ms;
        };
        window.__mapBench = { echo, wp, runWorkerpool };
        // Warm: workers started, handlers compiled.
        await b.runEcho(echo, n, 1);
        await b.runEcho(echo, n, batch);
        await runWorkerpool();
      },
      { wpWorker, n: N, batch: BATCH },
    );
    // Warm Lanes: workers started and kept, module compiled; both tracing modes once.
    await ctx.runLanesSlim(page, CODE, ["workers"]);
    await ctx.runLanesSlim(page, CODE, ["workers"], { trace: false });

    const lanes = [];
    const lanesUntraced = [];
    const raw = [];
    const batched = [];
    const workerpool = [];
    let spansPerRun = 0;
    // Each measurement starts from a collected heap: without this, whoever runs after
    // workerpool (10,000 promises and messages) pays for its garbage. A run's own garbage is
    // still its own cost.
    const collect = () => page.evaluate(() => window.gc());
    for (let i = 0; i < reps; i++) {
      await collect();
      const [traced] = await ctx.runLanesSlim(page, CODE, ["workers"]);
      await collect();
      const [untraced] = await ctx.runLanesSlim(page, CODE, ["workers"], { trace: false });
      spansPerRun = traced.spanCount;
      if (traced.taskCount !== N) throw new Error(`the traced run lists ${traced.taskCount} tasks, not ${N}`);
      lanes.push(traced.wallMs);
      lanesUntraced.push(untraced.wallMs);
      const floors = await page.evaluate(
        async ({ n, batch }) => {
          const { echo, runWorkerpool } = window.__mapBench;
          window.gc();
          const raw = await window.__bench.runEcho(echo, n, 1);
          window.gc();
          const batched = await window.__bench.runEcho(echo, n, batch);
          window.gc();
          const wp = await runWorkerpool();
          return { raw, batched, wp };
        },
        { n: N, batch: BATCH },
      );
      raw.push(floors.raw);
      batched.push(floors.batched);
      workerpool.push(floors.wp);
      ctx.log(
        `rep ${i + 1}: lanes ${traced.wallMs.toFixed(1)} ms (untraced ${untraced.wallMs.toFixed(1)}), raw ${floors.raw.toFixed(1)}, batched ${floors.batched.toFixed(1)}, workerpool ${floors.wp.toFixed(1)} ms`,
      );
    }
    await page.evaluate(() => window.__mapBench.wp.terminate(true));

    const perTask = (values) => (ctx.median(values) * 1000) / N; // ms → µs per task
    const lanesUs = perTask(lanes);
    const batchedUs = perTask(batched);
    const wpUs = perTask(workerpool);
    const tag = `median of ${reps}`;
    return [
      {
        name: `Lanes Pool.map, 10,000 no-ops, 2 workers, per task (${tag})`,
        value: lanesUs,
        unit: "µs",
        better: "lower",
        reps,
        note: `warm workers; traced (the default); ${spansPerRun} spans per run (spans shorter than the 5 µs clock are dropped)`,
      },
      {
        name: `Lanes Pool.map, same, trace: false, per task (${tag})`,
        value: perTask(lanesUntraced),
        unit: "µs",
        better: "lower",
        reps,
      },
      {
        name: `raw postMessage, 2 workers, 10,000 in flight, per task (${tag})`,
        value: perTask(raw),
        unit: "µs",
        better: "lower",
        reps,
        floor: "≈ 9–17 µs (PITFALLS.md)",
      },
      {
        name: `raw postMessage, 2 workers, batched ${BATCH} per message, per task (${tag})`,
        value: batchedUs,
        unit: "µs",
        better: "lower",
        reps,
        floor: "≈ 1.3–2.3 µs (PITFALLS.md)",
      },
      {
        name: `workerpool 10.0.3 exec, 2 web workers, 10,000 calls, per task (${tag})`,
        value: wpUs,
        unit: "µs",
        better: "lower",
        reps,
      },
      {
        name: "ratio Lanes / batched floor (per task)",
        value: lanesUs / batchedUs,
        unit: "×",
        better: "lower",
        target: 3,
        reps,
      },
      {
        name: "ratio workerpool / Lanes (per task; how many times faster Lanes is)",
        value: wpUs / lanesUs,
        unit: "×",
        better: "higher",
        target: 2,
        reps,
      },
    ];
  },
};
