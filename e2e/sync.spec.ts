import { expect, test } from "./fixtures";
import { byRunner, runCode, texts } from "./lanes";
import type { Run } from "../src/trace/run";

// Shared memory and the primitives, in Chromium. Generous bounds: 2 noisy cores.

test.beforeEach(async ({ page }) => {
  await page.goto("/");
});

const ok = (run: Run) => expect(run.ok, JSON.stringify(run.error)).toBe(true);

test("a shared counter races under workers and is exact with a Lock", async ({ page }) => {
  const code = `
    import { Barrier, Lock, Pool, print, shared } from "lanes";
    export async function bare(counter: Int32Array, start: Barrier, n: number) {
      await start.wait(); // both workers count at the same time
      for (let i = 0; i < n; i++) counter[0] = counter[0] + 1;
    }
    export async function locked(counter: Int32Array, lock: Lock, n: number) {
      for (let i = 0; i < n; i++) {
        await lock.acquire();
        counter[0] = counter[0] + 1;
        lock.release();
      }
    }
    export default async function main() {
      const pool = new Pool({ workers: 2 });
      const racy = shared.int32(1);
      const start = new Barrier(2);
      await Promise.all([pool.submit(bare, racy, start, 5_000_000), pool.submit(bare, racy, start, 5_000_000)]);
      const safe = shared.int32(1);
      const lock = new Lock();
      await Promise.all([pool.submit(locked, safe, lock, 20_000), pool.submit(locked, safe, lock, 20_000)]);
      print(racy[0], safe[0]);
    }`;
  const [run] = await runCode(page, code, ["workers"]);
  ok(run!);
  const [racy, safe] = texts(run!)[0]!.split(" ").map(Number);
  expect(racy).toBeLessThan(10_000_000);
  expect(safe).toBe(40_000);
});

test("main is exact; async is exact without an await between read and write, short with one", async ({ page }) => {
  const code = `
    import { Pool, print, shared, sleep } from "lanes";
    export async function atOnce(counter: Int32Array) {
      for (let i = 0; i < 20; i++) { counter[0] = counter[0] + 1; await sleep(1); }
    }
    export async function readAwaitWrite(counter: Int32Array) {
      for (let i = 0; i < 20; i++) { const seen = counter[0]; await sleep(1); counter[0] = seen + 1; }
    }
    export default async function main() {
      const pool = new Pool({ workers: 3 });
      const a = shared.int32(1);
      await Promise.all([1, 2, 3].map(() => pool.submit(atOnce, a)));
      const b = shared.int32(1);
      await Promise.all([1, 2, 3].map(() => pool.submit(readAwaitWrite, b)));
      print(a[0], b[0]);
    }`;
  const runs = byRunner(await runCode(page, code, ["main", "async"]));
  ok(runs.main);
  ok(runs.async);
  expect(texts(runs.main)).toEqual(["60 60"]);
  const [a, b] = texts(runs.async)[0]!.split(" ").map(Number);
  expect(a).toBe(60);
  expect(b).toBeLessThan(60);
});

const twoLocks = `
  import { Lock, Pool, sleep } from "lanes";
  export async function ab(first: Lock, second: Lock) {
    await first.acquire();
    await sleep(100);
    await second.acquire();
    second.release();
    first.release();
  }
  export default async function main() {
    const a = new Lock();
    const b = new Lock();
    const pool = new Pool({ workers: 2 });
    await Promise.all([pool.submit(ab, a, b), pool.submit(ab, b, a)]);
  }`;

for (const runner of ["workers", "async"] as const) {
  test(`a two-lock deadlock under ${runner} ends within 3 s, naming both tasks and both locks`, async ({ page }) => {
    if (runner === "workers") await runCode(page, twoLocks.replace("sleep(100)", "sleep(0)").replace("await second.acquire();", "").replace("second.release();", ""), ["workers"]); // warm workers
    const [run] = await runCode(page, twoLocks, [runner]);
    expect(run!.ok).toBe(false);
    const message = run!.error?.message ?? "";
    expect(message).toContain("Deadlock: `ab(a, b)` holds lock `a` and waits for lock `b`");
    expect(message).toContain("`ab(b, a)` holds lock `b` and waits for lock `a`");
    expect(run!.wallMs).toBeLessThan(3000);
    const blocked = run!.spans.filter((s) => s.state === "blocked" && s.label?.startsWith("waiting for lock"));
    expect(new Set(blocked.map((s) => s.label))).toEqual(new Set(["waiting for lock `a`", "waiting for lock `b`"]));
    expect(new Set(blocked.map((s) => s.task)).size).toBe(2);
  });
}

