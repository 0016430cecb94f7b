import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeEvents, TraceBatchWriter, type TraceBatch } from "../../trace/events";
import { GivenTasks } from "./given-tasks";
import { BATCH_LIMITS, checkBatch as checkBatchOf, givenBackTasks, ownTask } from "./validate-events";

const LANE = "worker-1";
/** The tasks the worker of LANE was given: 7 and 8 (the batches below speak for 7). */
const OWN = new GivenTasks();
OWN.add(new Float64Array([7, 8]));
const checkBatch = (value: unknown, lane: string, own = OWN) => checkBatchOf(value, lane, own);

function realBatch(): TraceBatch {
  const writer = new TraceBatchWriter();
  writer.state(1, LANE, 7, "running");
  writer.output(2, LANE, 7, "hello");
  writer.state(3, LANE, 7, "blocked", "Lock#1");
  writer.state(4, LANE, 7, null);
  writer.wakeup({ object: "Lock#1", from: { task: "3", t: 3 }, to: { task: "7", t: 4 } });
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

  it("refuses events for another worker's task, or for a task this worker was never given", () => {
    for (const task of [3, 9, 0]) {
      const writer = new TraceBatchWriter();
      writer.state(1, LANE, 7, "running");
      writer.output(2, LANE, task, "forged");
      const checked = checkBatch(writer.take(), LANE);
      expect(checked).toEqual({ ok: false, message: `The worker sent trace events Lanes does not accept: event 1 is for task ${task}, which this worker was not given.` });
    }
  });

  it("refuses a task named by a string, but takes the top-level code's events (no task)", () => {
    const named = new TraceBatchWriter();
    named.output(1, LANE, "main", "forged on main");
    expect(checkBatch(named.take(), LANE)).toEqual({ ok: false, message: expect.stringContaining('task "main", which this worker was not given') });
    const topLevel = new TraceBatchWriter();
    topLevel.output(1, LANE, "", "printed as the program loads");
    expect(checkBatch(topLevel.take(), LANE).ok).toBe(true);
  });

  it("refuses a wake-up of a task that is not the worker's own", () => {
    const writer = new TraceBatchWriter();
    writer.state(1, LANE, 7, "running");
    writer.wakeup({ object: "Lock#1", from: { task: "7", t: 1 }, to: { task: "12", t: 2 } });
    expect(checkBatch(writer.take(), LANE)).toEqual({ ok: false, message: expect.stringContaining("wake-ups of the worker's own tasks") });
  });

  it("believes a self-close message's task only if the worker was given it", () => {
    expect(ownTask(7, OWN)).toBe("7");
    expect(ownTask("8", OWN)).toBe("8");
    expect(ownTask(9, OWN)).toBeUndefined();
    expect(ownTask("", OWN)).toBeUndefined();
    expect(ownTask({ toString: () => "7" }, OWN)).toBeUndefined();
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
          for (const event of decodeEvents(checked.batch)) {
            expect(event.lane).toBe(LANE);
            expect(event.task === "" || OWN.has(Number(event.task))).toBe(true);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("givenBackTasks", () => {
  it("accepts the worker's own tasks, each once, and nothing else", () => {
    expect(givenBackTasks([8], OWN, new Set(), 10)).toEqual([8]);
    expect(givenBackTasks([], OWN, new Set(), 10)).toEqual([]);
    expect(givenBackTasks([9], OWN, new Set(), 10)).toBeUndefined(); // not given to it
    expect(givenBackTasks([8], OWN, new Set([8]), 10)).toBeUndefined(); // given back before
    expect(givenBackTasks([8, 8], OWN, new Set(), 10)).toBeUndefined();
    expect(givenBackTasks([7, 8], OWN, new Set(), 1)).toBeUndefined(); // too many
    expect(givenBackTasks("8", OWN, new Set(), 10)).toBeUndefined();
  });

  it("never throws, and returns only own tasks not given back before", () => {
    fc.assert(
      fc.property(fc.anything({ withTypedArray: true, withNullPrototype: true, withBigInt: true }), fc.array(fc.integer({ min: 0, max: 10 })), (value, before) => {
        const back = givenBackTasks(value, OWN, new Set(before), 16);
        if (back) expect(back.every((id) => OWN.has(id) && !before.includes(id))).toBe(true);
      }),
    );
  });
});
