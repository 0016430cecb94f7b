// 9. The stage (issue 11): student code runs in a sandboxed frame of its own process, so a
// program that holds its page's thread does not hold the app's.
//
// - "app lag while main is frozen": a program whose main() spins for 1.5 s under `main`; the app
//   measures its own event loop meanwhile (a 10 ms interval timer: the worst lateness of a tick)
//   and the bench measures page.evaluate round trips every 50 ms (the worst). Target: < 200 ms.
// - "stop of a frozen run": the same program spinning for good (an endless loop with no loop
//   statement: forEach over 10^15 items, which the loop guard cannot see); 700 ms after it
//   started, a second __lanes.run (which stops the run in progress, as Stop does) is called, and
//   the app measures from that call until the frozen run's promise settles. Target: < 1,000 ms.

const SPIN = `import { print } from "lanes";
export default function main() {
  print("spinning");
  const t = performance.now();
  while (performance.now() - t < 1500) {}
}
`;

const ENDLESS = `import { print } from "lanes";
export default function main() {
  print("spinning");
  Array.prototype.forEach.call({ length: 1e15 }, () => {});
}
`;

const QUICK = `import { print } from "lanes";
export default function main() { print("quick"); }
`;

export default {
  name: "stage",
  /** @param {import("@playwright/test").Page} page @param {any} ctx */
  async run(page, ctx) {
    const reps = ctx.reps(5);
    await ctx.runLanes(page, QUICK, ["main"]); // a first run: the stages' calibration is made
    const lags = [];
    const trips = [];
    const stops = [];
    for (let i = 0; i < reps; i++) {
      await page.waitForTimeout(500); // the next stage boots after a run
      const running = page.evaluate(async (code) => {
        let worst = 0;
        let last = performance.now();
        const timer = setInterval(() => {
          const now = performance.now();
          worst = Math.max(worst, now - last - 10);
          last = now;
        }, 10);
        const [run] = await window.__lanes.run(code, ["main"]);
        clearInterval(timer);
        return { worst, ok: run.ok, error: run.error };
      }, SPIN);
      let finished = false;
      void running.finally(() => (finished = true));
      let worstTrip = 0;
      while (!finished) {
        const t = Date.now();
        await page.evaluate(() => 1);
        worstTrip = Math.max(worstTrip, Date.now() - t);
        await page.waitForTimeout(50);
      }
      const result = await running;
      if (!result.ok) throw new Error(`the spinning program failed: ${JSON.stringify(result.error)}`);
      lags.push(result.worst);
      trips.push(worstTrip);

      await page.waitForTimeout(500);
      const stopMs = await page.evaluate(async ([endless, quick]) => {
        const frozen = window.__lanes.run(endless, ["main"], { timeLimitMs: 20_000 });
        await new Promise((r) => setTimeout(r, 700));
        const asked = performance.now();
        const next = window.__lanes.run(quick, ["main"]);
        const [run] = await frozen;
        const took = performance.now() - asked;
        await next;
        if (run.ok || !/Stopped/.test(run.error?.message ?? "")) throw new Error(`the endless run did not end stopped: ${JSON.stringify(run.error)}`);
        return took;
      }, [ENDLESS, QUICK]);
      stops.push(stopMs);
    }
    const f = (xs) => xs.map((x) => x.toFixed(0)).join(" ");
    ctx.log(`app timer lag ${f(lags)}; round trips ${f(trips)}; stops ${f(stops)}`);
    const m = ctx.median;
    return [
      { name: `app timer lag while main is frozen 1.5 s (worst tick, median of ${reps})`, value: m(lags), unit: "ms", better: "lower", reps, target: 200 },
      { name: `page.evaluate round trip while main is frozen (worst, median of ${reps})`, value: m(trips), unit: "ms", better: "lower", reps, target: 200 },
      { name: `stop of a frozen main run (median of ${reps})`, value: m(stops), unit: "ms", better: "lower", reps, target: 1000 },
    ];
  },
};
