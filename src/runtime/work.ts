// work(ms) is a fixed amount of computation, not a wall-clock spin: two tasks sharing one
// core really take twice as long, exactly as CPU-bound Python code does.

import { spin } from "./kernel";

let itersPerMs = 0;

/** Measure iterations per millisecond on this core: best of several short trials (noise only slows). */
export function calibrate(trials = 5, trialMs = 12): number {
  let n = 50_000;
  let best = 0;
  spin(n); // compile the kernel before timing it
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
