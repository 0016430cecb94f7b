// 7. Sync primitives in workers. Every contender runs inside a Lanes program under the workers
// runner, in the same worker, same JIT, same loop guard, so only the algorithms differ:
//   - uncontended Lock acquire+release vs a bare Atomics.compareExchange spin lock on a
//     shared.int32 (the floor: one CAS and one store per round); target ≤ 2× the floor;
//   - contended: 2 workers hammering one Lock vs the same 2 hammering a bare three-state futex
//     mutex written with Atomics.wait/notify (throughput ratio; target ≥ 0.7×);
//   - Queue put/get of small items between 2 workers (µs per item; the floor, raw postMessage
//     batched 100 per message, is 1.3–2.3 µs per call in PITFALLS.md: not re-measured here).
// Each with tracing on and off (third argument of __lanes.run).

const N_UNCONTENDED = 200_000;
const N_CONTENDED = 50_000;
const N_QUEUE = 20_000;

const CODE = `import { Lock, Pool, Queue, print, shared } from "lanes";

export async function lanesUncontended(lock: Lock, n: number) {
  const t = performance.now();
  for (let i = 0; i < n; i++) { await lock.acquire(); lock.release(); }
  return performance.now() - t;
}

export function bareUncontended(cells: Int32Array, n: number) {
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    while (Atomics.compareExchange(cells, 0, 0, 1) !== 0) {}
    Atomics.store(cells, 0, 0);
  }
  return performance.now() - t;
}

export async function lanesContended(lock: Lock, counter: Int32Array, n: number) {
  for (let i = 0; i < n; i++) { await lock.acquire(); counter[0] = counter[0] + 1; lock.release(); }
}

// Drepper's mutex #3, bare.
export function bareContended(cells: Int32Array, counter: Int32Array, n: number) {
  for (let i = 0; i < n; i++) {
    let c = Atomics.compareExchange(cells, 0, 0, 1);
    if (c !== 0) {
      if (c !== 2) c = Atomics.exchange(cells, 0, 2);
      while (c !== 0) { Atomics.wait(cells, 0, 2); c = Atomics.exchange(cells, 0, 2); }
    }
    counter[0] = counter[0] + 1;
    if (Atomics.sub(cells, 0, 1) !== 1) { Atomics.store(cells, 0, 0); Atomics.notify(cells, 0, 1); }
  }
}

export async function producer(q: Queue<number>, n: number) {
  for (let i = 0; i < n; i++) await q.put(i);
}
export async function consumer(q: Queue<number>, n: number) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await q.get();
  return sum;
}

export default async function main() {
  const pool = new Pool({ workers: 2 });
  const lock = new Lock();
  const cells = shared.int32(1);
  const lanesMs = await pool.submit(lanesUncontended, lock, ${N_UNCONTENDED});
  const bareMs = await pool.submit(bareUncontended, cells, ${N_UNCONTENDED});
  const counter = shared.int32(1);
  let t = performance.now();
  await Promise.all([pool.submit(lanesContended, lock, counter, ${N_CONTENDED}), pool.submit(lanesContended, lock, counter, ${N_CONTENDED})]);
  const lanesContendedMs = performance.now() - t;
  const bareCounter = shared.int32(1);
  t = performance.now();
  await Promise.all([pool.submit(bareContended, cells, bareCounter, ${N_CONTENDED}), pool.submit(bareContended, cells, bareCounter, ${N_CONTENDED})]);
  const bareContendedMs = performance.now() - t;
  if (counter[0] !== ${2 * N_CONTENDED} || bareCounter[0] !== ${2 * N_CONTENDED}) throw new Error("lost updates: " + counter[0] + " " + bareCounter[0]);
  const q = new Queue<number>({ capacity: 64 });
  t = performance.now();
  const [, sum] = await Promise.all([pool.submit(producer, q, ${N_QUEUE}), pool.submit(consumer, q, ${N_QUEUE})]);
  const queueMs = performance.now() - t;
  if (sum !== ${(N_QUEUE * (N_QUEUE - 1)) / 2}) throw new Error("queue lost items");
  print(JSON.stringify({ lanesMs, bareMs, lanesContendedMs, bareContendedMs, queueMs }));
}
`;

export default {
  name: "sync",
  /** @param {import("@playwright/test").Page} page @param {any} ctx */
  async run(page, ctx) {
    const reps = ctx.reps(7);
    const measure = async (trace) => {
      const [run] = await ctx.runLanes(page, CODE, ["workers"], { trace });
      return JSON.parse(run.output[0].text);
    };
    await measure(true); // warm: workers started, code compiled
    const rows = { true: [], false: [] };
    for (let i = 0; i < reps; i++) {
      for (const trace of i % 2 === 0 ? [true, false] : [false, true]) rows[String(trace)].push(await measure(trace));
    }
    const m = ctx.median;
    const results = [];
    for (const trace of ["true", "false"]) {
      const r = rows[trace];
      const tag = `tracing ${trace === "true" ? "on" : "off"}, median of ${reps}`;
      const uncontendedNs = m(r.map((x) => (x.lanesMs * 1e6) / N_UNCONTENDED));
      const bareNs = m(r.map((x) => (x.bareMs * 1e6) / N_UNCONTENDED));
      const contendedRatio = m(r.map((x) => x.bareContendedMs / x.lanesContendedMs));
      ctx.log(`${tag}: ${JSON.stringify(r)}`);
      results.push(
        { name: `uncontended Lock acquire+release in a worker (${tag})`, value: uncontendedNs, unit: "ns", better: "lower", reps, floor: `bare CAS spin lock: ${bareNs.toFixed(1)} ns` },
        { name: `uncontended Lock / bare CAS lock (${tag})`, value: m(r.map((x) => x.lanesMs / x.bareMs)), unit: "×", better: "lower", target: 2, reps },
        {
          name: `contended Lock, 2 workers: throughput vs bare futex mutex (${tag})`,
          value: contendedRatio,
          unit: "×",
          better: "higher",
          target: 0.7,
          reps,
          note: `Lanes ${m(r.map((x) => x.lanesContendedMs)).toFixed(1)} ms, bare ${m(r.map((x) => x.bareContendedMs)).toFixed(1)} ms for 2 × ${N_CONTENDED} rounds`,
        },
        {
          name: `Queue put/get of small items between 2 workers, capacity 64 (${tag})`,
          value: m(r.map((x) => (x.queueMs * 1000) / N_QUEUE)),
          unit: "µs/item",
          better: "lower",
          reps,
          floor: "raw postMessage batched 100 per message: 1.3–2.3 µs per call (PITFALLS.md, not re-measured here)",
        },
      );
    }
    return results;
  },
};
