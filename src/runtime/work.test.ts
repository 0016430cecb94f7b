import { describe, expect, it } from "vitest";
import { spin } from "./work";

/** The kernel written plainly, one step per iteration: what the unrolled spin must equal. */
function reference(iterations: number, seed = 0x1e3779b9): number {
  let x = seed & 0x3fffffff;
  for (let i = 0; i < iterations; i++) x = (Math.imul(x, 1664525) + 1013904223) & 0x3fffffff;
  return x;
}

describe("the work kernel", () => {
  it("takes exactly the steps asked for, unrolled or not", () => {
    for (const n of [0, 1, 15, 16, 17, 31, 32, 33, 1000, 123_457]) expect(spin(n)).toBe(reference(n));
    expect(spin(100, 42)).toBe(reference(100, 42));
  });

  it("keeps its state within 30 bits, so V8 never boxes it", () => {
    for (let n = 0; n < 2000; n += 7) {
      const x = spin(n);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(2 ** 30);
    }
  });

  it("does not come back to its start for a long time (a period of 2^30 steps)", () => {
    const start = spin(0);
    let x = start;
    let back = 0;
    for (let i = 1; i <= 1_000_000 && back === 0; i++) {
      x = (Math.imul(x, 1664525) + 1013904223) & 0x3fffffff;
      if (x === start) back = i;
    }
    expect(back).toBe(0);
  });
});
