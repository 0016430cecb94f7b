import { describe, expect, it } from "vitest";
import { decodeValue, encodeValue } from "./codec";
import { Condition, Lock, Queue, registerSyncTransfer, shared } from "./sync";

registerSyncTransfer();

describe("the boundary codec", () => {
  it("leaves plain data as it is, without copying", () => {
    const args = [1, "two", { three: [3] }];
    expect(encodeValue(args)).toBe(args);
  });

  it("sends primitives nested in arrays and plain objects, and rebuilds them over the same memory", () => {
    const a = new Lock();
    a.rename("a");
    const q = new Queue<number>({ capacity: 2 });
    const sent = structuredClone(encodeValue({ locks: [a], q, n: 1 }));
    const back = decodeValue(sent) as { locks: Lock[]; q: Queue<number>; n: number };
    expect(back.locks[0]).toBe(a); // same realm, same id: the same object
    expect(back.q).toBe(q);
    expect(back.n).toBe(1);
  });

  it("rebuilds a condition with its lock, sharing the lock's memory", () => {
    const cond = new Condition();
    const data = structuredClone(encodeValue(cond)) as { data: { state: { buffer: SharedArrayBuffer } } };
    expect(data.data.state.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it("keeps shared arrays shared (structured clone does not copy a SharedArrayBuffer)", () => {
    const counter = shared.int32(4);
    expect(counter.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(encodeValue([counter])).toEqual([counter]);
  });

  it("refuses a value of a kind this side does not know, saying so", () => {
    expect(() => decodeValue({ $lanesCodec: "nope", data: 1 })).toThrow(/does not know how to rebuild/);
  });
});
