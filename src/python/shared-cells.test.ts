import { describe, expect, it } from "vitest";
import { SharedCells } from "./shared-cells";

describe("SharedCells", () => {
  it("gives each allocation its own 8-aligned room, and reads back what was written, per typecode", () => {
    const cells = new SharedCells();
    const a = cells.alloc(4);
    const b = cells.alloc(8);
    expect([a, b]).toEqual([0, 8]);
    cells.set("i", a, -7);
    cells.set("d", b, 2.5);
    expect(cells.get("i", a)).toBe(-7);
    expect(cells.get("d", b)).toBe(2.5);
    cells.set("q", b, 2 ** 40);
    expect(cells.get("q", b)).toBe(BigInt(2 ** 40));
  });

  it("grows its buffer for a large array, and another view of the same buffer sees the writes", () => {
    const cells = new SharedCells();
    const at = cells.alloc(200_000 * 8);
    cells.set("d", at + 199_999 * 8, 1.5);
    expect(new SharedCells(cells.buffer).get("d", at + 199_999 * 8)).toBe(1.5);
  });

  it("takes a free lock once, and frees only a held one", () => {
    const cells = new SharedCells();
    const lock = cells.alloc(4);
    expect(cells.tryLock(lock)).toBe(true);
    expect(cells.tryLock(lock)).toBe(false);
    expect(cells.unlock(lock)).toBe(true);
    expect(cells.unlock(lock)).toBe(false);
  });

  it("knows the size of Lanes' typecodes only", () => {
    expect(SharedCells.size("d")).toBe(8);
    expect(SharedCells.size("c")).toBe(0);
  });
});
