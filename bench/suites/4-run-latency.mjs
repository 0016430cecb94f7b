// 4. Latency from Run to the first task starting, with warm workers: a Pool of 2 and 2 short
// tasks. latency = page time from calling __lanes.run to the first worker span's start.
//
// A Run's times are ms since main() was called, so the Run alone cannot say when __lanes.run
// was called. In the page we take `before` = performance.now() just before the call and
// `after` = performance.now() when it resolved. The run covers [t0, t0 + wallMs] in page time,
// where t0 is when main() was called, so t0 ≤ after − wallMs (the gap is the tail between the
// run ending and the promise resolving: building the Run, cleanup, a few microtasks). Hence
//
//   latency = (after − wallMs − before) + firstTaskSpan.start
//             └ time before main() was called ┘  └ main() → first task running, from the Run ┘
//
// which errs, if at all, on the slow side (it counts the tail too). To split that up, main()
// prints performance.now() first thing: its output line has the page time (the text) and the
// run time (t), so t0 = text − t exactly, and we also report
//   run() → main()         = t0 − before                    (compile, load the program, setup)
//   main() → first task    = firstTaskSpan.start            (pool, worker import, messaging)
//   tail                   = after − wallMs − t0            (counted in the headline only)
//
// The program runs in its stage, a frame with its own clock origin, so both sides read epoch
// time (performance.timeOrigin + performance.now()), which is aligned across realms; and the
// next stage boots after each run, so each measurement first waits until it is ready (as a
// student's next click would find it).
//
// A second measurement, "cold", changes the program every time (a comment), so Lanes has to
// compile it and start fresh workers, as after every edit a student makes.

import { firstTaskStart } from "../lib/lanes.mjs";

const program = (tag) => `import { Pool, work, print } from "lanes";
${tag}
export function quick(i: number) {
  return work(2) + i;
}

export default async function main() {
  print(performance.timeOrigin + performance.now());
  const pool = new Pool({ workers: 2 });
  await pool.map(quick, [0, 1]);
}
`;

/** @param {import("@playwright/test").Page} page @param {string} code */
async function measure(page, ctx, code) {
  const { before, after, run } = await page.evaluate(async (c) => {
    const now = () => performance.timeOrigin + performance.now();
    const before = now();
    const [run] = await window.__lanes.run(c, ["workers"]);
    const after = now();
    return { before, after, run };
  }, code);
  ctx.assertOk([run]);
  const first = firstTaskStart(run);
  if (!Number.isFinite(first)) throw new Error("the run has no task span");
  const line = run.output.find((o) => o.task === undefined || o.task === "main") ?? run.output[0];
  const t0 = Number(line.text) - line.t; // epoch time at which main() was called
  return {
    latency: after - run.wallMs - before + first,
    beforeMain: t0 - before,
    mainToTask: first,
    tail: after - run.wallMs - t0,
  };
}

export default {
  name: "run-latency",
  /** @param {import("@playwright/test").Page} page @param {any} ctx */
  async run(page, ctx) {
    const reps = ctx.reps(25);
    const coldReps = ctx.reps(6);
    const warmCode = program("// warm");
    await ctx.runLanes(page, warmCode, ["workers"]); // starts the workers Lanes keeps
    await ctx.runLanes(page, warmCode, ["workers"]);

    const warm = [];
    for (let i = 0; i < reps; i++) {
      await page.waitForTimeout(400); // the next stage boots after a run: let it be ready
      warm.push(await measure(page, ctx, warmCode));
    }
    const cold = [];
    for (let i = 0; i < coldReps; i++) {
      cold.push(await measure(page, ctx, program(`// cold ${i} ${Date.now()}`)));
      await page.waitForTimeout(200); // let the replaced workers' start-up settle
    }

    const m = ctx.median;
    const pick = (list, key) => m(list.map((x) => x[key]));
    if (pick(warm, "tail") < -0.5) throw new Error(`negative tail ${pick(warm, "tail")} ms: the clocks disagree`);
    const tag = `median of ${reps}`;
    return [
      {
        name: `Run → first task running, warm workers, Pool of 2, 2 tasks (${tag})`,
        value: pick(warm, "latency"),
        unit: "ms",
        better: "lower",
        target: 20,
        reps,
        floor: "postMessage round trip 0.11–0.16 ms; Blob import ≈ 2.5–3.5 ms (PITFALLS.md)",
        note: `(after − wallMs − before) + first span start; of which run() → main() ${pick(warm, "beforeMain").toFixed(2)} ms, main() → first task ${pick(warm, "mainToTask").toFixed(2)} ms, run end → run() resolved ${pick(warm, "tail").toFixed(2)} ms`,
      },
      { name: `  of which run() → main() called (${tag})`, value: pick(warm, "beforeMain"), unit: "ms", better: "lower", reps },
      { name: `  of which main() → first task running (${tag})`, value: pick(warm, "mainToTask"), unit: "ms", better: "lower", reps },
      {
        name: `Run → first task running, cold: edited program, fresh workers (median of ${coldReps})`,
        value: pick(cold, "latency"),
        unit: "ms",
        better: "lower",
        reps: coldReps,
        floor: "new Worker to first reply ≈ 15–25 ms (PITFALLS.md)",
        note: `run() → main() ${pick(cold, "beforeMain").toFixed(1)} ms, main() → first task ${pick(cold, "mainToTask").toFixed(1)} ms`,
      },
    ];
  },
};
