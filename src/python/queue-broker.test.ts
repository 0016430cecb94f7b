import { describe, expect, it } from "vitest";
import { QueueBroker } from "./queue-broker";

const item = (n: number) => new Uint8Array([n]);

describe("QueueBroker", () => {
  it("hands items out in order, to a waiting getter first", async () => {
    const broker = new QueueBroker();
    const q = broker.create();
    const waiting = broker.get(q, -1);
    broker.put(q, item(1));
    broker.put(q, item(2));
    expect(await waiting).toEqual(item(1));
    expect(broker.size(q)).toBe(1);
    expect(await broker.get(q, -1)).toEqual(item(2));
  });

  it("answers null at once without blocking, and after a timeout", async () => {
    const broker = new QueueBroker();
    const q = broker.create();
    expect(await broker.get(q, 0)).toBeNull();
    expect(await broker.get(q, 5)).toBeNull();
    broker.put(q, item(3)); // the timed-out getter is gone: the item stays queued
    expect(broker.size(q)).toBe(1);
  });

  it("refuses a queue it does not have", () => {
    expect(() => new QueueBroker().put(9, item(1))).toThrow(/no queue 9/);
  });
});
