import { describe, expect, it } from "vitest";
import { MemoryWatch, OUT_OF_MEMORY, outOfMemoryMessage } from "./memory-limit";

describe("MemoryWatch", () => {
  it("is over once the heap passes the limit", () => {
    let used = 100;
    const watch = new MemoryWatch(1000, () => used);
    expect(watch.over(0)).toBe(false);
    used = 1001;
    expect(watch.over(100)).toBe(true);
  });

  it("reads the heap at most every 20 ms", () => {
    let reads = 0;
    const watch = new MemoryWatch(1000, () => (reads++, 5000));
    expect(watch.over(0)).toBe(true);
    expect(watch.over(10)).toBe(false); // not read again yet
    expect(watch.over(25)).toBe(true);
    expect(reads).toBe(2);
  });

  it("is never over where the browser gives no figure", () => {
    const watch = new MemoryWatch(1000, () => undefined);
    expect(watch.over(0)).toBe(false);
  });
});

describe("outOfMemoryMessage", () => {
  it("says what happened, the limit and the loop", () => {
    expect(outOfMemoryMessage(3)).toBe(`${OUT_OF_MEMORY} Its page held more than 1 GB, in the loop at line 3.`);
    expect(outOfMemoryMessage()).toMatch(/^Out of memory: the program allocated without bound, .* held more than 1 GB\.$/);
  });
});
