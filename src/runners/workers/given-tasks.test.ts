import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GivenTasks } from "./given-tasks";

describe("GivenTasks", () => {
  it("has the ids of the batches added, and none other", () => {
    const given = new GivenTasks();
    given.add(new Float64Array([1, 2, 3]));
    given.add(new Float64Array([7]));
    expect([0, 1, 2, 3, 4, 6, 7, 8].map((id) => given.has(id))).toEqual([false, true, true, true, false, false, true, false]);
  });

  it("joins a batch given out of order with its neighbours", () => {
    const given = new GivenTasks();
    given.add([1, 2]);
    given.add([5, 6]);
    given.add([3, 4]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((id) => given.has(id))).toEqual([false, true, true, true, true, true, true, false]);
  });

  it("forgets everything on clear (a new run)", () => {
    const given = new GivenTasks();
    given.add([4]);
    given.clear();
    expect(given.has(4)).toBe(false);
  });

  it("agrees with a plain set for any order of ids", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(60), { maxLength: 6 }), { maxLength: 12 }), fc.array(fc.nat(70), { maxLength: 30 }), (batches, probes) => {
        const given = new GivenTasks();
        const model = new Set<number>();
        for (const batch of batches) {
          given.add(batch);
          batch.forEach((id) => model.add(id));
        }
        for (const id of [...probes, ...model]) expect(given.has(id)).toBe(model.has(id));
      }),
      { numRuns: 1000 },
    );
  });
});