// Tiny tasks travel in batches (batch-size.ts), so two submitted together may go to one worker.
// When one of them waits for the other, that worker gives the other back and it runs elsewhere,
// as on two threads; also when the other worker is busy first, and for a two-party barrier over
// a map of four.
test("under workers a task waiting for another submitted with it gets it, though tiny tasks are batched", async ({ page }) => {
  const code = `
    import { Barrier, Event, Pool, print, work } from "lanes";
    export function tiny(x: number) { return x + 1; }
    export async function waiter(e: Event) { await e.wait(); return "woke"; }
    export function setter(e: Event) { e.set(); return "set"; }
    export function busy(ms: number) { work(ms); return "busy"; }
    export async function phase(b: Barrier, x: number) { await b.wait(); return x; }
    export default async function main() {
      const pool = new Pool({ workers: 2 });
      await pool.map(tiny, Array.from({ length: 2000 }, (_, i) => i)); // the pool now batches
      let pairs = 0;
      for (let round = 0; round < 10; round++) {
        const e = new Event();
        const [a, b] = await Promise.all([pool.submit(waiter, e), pool.submit(setter, e)]);
        if (a === "woke" && b === "set") pairs += 1;
      }
      await pool.map(tiny, Array.from({ length: 2000 }, (_, i) => i));
      const e = new Event();
      const [x, y, z] = await Promise.all([pool.submit(busy, 300), pool.submit(waiter, e), pool.submit(setter, e)]);
      await pool.map(tiny, Array.from({ length: 2000 }, (_, i) => i));
      const b = new Barrier(2);
      const passed = await Promise.all([0, 1, 2, 3].map((i) => pool.submit(phase, b, i)));
      print(pairs, x, y, z, passed.join(","));
    }`;
  const [run] = await runCode(page, code, ["workers"]);
  ok(run!);
  expect(texts(run!)).toEqual(["10 busy woke set 0,1,2,3"]);
});

