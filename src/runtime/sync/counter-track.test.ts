// Counter tracks are sampled only for objects made with `track: true`, after every change, and
// the flag travels with the object to another realm (transfer.ts).
import { afterAll, describe, expect, it } from "vitest";
import { decodeValue, encodeValue } from "../codec";
import { installHost, type Host } from "../host";
import type { CounterReading } from "./counter-track";
import { Queue } from "./queue";
import { BoundedSemaphore, Semaphore } from "./semaphore";
import { findSyncObject, forgetSyncObjects } from "./sync-object";
import { registerSyncTransfer } from "./transfer";
import { blockAsync } from "./waiting";

const readings: CounterReading[] = [];
const restore = installHost({ block: (request) => blockAsync(request), taskId: () => "1", counter: (r) => readings.push(r) } as Partial<Host> as Host);
afterAll(restore);
registerSyncTransfer();

const take = () => readings.splice(0).map((r) => r.value);

describe("counter tracks", () => {
  it("a tracked queue reports its length after every put and get, with its capacity", async () => {
    const q = new Queue<number>({ capacity: 2, track: true });
    await q.put(1);
    await q.put(2);
    await q.get();
    expect(await q.tryPut(3)).toBe(true);
    expect(await q.tryPut(4)).toBe(false); // full: nothing changed, nothing reported
    await q.tryGet();
    expect(readings[0]).toMatchObject({ object: q.name, kind: "queue length", max: 2 });
    expect(take()).toEqual([1, 2, 1, 2, 1]);
  });

  it("a tracked semaphore reports its permits in use; an untracked one, nothing", async () => {
    const sem = new BoundedSemaphore(2, { track: true });
    await sem.acquire();
    await sem.acquire();
    expect(sem.tryAcquire()).toBe(false);
    sem.release();
    sem.release();
    expect(readings[0]).toMatchObject({ kind: "permits in use", max: 2 });
    expect(take()).toEqual([1, 2, 1, 0]);
    const plain = new Semaphore(1);
    await plain.acquire();
    plain.release();
    const unbounded = new Queue<number>();
    await unbounded.put(1);
    expect(readings).toEqual([]);
  });

  it("a queue without a capacity has no max; the flag must be a boolean", async () => {
    const q = new Queue<number>({ track: true });
    await q.put(1);
    expect(readings.splice(0)[0]).toEqual({ object: q.name, kind: "queue length", value: 1 });
    expect(() => new Queue({ track: "yes" as unknown as boolean })).toThrow(/`track` option is true or false/);
  });

  it("the flag travels with the object to another realm", () => {
    const q = new Queue<number>({ capacity: 4, track: true });
    const plain = new Queue<number>({ capacity: 4 });
    const sent = structuredClone(encodeValue([q, plain]));
    forgetSyncObjects(); // as if in a worker: the objects are rebuilt over the same memory
    expect(findSyncObject(q.id)).toBeUndefined();
    const [there, plainThere] = decodeValue(sent) as [Queue<number>, Queue<number>];
    expect(there).not.toBe(q);
    expect(there.tracked).toBe(true);
    expect(plainThere.tracked).toBe(false);
  });
});
