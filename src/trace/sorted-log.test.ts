import { describe, expect, it } from "vitest";
import { SortedLog, mergeSorted } from "./sorted-log";

interface Item {
  k: number;
  id: string;
}
const key = (i: Item): number => i.k;
const item = (k: number, id: string): Item => ({ k, id });
const ids = (items: readonly Item[]): string => items.map((i) => i.id).join(" ");

describe("SortedLog", () => {
  it("returns in-order pushes as they came", () => {
    const log = new SortedLog(key);
    [item(1, "a"), item(2, "b"), item(2, "c"), item(5, "d")].forEach((i) => log.push(i));
    expect(ids(log.sorted())).toBe("a b c d");
  });

  it("sorts out-of-order pushes by key", () => {
    const log = new SortedLog(key);
    [item(5, "a"), item(1, "b"), item(3, "c")].forEach((i) => log.push(i));
    expect(ids(log.sorted())).toBe("b c a");
  });

  it("keeps insertion order among equal keys", () => {
    const log = new SortedLog(key);
    [item(4, "a"), item(2, "b"), item(4, "c"), item(2, "d")].forEach((i) => log.push(i));
    expect(ids(log.sorted())).toBe("b d a c");
  });

  it("merges later pushes into an already sorted log", () => {
    const log = new SortedLog(key);
    [item(1, "a"), item(6, "b")].forEach((i) => log.push(i));
    log.sorted();
    [item(3, "c"), item(9, "d"), item(0, "e")].forEach((i) => log.push(i));
    expect(ids(log.sorted())).toBe("e a c b d");
    expect(log.length).toBe(5);
  });
});

describe("mergeSorted", () => {
  it("interleaves two sorted arrays, the first winning ties", () => {
    const merged = mergeSorted([item(1, "a1"), item(3, "a3")], [item(0, "b0"), item(3, "b3"), item(4, "b4")], key);
    expect(ids(merged)).toBe("b0 a1 a3 b3 b4");
  });

  it("copies a side when the other is empty", () => {
    const a = [item(1, "a")];
    const merged = mergeSorted(a, [], key);
    expect(ids(merged)).toBe("a");
    expect(merged).not.toBe(a);
  });
});
