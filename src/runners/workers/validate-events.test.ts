import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeEvents, TraceBatchWriter, type TraceBatch } from "../../trace/events";
import { BATCH_LIMITS, checkBatch } from "./validate-events";

const LANE = "worker-1";

function realBatch(): TraceBatch {
  const writer = new TraceBatchWriter();
  writer.state(1, LANE, 7, "running");
  writer.output(2, LANE, 7, "hello");
  writer.state(3, LANE, 7, "blocked", "Lock#1");
  writer.state(4, LANE, "main", null);
  writer.wakeup({ object: "Lock#1", from: { task: "7", t: 3 }, to: { task: "8", t: 4 } });
  return writer.take()!;
}

const isSentence = (message: string) => /^The worker sent trace events Lanes does not accept: .+\.$/.test(message);

describe("checkBatch", () => {
  it("accepts a real batch, events unchanged", () => {
    const batch = realBatch();
    const checked = checkBatch(batch, LANE);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(decodeEvents(checked.batch)).toEqual(decodeEvents(batch));
  });

  it("keeps a batch's counter samples, and refuses malformed ones", () => {
    const writer = new TraceBatchWriter();
    writer.state(1, LANE, 7, "running");
    writer.counter({ object: "q", kind: "queue length", max: 4, t: 1.5, value: 2 });
    const batch = writer.take()!;
    const checked = checkBatch(batch, LANE);
    expect(checked.ok && checked.batch.counters).toEqual([{ object: "q", kind: "queue length", max: 4, t: 1.5, value: 2 }]);
    for (const bad of [[{ object: "q", kind: "bytes", t: 1, value: 2 }], [{ object: "q", kind: "queue length", t: 1, value: "2" }], "q"]) {
      const refused = checkBatch({ ...batch, counters: bad }, LANE);
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(isSentence(refused.message)).toBe(true);
    }
  });

  it("refuses events on another worker's lane (a forged line)", () => {
    const writer = new TraceBatchWriter();
    writer.output(1, "worker-2", 3, "not mine");
    const checked = checkBatch(writer.take(), LANE);
    expect(checked).toEqual({ ok: false, message: expect.stringContaining("not on the worker's own lane") });
  });

  it("refuses a task or text index outside the string table", () => {
    const batch = realBatch();
    const data = batch.data.slice();
    data[2] = batch.strings.length + 5;
    expect(checkBatch({ ...batch, data }, LANE).ok).toBe(false);
    const printed = batch.data.slice();
    printed[3] = -2 - batch.strings.length;
    expect(checkBatch({ ...batch, data: printed }, LANE).ok).toBe(false);
  });

  it("refuses oversized batches: too many events, too long a string", () => {
    const many = new Float64Array((BATCH_LIMITS.events + 1) * 4);
    expect(checkBatch({ strings: [LANE], data: many }, LANE)).toEqual({ ok: false, message: expect.stringContaining("more than the") });
    expect(checkBatch({ strings: [LANE, "x".repeat(BATCH_LIMITS.text + 1)], data: new Float64Array([0, 0, -1, -3]) }, LANE)).toEqual({ ok: false, message: expect.stringContaining("characters") });
  });

  it("never throws on random values, and every refusal is a sentence", () => {
    fc.assert(
      fc.property(fc.anything({ withTypedArray: true, withNullPrototype: true, withBigInt: true }), (value) => {
        const checked = checkBatch(value, LANE);
        if (!checked.ok) expect(isSentence(checked.message)).toBe(true);
      }),
    );
  });

  it("never passes a mutated batch that the recorder's decoder would choke on", () => {
    fc.assert(
      fc.property(fc.nat(), fc.double(), fc.option(fc.string({ maxLength: 8 })), (position, number, extra) => {
        const batch = realBatch();
        const data = batch.data.slice();
        data[position % data.length] = number;
        const strings = extra === null ? batch.strings : [...batch.strings.slice(0, -1), extra];
        const checked = checkBatch({ ...batch, strings, data }, LANE);
        if (!checked.ok) {
          expect(isSentence(checked.message)).toBe(true);
        } else {
          expect(() => decodeEvents(checked.batch)).not.toThrow();
          for (const event of decodeEvents(checked.batch)) expect(event.lane).toBe(LANE);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
