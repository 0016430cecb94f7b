// 7. Sync primitives in workers. Every contender runs inside a Lanes program under the workers
// runner, in the same worker, same JIT, same loop guard, so only the algorithms differ:
//   - uncontended Lock acquire+release vs a bare Atomics.compareExchange spin lock on a
//     shared.int32 (one CAS and one store per round);
//   - contended: 2 workers hammering one Lock vs the same 2 hammering a bare three-state futex
//     mutex written with Atomics.wait/notify (throughput ratio);
//   - Queue put/get of small items between 2 workers (µs per item), against raw postMessage
//     between 2 plain workers of the bench page, batched 100 per message (the ratio is reported).
// Each with tracing on and off (third argument of __lanes.run).
//
// The targets (≤ 2× uncontended, ≥ 0.7× contended) are set against the same bare locks with
// the one `await` per round that the program writes (`await lock.acquire()`): the one API runs
// on the page's thread too, where a wait must be a promise, and one await of a fulfilled
// promise costs several times a whole bare CAS round (so no awaited lock can come within 2× of
// a loop without one). Contended, that await also lengthens the critical section, which is
// where the bare mutex's throughput comes from. The rows against the bare locks with no await
// stay in the report, without a target; beside them, the lock's own cost (acquire() called and
// not awaited, which takes a free lock at once) is held to the same ≤ 2× of the bare CAS lock.

const N_UNCONTENDED = 200_000;
const N_CONTENDED = 200_000; // long enough that one scheduling hiccup does not decide the median
const N_QUEUE = 20_000;

