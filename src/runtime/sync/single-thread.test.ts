// The primitives on one thread that may not block, as on the page under main and async: waits
// are promises, wake-ups come from the same thread. (Node's main thread may block, so the
// realm's async path is taken explicitly through a host that asks for it.)
import { afterEach, describe, expect, it } from "vitest";
import { installHost, type Host } from "../host";
import { Barrier } from "./barrier";
import { Condition } from "./condition";
import { Event } from "./event";
import { Lock } from "./lock";
import { Queue } from "./queue";
import { BoundedSemaphore, Semaphore } from "./semaphore";
import { blockAsync } from "./waiting";
import { encodeItem, decodeItem } from "./item-codec";

let task = "1";
const asyncHost = { block: (request) => blockAsync(request), taskId: () => task } as Partial<Host> as Host;
let restore = installHost(asyncHost);
afterEach(() => {
  restore();
  restore = installHost(asyncHost);
  task = "1";
});

describe("primitives on one thread", () => {
  it("a Lock makes the second acquirer wait for the release; a timeout gives false", async () => {
    const lock = new Lock();
    await lock.acquire();
    expect(await lock.acquire(20)).toBe(false);
    const second = lock.acquire();
    lock.release();
    expect(await second).toBe(true);
    expect(lock.locked).toBe(true);
    lock.release();
    expect(() => lock.release()).toThrow(/not locked/);
  });

  it("a Lock names its holder; another task may release it (Python's Lock), which wakes a waiter", async () => {
    const lock = new Lock();
    task = "3";
    await lock.acquire();
    expect(lock.holder).toBe("3");
    expect(lock.heldByMe()).toBe(true);
    task = "4";
    expect(lock.heldByMe()).toBe(false);
    const waiting = lock.acquire(); // task 4 waits: the word is marked as waited for
    let got = false;
    void waiting.then(() => (got = true));
    await Promise.resolve();
    expect(got).toBe(false);
    task = "5";
    lock.release(); // not the holder: allowed, as in Python, and the waiter is woken
    task = "4"; // as the page's run resumes the woken task before it takes the lock
    expect(await waiting).toBe(true);
    expect(lock.holder).toBe("4"); // taken as task 4, marked as maybe waited for
    lock.release();
    expect(lock.locked).toBe(false);
    expect(lock.holder).toBeUndefined();
    expect(() => lock.release()).toThrow(/which is not locked/);
    task = "main";
    expect(lock.tryAcquire()).toBe(true);
    expect(lock.holder).toBe("main");
  });

  it("with() releases when the function throws", async () => {
    const lock = new Lock();
    await expect(lock.with(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(lock.locked).toBe(false);
  });

  it("a BoundedSemaphore refuses a release beyond its permits; a Semaphore does not", async () => {
    const bounded = new BoundedSemaphore(1);
    expect(() => bounded.release()).toThrow(/released too many times/);
    const plain = new Semaphore(1);
    plain.release();
    expect(plain.value).toBe(2);
    expect(await plain.acquire()).toBe(true);
  });

  it("a Condition needs its lock held, and wakes a waiter on notify", async () => {
    const cond = new Condition();
    await expect(cond.wait()).rejects.toThrow(/without holding its lock/);
    let ready = false;
    const waiter = cond.with(() => cond.waitFor(() => ready));
    await new Promise((r) => setTimeout(r, 5));
    task = "2"; // another task notifies
    await cond.with(() => {
      ready = true;
      cond.notifyAll();
    });
    expect(await waiter).toBe(true);
  });

  it("an Event wakes every waiter; a timed wait on a clear event gives false", async () => {
    const e = new Event();
    expect(await e.wait(10)).toBe(false);
    const waiters = [e.wait(), e.wait()];
    e.set();
    expect(await Promise.all(waiters)).toEqual([true, true]);
  });

  it("a Barrier that times out is broken for everyone", async () => {
    const barrier = new Barrier(3);
    const first = barrier.wait();
    await expect(barrier.wait(10)).rejects.toThrow(/broken/);
    await expect(first).rejects.toThrow(/broken/);
  });

  it("a Queue keeps order, waits when full and when empty, and counts work done", async () => {
    const q = new Queue<{ n: number }>({ capacity: 1 });
    await q.put({ n: 1 });
    expect(await q.tryPut({ n: 2 })).toBe(false);
    const blockedPut = q.put({ n: 2 });
    expect(await q.get()).toEqual({ n: 1 });
    await blockedPut;
    expect(await q.get()).toEqual({ n: 2 });
    expect(await q.tryGet()).toBeUndefined();
    await expect(q.get(10)).rejects.toThrow(/stayed empty/);
    const joined = q.join();
    q.taskDone();
    q.taskDone();
    await joined;
    expect(() => q.taskDone()).toThrow(/more times/);
  });
});

describe("queue items", () => {
  it("copy what structured clone copies and JSON alone would lose", () => {
    const item = { a: [1, undefined, NaN, -0, Infinity], b: new Map([[1, "x"]]), c: new Set([2]), d: new Date(5), e: new Float64Array([1.5]), f: 10n };
    const back = decodeItem(encodeItem(item)) as typeof item;
    expect(back.a[2]).toBeNaN();
    expect(Object.is(back.a[3], -0)).toBe(true);
    expect(back.a[4]).toBe(Infinity);
    expect(back.b).toEqual(item.b);
    expect(back.c).toEqual(item.c);
    expect(back.d).toEqual(item.d);
    expect(back.e).toEqual(item.e);
    expect(back.f).toBe(10n);
  });

  it("copy numbers alone exactly, on their short path or the tagged one", () => {
    for (const n of [0, 1, -7, 0.1, 2 ** 53 + 2, -1e308, 5e-324, NaN, -0, Infinity, -Infinity]) {
      expect(Object.is(decodeItem(encodeItem(n)), n)).toBe(true);
    }
    expect(encodeItem(42).length).toBe(9);
    // A short JSON text of nine bytes is still read as JSON.
    expect(encodeItem("a").length).toBe(9);
    expect(decodeItem(encodeItem("a"))).toBe("a");
  });

  it("refuse functions, cycles and primitives, saying what to do", () => {
    expect(() => encodeItem({ f: () => 1 })).toThrow(/function cannot be put in a queue/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => encodeItem(cyclic)).toThrow(/refers to itself/);
    expect(() => encodeItem([new Lock()])).toThrow(/pass it to the tasks as an argument/);
  });

  it("a getter's wake-up names the task that put its item, not whoever signalled last", async () => {
    const q = new Queue<number>({ capacity: 4 });
    let atWake: { signalled?: number; last?: number } = {};
    restore();
    // As the runners do, ask who signalled as the wait ends, before the getter takes its item.
    restore = installHost({
      ...asyncHost,
      block: (r) => blockAsync(r).then((ok) => ((atWake = { signalled: r.signalled?.()?.task, last: r.subject.lastSignal()?.task }), ok)),
    } as Host);
    task = "1";
    const got = q.get();
    task = "2";
    void q.put(10); // the item the getter takes (room in the queue: done at once)
    task = "3";
    void q.put(11); // a later put: the last signaller, but not the getter's cause
    expect(await got).toBe(10);
    expect(atWake.signalled).toBe(2 + 2); // task "2" as a cell code (id + 2)
    expect(atWake.last).toBe(3 + 2);
  });

  it("a second set of an Event does not move its wake-up arrow's tail", () => {
    const event = new Event();
    task = "4";
    event.set();
    const first = event.lastSignal();
    task = "5";
    event.set();
    expect(event.lastSignal()).toEqual(first);
    event.clear();
    event.set();
    expect(event.lastSignal()?.task).toBe(5 + 2);
  });
});
