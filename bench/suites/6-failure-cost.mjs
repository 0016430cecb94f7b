// 6. Failure cost: 1,000 submitted tasks that throw against 1,000 that return, under async and
// under workers, each main() reading every result with Promise.allSettled (so the runs are ok,
// as in Python when main() looks at every future). The two programs differ only in the task's
// last line. Alternating, swapping which goes first in every pair, as the tracing suite does.
// ratio = median(failing wall) / median(returning wall); target ≤ 2 (issue 9: a failure used to
// cost ~3 ms of page time, a compile and a parse to find its line, against µs for a return).

const TASKS = 1000;

const program = (last) => `import { Pool, print } from "lanes";

export function step(i: number) {
  if (i < 0) return i;
  ${last}
}

export default async function main() {
  const pool = new Pool({ workers: 2 });
  const settled = await Promise.allSettled(Array.from({ length: ${TASKS} }, (_, i) => pool.submit(step, i)));
  print(settled.filter((s) => s.status === "rejected").length);
}
`;

const FAILING = program("throw new Error(`step ${i} failed`);");
const RETURNING = program("return i * 2;");

export default {
  name: "failure-cost",
  /** @param {import("@playwright/test").Page} page @param {any} ctx */
  async run(page, ctx) {
    const reps = ctx.reps(9);
    const results = [];
    for (const runner of ["async", "workers"]) {
      // Warm (workers started and kept), and check that the failing program really fails 1,000 times.
      for (const [code, expected] of [[FAILING, TASKS], [RETURNING, 0]]) {
        const [run] = await page.evaluate(([c, r]) => window.__lanes.run(c, r), [code, [runner]]);
        const failed = run.tasks.filter((t) => t.failed).length;
        if (!run.ok || failed !== expected || run.output[0]?.text !== String(expected)) {
          throw new Error(`${runner}: expected ${expected} failed tasks in an ok run, got ${failed} (ok ${run.ok}, ${JSON.stringify(run.error)})`);
        }
      }
      const failing = [];
      const returning = [];
      for (let i = 0; i < reps; i++) {
        const order = i % 2 === 0 ? [FAILING, RETURNING] : [RETURNING, FAILING];
        for (const code of order) {
          const [run] = await ctx.runLanesSlim(page, code, [runner]);
          (code === FAILING ? failing : returning).push(run.wallMs);
        }
      }
      ctx.log(`${runner} failing ${failing.map((x) => x.toFixed(0)).join(" ")}`);
      ctx.log(`${runner} returning ${returning.map((x) => x.toFixed(0)).join(" ")}`);
      const m = ctx.median;
      const tag = `median of ${reps}`;
      results.push(
        { name: `${runner}: 1,000 failing tasks, wall (${tag})`, value: m(failing), unit: "ms", better: "lower", reps },
        { name: `${runner}: 1,000 returning tasks, wall (${tag})`, value: m(returning), unit: "ms", better: "lower", reps },
        {
          name: `${runner}: failing / returning`,
          value: m(failing) / m(returning),
          unit: "×",
          better: "lower",
          target: 2,
          reps,
          note: `per failure ${(((m(failing) - m(returning)) / TASKS) * 1000).toFixed(0)} µs more than a return`,
        },
      );
    }
    return results;
  },
};
