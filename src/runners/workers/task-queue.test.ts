import { describe, expect, it } from "vitest";
import { slicePieces, TaskQueue, toBatch, type TaskGroup } from "./task-queue";

const group = (fn: string, first: number, calls: { items?: unknown[]; args?: unknown[][] }): TaskGroup => ({
  fn,
  first,
  count: (calls.items ?? calls.args ?? []).length,
  ...calls,
  settled: () => undefined,
});

describe("TaskQueue", () => {
  it("cuts batches from groups in submission order, across group boundaries", () => {
    const q = new TaskQueue();
    const map = group("square", 1, { items: [10, 20, 30, 40, 50] });
    const one = group("fetch", 6, { args: [["a", 1]] });
    q.push(map);
    q.push(one);
    expect(q.size).toBe(6);
    expect(q.take(2)).toEqual([{ group: map, from: 0, count: 2 }]);
    expect(q.take(4)).toEqual([
      { group: map, from: 2, count: 3 },
      { group: one, from: 0, count: 1 },
    ]);
    expect(q.size).toBe(0);
    expect(q.take(3)).toEqual([]);
  });

  it("ignores empty groups", () => {
    const q = new TaskQueue();
    q.push(group("f", 1, { items: [] }));
    expect(q.size).toBe(0);
    expect(q.take(1)).toEqual([]);
  });

  it("keeps order over many small groups (thousands of submits)", () => {
    const q = new TaskQueue();
    for (let i = 0; i < 3000; i++) q.push(group("f", i + 1, { args: [[i]] }));
    const firsts: number[] = [];
    while (q.size > 0) for (const piece of q.take(7)) firsts.push(piece.group.first + piece.from);
    expect(firsts).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
  });
});

describe("toBatch", () => {
  it("sends a piece of a map as its ids, one function name and a slice of its items", () => {
    const map = group("square", 11, { items: [1, 2, 3, 4] });
    const batch = toBatch([{ group: map, from: 1, count: 2 }]);
    expect([...batch.ids]).toEqual([12, 13]);
    expect(batch).toMatchObject({ fn: "square", items: [2, 3] });
    expect(batch.args).toBeUndefined();
  });

  it("joins items of pieces that share a function", () => {
    const a = group("f", 1, { items: ["x", "y"] });
    const b = group("f", 3, { items: ["z"] });
    const batch = toBatch([
      { group: a, from: 1, count: 1 },
      { group: b, from: 0, count: 1 },
    ]);
    expect([...batch.ids]).toEqual([2, 3]);
    expect(batch).toMatchObject({ fn: "f", items: ["y", "z"] });
  });

  it("falls back to argument lists and one name per call when pieces differ", () => {
    const map = group("square", 1, { items: [5] });
    const call = group("add", 2, { args: [[1, 2]] });
    const batch = toBatch([
      { group: map, from: 0, count: 1 },
      { group: call, from: 0, count: 1 },
    ]);
    expect(batch.fn).toEqual(["square", "add"]);
    expect(batch.args).toEqual([[5], [1, 2]]);
    expect(batch.items).toBeUndefined();
  });
});

describe("TaskQueue.cancel", () => {
  it("takes a map's tasks not sent yet off the queue, from where sending stopped", () => {
    const q = new TaskQueue();
    const map = group("square", 1, { items: [10, 20, 30, 40, 50] });
    const one = group("fetch", 6, { args: [["a", 1]] });
    q.push(map);
    q.push(one);
    q.take(2);
    expect(q.cancel(map)).toEqual({ from: 2, count: 3 });
    expect(q.size).toBe(1);
    expect(q.take(5)).toEqual([{ group: one, from: 0, count: 1 }]);
  });

  it("cancels a group behind others whole, and one already sent not at all", () => {
    const q = new TaskQueue();
    const a = group("a", 1, { items: [1, 2] });
    const b = group("b", 3, { items: [3, 4, 5] });
    q.push(a);
    q.push(b);
    expect(q.cancel(b)).toEqual({ from: 0, count: 3 });
    expect(q.take(10)).toEqual([{ group: a, from: 0, count: 2 }]);
    expect(q.cancel(a)).toEqual({ from: 2, count: 0 });
    expect(q.size).toBe(0);
  });

  it("drains every task still queued, for a broken pool to fail", () => {
    const q = new TaskQueue();
    const a = group("a", 1, { items: [1, 2, 3] });
    q.push(a);
    q.take(1);
    expect(q.drain()).toEqual([{ group: a, from: 1, count: 2 }]);
    expect(q.size).toBe(0);
  });
});

describe("slicePieces", () => {
  const a: TaskGroup = { fn: "a", first: 0, count: 5, settled: () => undefined };
  const b: TaskGroup = { fn: "b", first: 5, count: 3, settled: () => undefined };
  // A batch of a's tasks 2-4 then b's 0-2: positions 0-5.
  const batch = [
    { group: a, from: 2, count: 3 },
    { group: b, from: 0, count: 3 },
  ];

  it("cuts a batch's tail across its pieces, by position", () => {
    expect(slicePieces(batch, 1, 6)).toEqual([
      { group: a, from: 3, count: 2 },
      { group: b, from: 0, count: 3 },
    ]);
    expect(slicePieces(batch, 4, 6)).toEqual([{ group: b, from: 1, count: 2 }]);
  });

  it("gives the head, the whole, or nothing", () => {
    expect(slicePieces(batch, 0, 2)).toEqual([{ group: a, from: 2, count: 2 }]);
    expect(slicePieces(batch, 0, 6)).toEqual(batch);
    expect(slicePieces(batch, 6, 6)).toEqual([]);
    expect(slicePieces(batch, 0, 0)).toEqual([]);
  });
});
