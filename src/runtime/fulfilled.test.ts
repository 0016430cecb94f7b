import { describe, expect, it } from "vitest";
import { awaitSite } from "./await-site";
import { FULFILLED_TRUE, cannotFail, fulfilledWith } from "./fulfilled";
import { Lock } from "./sync/lock";
import { Queue } from "./sync/queue";

describe("fast paths: already-fulfilled promises, passed through by await sites", () => {
  it("a free lock is taken at once, with the shared fulfilled promise", async () => {
    const lock = new Lock();
    const got = lock.acquire();
    expect(lock.locked).toBe(true); // taken before anything awaits
    expect(got).toBe(FULFILLED_TRUE);
    expect(awaitSite(3, got)).toBe(got);
    expect(await got).toBe(true);
    lock.release();
  });

  it("an await site still wraps every other promise, so a failure's line is remembered", () => {
    const other = Promise.resolve(true);
    expect(cannotFail(other)).toBe(false);
    const wrapped = awaitSite(3, other);
    expect(wrapped).not.toBe(other);
    expect(cannotFail(fulfilledWith(1))).toBe(true);
  });

  it("a queue with room and an item puts and gets without waiting, in order", async () => {
    const q = new Queue<number | string>({ capacity: 2 });
    await q.put(1);
    await q.put("two");
    expect(q.size).toBe(2);
    const first = q.get();
    expect(q.size).toBe(1); // taken at once
    expect(await first).toBe(1);
    expect(await q.get()).toBe("two");
  });

  it("a bad argument still fails the promise, not the call", async () => {
    const q = new Queue<unknown>();
    const put = q.put(() => 1);
    await expect(put).rejects.toThrow(/function cannot be put in a queue/);
  });
});