// FLIP (0 or 1, alternating between reps) reverses the order in which the contenders run, so
// neither Lanes nor the bare locks always go first, into a run's start, when the stage's fresh
// workers are still warming up (their JIT too) and the machine is busiest.
const CODE = (flip) => `import { Lock, Pool, Queue, print, shared, sleep } from "lanes";
const FLIP = ${flip};

export async function lanesUncontended(lock: Lock, n: number) {
  const t = performance.now();
  for (let i = 0; i < n; i++) { await lock.acquire(); lock.release(); }
  return performance.now() - t;
}

// The lock's own work, without the student's await: a free Lock is taken at the call (the
// promise it returns is already fulfilled), so this is what Lanes adds to the bare CAS round.
export function lanesUncontendedCalls(lock: Lock, n: number) {
  const t = performance.now();
  for (let i = 0; i < n; i++) { void lock.acquire(); lock.release(); }
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

const done = Promise.resolve(true);
export async function bareUncontendedAwait(cells: Int32Array, n: number) {
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    while (Atomics.compareExchange(cells, 0, 0, 1) !== 0) {}
    await done;
    Atomics.store(cells, 0, 0);
  }
  return performance.now() - t;
}

// Both workers start their loops at the same moment (the second task may reach its worker
// later), and each times its own loop: the figure is the slower of the two, all of it contended.
function startTogether(gate: Int32Array) {
  Atomics.add(gate, 0, 1);
  while (Atomics.load(gate, 0) < 2) {}
}

export async function lanesContended(gate: Int32Array, lock: Lock, counter: Int32Array, n: number) {
  startTogether(gate);
  const t = performance.now();
  for (let i = 0; i < n; i++) { await lock.acquire(); counter[0] = counter[0] + 1; lock.release(); }
  return performance.now() - t;
}

// The lock's own cost under contention: in a worker a contended acquire() waits right there
// (Atomics.wait) and returns a fulfilled promise, so not awaiting it is still correct there.
export function lanesContendedCalls(gate: Int32Array, lock: Lock, counter: Int32Array, n: number) {
  startTogether(gate);
  const t = performance.now();
  for (let i = 0; i < n; i++) { void lock.acquire(); counter[0] = counter[0] + 1; lock.release(); }
  return performance.now() - t;
}

// Drepper's mutex #3, bare.
export function bareContended(gate: Int32Array, cells: Int32Array, counter: Int32Array, n: number) {
  startTogether(gate);
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    let c = Atomics.compareExchange(cells, 0, 0, 1);
    if (c !== 0) {
      if (c !== 2) c = Atomics.exchange(cells, 0, 2);
      while (c !== 0) { Atomics.wait(cells, 0, 2); c = Atomics.exchange(cells, 0, 2); }
    }
    counter[0] = counter[0] + 1;
    if (Atomics.sub(cells, 0, 1) !== 1) { Atomics.store(cells, 0, 0); Atomics.notify(cells, 0, 1); }
  }
  return performance.now() - t;
}

// The same, with the await a Lanes program has after taking the lock.
export async function bareContendedAwait(gate: Int32Array, cells: Int32Array, counter: Int32Array, n: number) {
  startTogether(gate);
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    let c = Atomics.compareExchange(cells, 0, 0, 1);
    if (c !== 0) {
      if (c !== 2) c = Atomics.exchange(cells, 0, 2);
      while (c !== 0) { Atomics.wait(cells, 0, 2); c = Atomics.exchange(cells, 0, 2); }
    }
    await done;
    counter[0] = counter[0] + 1;
    if (Atomics.sub(cells, 0, 1) !== 1) { Atomics.store(cells, 0, 0); Atomics.notify(cells, 0, 1); }
  }
  return performance.now() - t;
}

export function nap(ms: number) {
  return sleep(ms);
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
  await Promise.all([pool.submit(nap, 1), pool.submit(nap, 1)]); // both workers up
  await sleep(250); // and the rest of the stage's start-up over
  const inOrder = async (steps: (() => Promise<void>)[]) => { for (const step of FLIP ? steps.reverse() : steps) await step(); };
  let lanesMs = 0, lanesCallsMs = 0, bareMs = 0, bareAwaitMs = 0;
  await inOrder([
    async () => { lanesMs = await pool.submit(lanesUncontended, lock, ${N_UNCONTENDED}); },
    async () => { lanesCallsMs = await pool.submit(lanesUncontendedCalls, lock, ${N_UNCONTENDED}); },
    async () => { bareMs = await pool.submit(bareUncontended, cells, ${N_UNCONTENDED}); },
    async () => { bareAwaitMs = await pool.submit(bareUncontendedAwait, cells, ${N_UNCONTENDED}); },
  ]);
  const counter = shared.int32(1);
  const callsCounter = shared.int32(1);
  const bareCounter = shared.int32(1);
  const awaitCounter = shared.int32(1);
  const both = async (fn: Function, ...args: unknown[]) => { const gate = shared.int32(1); return Math.max(...(await Promise.all([pool.submit(fn as any, gate, ...args), pool.submit(fn as any, gate, ...args)])) as number[]); };
  let lanesContendedMs = 0, lanesContendedCallsMs = 0, bareContendedMs = 0, bareAwaitContendedMs = 0;
  await inOrder([
    async () => { lanesContendedMs = await both(lanesContended, lock, counter, ${N_CONTENDED}); },
    async () => { lanesContendedCallsMs = await both(lanesContendedCalls, lock, callsCounter, ${N_CONTENDED}); },
    async () => { bareContendedMs = await both(bareContended, cells, bareCounter, ${N_CONTENDED}); },
    async () => { bareAwaitContendedMs = await both(bareContendedAwait, cells, awaitCounter, ${N_CONTENDED}); },
  ]);
  if (counter[0] !== ${2 * N_CONTENDED} || bareCounter[0] !== ${2 * N_CONTENDED} || awaitCounter[0] !== ${2 * N_CONTENDED} || callsCounter[0] !== ${2 * N_CONTENDED}) throw new Error("lost updates: " + counter[0] + " " + bareCounter[0] + " " + awaitCounter[0] + " " + callsCounter[0]);
  const q = new Queue<number>({ capacity: 64 });
  const t = performance.now();
  const [, sum] = await Promise.all([pool.submit(producer, q, ${N_QUEUE}), pool.submit(consumer, q, ${N_QUEUE})]);
  const queueMs = performance.now() - t;
  if (sum !== ${(N_QUEUE * (N_QUEUE - 1)) / 2}) throw new Error("queue lost items");
  print(JSON.stringify({ lanesMs, lanesCallsMs, bareMs, bareAwaitMs, lanesContendedMs, lanesContendedCallsMs, bareContendedMs, bareAwaitContendedMs, queueMs }));
}
`;

/**
 * The Queue's floor, measured on the bench page (no Lanes): two workers from Blob URLs joined by
 * a MessageChannel, the producer posting `n` numbers in batches of 100, the consumer summing
 * them; ms from the first post to the consumer's sum arriving back.
 */
async function rawPostMessage(page, n) {
  return page.evaluate(async (n) => {
    const script = (body) => URL.createObjectURL(new Blob([body], { type: "text/javascript" }));
    const producer = new Worker(script(`onmessage = (e) => { const [port, n] = e.data; const t = performance.now(); for (let i = 0; i < n; i += 100) { const batch = []; for (let j = i; j < Math.min(n, i + 100); j++) batch.push(j); port.postMessage(batch); } postMessage(t); };`));
    const consumer = new Worker(script(`onmessage = (e) => { const [port, n] = e.data; let sum = 0, got = 0; port.onmessage = (m) => { for (const x of m.data) sum += x; got += m.data.length; if (got === n) postMessage(sum); }; };`));
    const channel = new MessageChannel();
    const summed = new Promise((resolve) => (consumer.onmessage = (e) => resolve(e.data)));
    const consumerReady = new Promise((resolve) => setTimeout(resolve, 50));
    consumer.postMessage([channel.port2, n], [channel.port2]);
    await consumerReady;
    const t = performance.now();
    producer.postMessage([channel.port1, n], [channel.port1]);
    const sum = await summed;
    const ms = performance.now() - t;
    producer.terminate();
    consumer.terminate();
    if (sum !== (n * (n - 1)) / 2) throw new Error("raw postMessage lost items");
    return ms;
  }, n);
}

