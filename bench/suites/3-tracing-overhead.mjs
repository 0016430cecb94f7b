// 3. Tracing overhead: 1,000 tasks of work(1) on a Pool of 2, run with { trace: true } and
// { trace: false } (third argument of __lanes.run), alternating — and swapping which goes first
// in every pair — so slow drifts of this noisy machine hit both alike.
// overhead = median(traced wall) / median(untraced wall) − 1.

const TASKS = 1000;

const CODE = `import { Pool, work } from "lanes";

export function step(_i: number) {
  return work(1);
}

export default async function main() {
  const pool = new Pool({ workers: 2 });
  await pool.map(step, Array.from({ length: ${TASKS} }, (_, i) => i));
}
`;

export default {
  name: "tracing-overhead",
  /** @param {import("@playwright/test").Page} page @param {any} ctx */
  async run(page, ctx) {
    const reps = ctx.reps(15);
    // Warm: workers started and kept, both modes once.
    await ctx.runLanesSlim(page, CODE, ["workers"], { trace: true });
    await ctx.runLanesSlim(page, CODE, ["workers"], { trace: false });

    const traced = [];
    const untraced = [];
    const pairRatios = [];
    let tracedSpans = 0;
    let untracedSpans = 0;
    for (let i = 0; i < reps; i++) {
      const order = i % 2 === 0 ? [true, false] : [false, true];
      const wall = {};
      for (const trace of order) {
        const [run] = await ctx.runLanesSlim(page, CODE, ["workers"], { trace });
        wall[String(trace)] = run.wallMs;
        const taskSpanCount = run.taskSpanCount;
        if (trace) tracedSpans = taskSpanCount;
        else untracedSpans = taskSpanCount;
      }
      traced.push(wall.true);
      untraced.push(wall.false);
      pairRatios.push(wall.true / wall.false);
    }
    ctx.log(`traced ${traced.map((x) => x.toFixed(0)).join(" ")}`);
    ctx.log(`untraced ${untraced.map((x) => x.toFixed(0)).join(" ")}`);
    if (tracedSpans < TASKS) throw new Error(`a traced run recorded only ${tracedSpans} task spans for ${TASKS} tasks`);
    if (untracedSpans !== 0) throw new Error(`an untraced run recorded ${untracedSpans} task spans (expected none)`);

    const m = ctx.median;
    const tag = `median of ${reps} each`;
    return [
      {
        name: `1,000 × work(1), Pool of 2, traced wall (${tag})`,
        value: m(traced),
        unit: "ms",
        better: "lower",
        reps,
        note: `${tracedSpans} task spans per traced run; untraced records none`,
      },
      { name: `same, untraced wall (${tag})`, value: m(untraced), unit: "ms", better: "lower", reps, floor: "ideal 500 ms (1,000 ms of work on 2 cores)" },
      {
        name: "tracing overhead, median traced / median untraced − 1",
        value: (m(traced) / m(untraced) - 1) * 100,
        unit: "%",
        better: "lower",
        target: 3,
        reps,
        note: `median of the ${reps} paired ratios − 1: ${((m(pairRatios) - 1) * 100).toFixed(1)} %; spread (MAD/median) traced ${(ctx.summary(traced).spread * 100).toFixed(1)} %, untraced ${(ctx.summary(untraced).spread * 100).toFixed(1)} %`,
      },
    ];
  },
};
