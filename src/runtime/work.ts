// work(ms) is a fixed amount of computation, not a wall-clock spin: two tasks sharing one
// core really take twice as long, exactly as CPU-bound Python code does.

let itersPerMs = 0;

/**
 * The kernel: steps of a linear congruential generator modulo 2^30 (full period: 2^30 steps),
 * cheap, impossible to optimise away, the same in every realm. It must run at the same speed
 * wherever V8 compiles it, or work(ms) is not a fixed amount of work:
 * - a 30-bit state always fits V8's small integers, so it is never boxed. With 32-bit
 *   xorshift, code compiled with the state as a tagged value (seen in workers, once the
 *   kernel was inlined into a student's loop) boxed every step: work(1) took 5 ms.
 * - unrolled 16 times: the loop is then too big for V8 to inline into a caller's loop, so it
 *   always runs as this function's own optimised code (inlined, it still ran 25% slower).
 */
export function spin(iterations: number, seed = KERNEL_SEED): number {
  const imul = Math.imul;
  const A = KERNEL_A;
  const C = KERNEL_C;
  const M = KERNEL_MASK;
  let x = seed & M;
  let i = 0;
  for (; i + 16 <= iterations; i += 16) {
    x = (imul(x, A) + C) & M;
    x = (imul(x, A) + C) & M;
    x = (imul(x, A) + C) & M;
    x = (imul(x, A) + C) & M;
    x = (imul(x, A) + C) & M;
    x = (imul(x, A) + C) & M;
    x = (imul(x, A) + C) & M;
    x = (imul(x, A) + C) & M;
    x = (imul(x, A) + C) & M;
    x = (imul(x, A) + C) & M;
    x = (imul(x, A) + C) & M;
    x = (imul(x, A) + C) & M;
    x = (imul(x, A) + C) & M;
    x = (imul(x, A) + C) & M;
    x = (imul(x, A) + C) & M;
    x = (imul(x, A) + C) & M;
  }
  for (; i < iterations; i++) {
    x = (imul(x, A) + C) & M;
  }
  return x;
}

// Numerical Recipes' multiplier and increment: c odd and a − 1 divisible by 4 give the full
// period modulo a power of two (Hull–Dobell).
const KERNEL_A = 1664525;
const KERNEL_C = 1013904223;
const KERNEL_MASK = 0x3fffffff;
const KERNEL_SEED = 0x1e3779b9;

/** Measure iterations per millisecond on this core: best of several short trials (noise only slows). */
export function calibrate(trials = 5, trialMs = 12): number {
  let n = 50_000;
  let best = 0;
  spin(n); // let the JIT compile the loop before timing it
  for (let trial = 0; trial < trials; trial++) {
    let elapsed = 0;
    while (elapsed < trialMs) {
      const start = performance.now();
      spin(n);
      elapsed = performance.now() - start;
      if (elapsed < trialMs) n *= 2;
    }
    best = Math.max(best, n / elapsed);
  }
  return best;
}

export function setCalibration(rate: number): void {
  if (!(rate > 0)) throw new Error(`work() calibration must be positive, got ${rate}`);
  itersPerMs = rate;
}

export function calibration(): number {
  if (itersPerMs === 0) itersPerMs = calibrate();
  return itersPerMs;
}

export function doWork(ms: number): number {
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`work(ms) needs a finite number of milliseconds ≥ 0, got ${String(ms)}`);
  return spin(Math.round(ms * calibration()));
}