export default {
  name: "sync",
  /** @param {import("@playwright/test").Page} page @param {any} ctx */
  async run(page, ctx) {
    const reps = ctx.reps(7);
    let flip = 0;
    const measure = async (trace) => {
      const [run] = await ctx.runLanes(page, CODE((flip = 1 - flip)), ["workers"], { trace });
      return JSON.parse(run.output[0].text);
    };
    await measure(true); // warm: workers started, code compiled
    const rows = { true: [], false: [] };
    for (let i = 0; i < reps; i++) {
      for (const trace of i % 2 === 0 ? [true, false] : [false, true]) rows[String(trace)].push(await measure(trace));
    }
    const raw = [];
    for (let i = 0; i < reps; i++) raw.push(await rawPostMessage(page, N_QUEUE));
    const m = ctx.median;
    const rawUs = (m(raw) * 1000) / N_QUEUE;
    const results = [];
    for (const trace of ["true", "false"]) {
      const r = rows[trace];
      const tag = `tracing ${trace === "true" ? "on" : "off"}, median of ${reps}`;
      const uncontendedNs = m(r.map((x) => (x.lanesMs * 1e6) / N_UNCONTENDED));
      const bareNs = m(r.map((x) => (x.bareMs * 1e6) / N_UNCONTENDED));
      const bareAwaitNs = m(r.map((x) => (x.bareAwaitMs * 1e6) / N_UNCONTENDED));
      const ms = (key) => m(r.map((x) => x[key])).toFixed(1);
      ctx.log(`${tag}: ${JSON.stringify(r)}`);
      results.push(
        { name: `uncontended Lock acquire+release in a worker (${tag})`, value: uncontendedNs, unit: "ns", better: "lower", reps, floor: `bare CAS spin lock: ${bareNs.toFixed(1)} ns; with one await: ${bareAwaitNs.toFixed(1)} ns` },
        { name: `uncontended Lock / bare CAS lock with one await (${tag})`, value: m(r.map((x) => x.lanesMs / x.bareAwaitMs)), unit: "×", better: "lower", target: 2, reps },
        { name: `  uncontended Lock / bare CAS lock, no await (${tag})`, value: m(r.map((x) => x.lanesMs / x.bareMs)), unit: "×", better: "lower", reps },
        { name: `uncontended Lock's own cost (acquire() not awaited) / bare CAS lock, no await (${tag})`, value: m(r.map((x) => x.lanesCallsMs / x.bareMs)), unit: "×", better: "lower", target: 2, reps, note: `${m(r.map((x) => (x.lanesCallsMs * 1e6) / N_UNCONTENDED)).toFixed(1)} ns per acquire()+release() pair` },
        {
          name: `contended Lock, 2 workers: throughput vs bare futex mutex with one await (${tag})`,
          value: m(r.map((x) => x.bareAwaitContendedMs / x.lanesContendedMs)),
          unit: "×",
          better: "higher",
          target: 0.7,
          reps,
          note: `Lanes ${ms("lanesContendedMs")} ms, bare with await ${ms("bareAwaitContendedMs")} ms, bare ${ms("bareContendedMs")} ms for 2 × ${N_CONTENDED} rounds`,
        },
        { name: `  contended Lock, 2 workers: throughput vs bare futex mutex, no await (${tag})`, value: m(r.map((x) => x.bareContendedMs / x.lanesContendedMs)), unit: "×", better: "higher", reps },
        { name: `contended Lock's own cost (acquire() not awaited), 2 workers: throughput vs bare futex mutex, no await (${tag})`, value: m(r.map((x) => x.bareContendedMs / x.lanesContendedCallsMs)), unit: "×", better: "higher", target: 0.7, reps, note: `Lanes ${ms("lanesContendedCallsMs")} ms, bare ${ms("bareContendedMs")} ms for 2 × ${N_CONTENDED} rounds` },
        {
          name: `Queue put/get of small items between 2 workers, capacity 64 (${tag})`,
          value: m(r.map((x) => (x.queueMs * 1000) / N_QUEUE)),
          unit: "µs/item",
          better: "lower",
          reps,
          floor: `raw postMessage between 2 workers, batched 100 per message: ${rawUs.toFixed(2)} µs/item`,
        },
        { name: `  Queue / raw batched postMessage, per item (${tag})`, value: m(r.map((x) => (x.queueMs * 1000) / N_QUEUE)) / rawUs, unit: "×", better: "lower", reps },
      );
    }
    return results;
  },
};
