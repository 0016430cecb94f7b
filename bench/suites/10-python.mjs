// 10. Python (issue 17): Pyodide in a worker, threads emulated on JSPI stacks, processes as
// workers with a Pyodide each. Not in `npm test`.
//
// - "first Python run, cold page": a new page of the same context (so Pyodide's files come from
//   the HTTP cache: download excluded, compile and start-up included), from __lanes.run to the
//   run resolved, for `print(1)`. The very first page's figure (download included) is a note.
// - "warm run's start": on a warm page, __lanes.run → resolved minus the run's own wallMs.
// - "thread switch": two threads handing a turn back and forth through two Semaphores(0);
//   every acquire blocks, so each round is two switches: wallMs / (2 × rounds).
// - "GIL emulation overhead": a CPU-bound loop run twice in 2 threads vs twice with no threads,
//   side by side (alternating, median of each): the ratio (target ≤ 1.5).
// - "ProcessPoolExecutor(2) speed-up": the same work as 2 calls in a ProcessPoolExecutor(2) vs in
//   one process (max_workers=1), warm workers: the ratio (about 2 on 2 free cores).
// - "memory per process worker": the browser's resident memory (its process tree, from /proc)
//   before and after the first ProcessPoolExecutor(2) of a page starts its 2 warm workers, / 2
//   (the bench's own process tree, from /proc: the browser is its child).
import { readFileSync, readdirSync } from "node:fs";

const PRINT = "print(1)\n";

const COUNT = `
def count(n):
    total = 0
    for i in range(n):
        total += i * i
    return total
`;
const N = 1_500_000;
const SEQUENTIAL = `import threading\n${COUNT}\ncount(${N})\ncount(${N})\n`;
const THREADED = `import threading\n${COUNT}
threads = [threading.Thread(target=count, args=(${N},)) for _ in range(2)]
for t in threads: t.start()
for t in threads: t.join()
`;
const pool = (workers) => `from concurrent.futures import ProcessPoolExecutor\n${COUNT}
if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=${workers}) as pool:
        print(list(pool.map(count, [${N * 2}, ${N * 2}])) and "ok")
`;
const ROUNDS = 2000;
const PING_PONG = `import threading
ping, pong = threading.Semaphore(0), threading.Semaphore(0)
def a():
    for _ in range(${ROUNDS}):
        ping.release()
        pong.acquire()
def b():
    for _ in range(${ROUNDS}):
        ping.acquire()
        pong.release()
threads = [threading.Thread(target=f) for f in (a, b)]
for t in threads: t.start()
for t in threads: t.join()
`;

/** Resident memory of the process `pid` and all its descendants, in bytes (Linux /proc). */
function treeRss(pid) {
  const children = new Map();
  for (const name of readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      total += rss ? Number(rss[1]) * 1024 : 0;
    } catch {
      // gone
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

async function timed(page, code) {
  return page.evaluate(async (c) => {
    const before = performance.now();
    const [run] = await window.__lanes.run(c, ["python"], { timeLimitMs: 120_000 });
    return { total: performance.now() - before, run };
  }, code);
}

export default {
  name: "python",
  /** @param {import("@playwright/test").Page} page @param {any} ctx */
  async run(page, ctx) {
    const ok = ({ run }) => ctx.assertOk([run]);
    const m = ctx.median;
    const first = await timed(page, PRINT); // downloads Pyodide into this context's cache
    ok(first);

    const coldReps = ctx.reps(3);
    const cold = [];
    let warmPage;
    for (let i = 0; i < coldReps; i++) {
      const fresh = await ctx.newPage();
      const t = await timed(fresh, PRINT);
      ok(t);
      cold.push(t.total);
      if (i < coldReps - 1) await fresh.close();
      else warmPage = fresh;
    }
    const p = warmPage;
    for (let i = 0; i < 2; i++) ok(await timed(p, SEQUENTIAL)); // threads' modules and the optimised tier

    const warmReps = ctx.reps(10);
    const starts = [];
    for (let i = 0; i < warmReps; i++) {
      const t = await timed(p, PRINT);
      ok(t);
      starts.push(t.total - t.run.wallMs);
    }

    const switchReps = ctx.reps(5);
    const switches = [];
    for (let i = 0; i < switchReps; i++) {
      const t = await timed(p, PING_PONG);
      ok(t);
      switches.push(t.run.wallMs / (2 * ROUNDS));
    }

    const gilReps = ctx.reps(5);
    const seq = [];
    const thr = [];
    for (let i = 0; i < gilReps; i++) {
      const s = await timed(p, SEQUENTIAL);
      const th = await timed(p, THREADED);
      ok(s);
      ok(th);
      seq.push(s.run.wallMs);
      thr.push(th.run.wallMs);
    }

    // The browser is a child of this Node process (bench/run.mjs launched it): its tree holds it.
    const rssBefore = treeRss(process.pid);
    ok(await timed(p, pool(2))); // starts this page's 2 process workers, which stay warm
    await p.waitForTimeout(1000);
    const rssAfter = treeRss(process.pid);

    const poolReps = ctx.reps(3);
    const one = [];
    const two = [];
    for (let i = 0; i < poolReps; i++) {
      const a = await timed(p, pool(1));
      const b = await timed(p, pool(2));
      ok(a);
      ok(b);
      one.push(a.run.wallMs);
      two.push(b.run.wallMs);
    }

    return [
      {
        name: `First Python run, cold page, files from the HTTP cache (median of ${coldReps})`,
        value: m(cold),
        unit: "ms",
        better: "lower",
        reps: coldReps,
        floor: "the project's figure: about 900 ms in Chrome; 3.5 s and more on a loaded 2-core machine",
        note: `the context's very first run, download included: ${first.total.toFixed(0)} ms`,
      },
      { name: `Warm Python run's start: run() → resolved − wallMs, print(1) (median of ${warmReps})`, value: m(starts), unit: "ms", better: "lower", reps: warmReps },
      { name: `Thread switch: Semaphore ping-pong, wallMs / switches (median of ${switchReps})`, value: m(switches), unit: "ms", better: "lower", reps: switchReps, floor: "the prototype's 0.4–0.9 ms (issue 17)" },
      {
        name: `GIL emulation overhead: CPU-bound loop in 2 threads / with no threads (median of ${gilReps} each)`,
        value: m(thr) / m(seq),
        unit: "×",
        better: "lower",
        target: 1.5,
        reps: gilReps,
        note: `no threads ${m(seq).toFixed(0)} ms, 2 threads ${m(thr).toFixed(0)} ms`,
      },
      {
        name: `ProcessPoolExecutor speed-up: max_workers=1 / max_workers=2, 2 CPU-bound calls (median of ${poolReps} each)`,
        value: m(one) / m(two),
        unit: "×",
        better: "higher",
        reps: poolReps,
        floor: "2 on 2 free cores",
        note: `1 process ${m(one).toFixed(0)} ms, 2 processes ${m(two).toFixed(0)} ms`,
      },
      {
        name: "Memory per process worker (browser's resident memory, 2 workers started / 2)",
        value: (rssAfter - rssBefore) / 2 / 2 ** 20,
        unit: "MB",
        better: "lower",
        reps: 1,
        floor: "the issue's 23 MB per extra Pyodide in one renderer",
      },
    ];
  },
};