test("Stop ends a run whose workers are blocked", async ({ page }) => {
  await page.waitForFunction(() => window.__lanes !== undefined);
  // A timed wait is never a deadlock, so only Stop can end this run before 20 s.
  const code = `
    import { Event, Pool } from "lanes";
    export async function waitLong(e: Event) { await e.wait(20_000); }
    export default async function main() {
      const pool = new Pool({ workers: 2 });
      const e = new Event();
      await Promise.all([pool.submit(waitLong, e), pool.submit(waitLong, e)]);
    }`;
  const { run, ms } = await page.evaluate(async (c) => {
    const started = performance.now();
    const blocked = window.__lanes!.run(c, ["workers"]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // Starting a run stops the one in progress (the Stop button's path).
    await window.__lanes!.run('export default async function main() {}', ["main"]);
    const [run] = await blocked;
    return { run, ms: performance.now() - started };
  }, code);
  expect(run!.ok).toBe(false);
  expect(run!.error?.message).toMatch(/Stopped/);
  expect(run!.spans.some((s) => s.state === "blocked" && s.label === "waiting for event `e`")).toBe(true);
  expect(ms).toBeLessThan(6000);
});

const producerConsumer = `
  import { Pool, Queue, print, shared, work } from "lanes";
  export async function producer(q: Queue<number>, n: number) {
    for (let i = 0; i < n; i++) await q.put(i);
    await q.put(-1);
  }
  export async function consumer(q: Queue<number>, seen: Int32Array) {
    for (;;) {
      const item = await q.get();
      if (item === -1) return;
      work(3);
      Atomics.add(seen, item, 1);
    }
  }
  export default async function main() {
    const q = new Queue<number>({ capacity: 4 });
    const seen = shared.int32(40);
    const pool = new Pool({ workers: 2 });
    await Promise.all([pool.submit(producer, q, 40), pool.submit(consumer, q, seen)]);
    print(Array.from(seen).every((n) => n === 1));
  }`;

for (const runner of ["workers", "async"] as const) {
  test(`a bounded Queue under ${runner} delivers every item once, blocks the producer on a full queue, records wake-ups`, async ({ page }) => {
    const [run] = await runCode(page, producerConsumer, [runner]);
    ok(run!);
    expect(texts(run!)).toEqual(["true"]);
    const full = run!.spans.filter((s) => s.state === "blocked" && s.label === "queue `q` full (4/4)");
    expect(full.length).toBeGreaterThan(3);
    const wakeups = run!.wakeups ?? [];
    expect(wakeups.filter((w) => w.object === "q").length).toBeGreaterThan(3);
    for (const w of wakeups) expect(w.to.t).toBeGreaterThanOrEqual(w.from.t - 1);
  });
}

const failingParty = `
  import { Barrier, Pool, print } from "lanes";
  export async function phase(b: Barrier, n: number) {
    await b.wait();
    if (n === 2) throw new Error("party 2 failed");
    await b.wait(); // 1 and 3 wait for 2, which will never come
    return n;
  }
  export default async function main() {
    const pool = new Pool({ workers: 3 });
    const b = new Barrier(3);
    const results = await Promise.allSettled([1, 2, 3].map((n) => pool.submit(phase, b, n)));
    print(results.map((r) => (r.status === "fulfilled" ? r.value : r.reason.name)).join(" "));
  }`;

for (const runner of ["workers", "async"] as const) {
  test(`under ${runner} a party that fails breaks its barrier: the others get BrokenBarrierError, no deadlock`, async ({ page }) => {
    const [run] = await runCode(page, failingParty, [runner]);
    ok(run!); // a deadlock (what Python would do) fails the run after its grace period
    expect(texts(run!)).toEqual(["BrokenBarrierError Error BrokenBarrierError"]);
  });
}

test("without cross-origin isolation, shared state under workers fails at once and says why; other programs still run", async ({ page }) => {
  await page.route("**/*", async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers["cross-origin-opener-policy"];
    delete headers["cross-origin-embedder-policy"];
    // The stage isolates itself too (for embeds on pages that are not isolated): not here.
    delete headers["document-isolation-policy"];
    await route.fulfill({ response, headers });
  });
  await page.goto("/");
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  const sharing = `
    import { Pool, shared } from "lanes";
    export function bump(c: Int32Array) { c[0] += 1; }
    export default async function main() {
      const pool = new Pool({ workers: 1 });
      await pool.submit(bump, shared.int32(1));
    }`;
  const started = Date.now();
  const [failed] = await runCode(page, sharing, ["workers"]);
  expect(failed!.ok).toBe(false);
  expect(failed!.error?.message).toMatch(/not cross-origin isolated.*Open this lesson in its own tab/s);
  expect(Date.now() - started).toBeLessThan(5000);
  const locking = `
    import { Lock, Pool, print } from "lanes";
    export async function one(n: number) { return n * 2; }
    export default async function main() {
      const lock = new Lock();
      await lock.with(async () => print("locked"));
      const pool = new Pool({ workers: 2 });
      print((await pool.map(one, [1, 2])).join(","));
    }`;
  const runs = byRunner(await runCode(page, locking, ["main", "async"]));
  for (const run of Object.values(runs)) {
    ok(run);
    expect(texts(run)).toEqual(["locked", "2,4"]);
  }
  // A request still in the route (a worker's, a late asset) would otherwise fail the next test.
  await page.unrouteAll({ behavior: "ignoreErrors" });
});

test("under main a task waiting for an item only a later task would put is a deadlock, said so; under async it runs", async ({ page }) => {
  const code = `
    import { Pool, Queue, print } from "lanes";
    export async function consumer(q: Queue<string>) { print(await q.get()); }
    export async function producer(q: Queue<string>) { await q.put("hello"); }
    export default async function main() {
      const q = new Queue<string>();
      const pool = new Pool({ workers: 2 });
      await Promise.all([pool.submit(consumer, q), pool.submit(producer, q)]);
    }`;
  const runs = byRunner(await runCode(page, code, ["main", "async"]));
  expect(runs.main.ok).toBe(false);
  expect(runs.main.error?.message).toContain("`consumer(q)` is blocked: queue `q` empty, waiting for an item");
  expect(runs.main.error?.message).toContain("Under the main runner tasks run one at a time");
  expect(runs.main.wallMs).toBeLessThan(3000);
  ok(runs.async);
  expect(texts(runs.async)).toEqual(["hello"]);
});
