import { afterEach, describe, expect, it } from "vitest";
import { KERNEL_SEED, kernelModuleBytes, resetKernel, spin, spinJs } from "./kernel";

afterEach(() => resetKernel());

describe("the work kernel", () => {
  it("is a valid WebAssembly module exporting spin", () => {
    expect(WebAssembly.validate(kernelModuleBytes() as BufferSource)).toBe(true);
  });

  it("takes exactly the steps asked for, in WebAssembly as in JavaScript", () => {
    for (const n of [0, 1, 2, 15, 16, 17, 1000, 123_457]) expect(spin(n)).toBe(spinJs(n));
    expect(spin(100, 42)).toBe(spinJs(100, 42));
    expect(spin(2.7)).toBe(spinJs(2)); // whole steps only
    expect(spin(-5)).toBe(KERNEL_SEED);
  });

  it("falls back to JavaScript, with the same results, where WebAssembly is not allowed", () => {
    resetKernel(false);
    expect(spin(12_345)).toBe(spinJs(12_345));
  });

  it("keeps its state within 30 bits, so V8 never boxes it", () => {
    for (let n = 0; n < 2000; n += 7) {
      const x = spin(n);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(2 ** 30);
    }
  });

  it("does not come back to its start for a long time (its period is 2^30 steps)", () => {
    const start = spinJs(0);
    let x = start;
    let back = 0;
    for (let i = 1; i <= 1_000_000 && back === 0; i++) {
      x = (Math.imul(x, 1664525) + 1013904223) & 0x3fffffff;
      if (x === start) back = i;
    }
    expect(back).toBe(0);
  });
});
