// work(ms) is a fixed amount of computation, not a wall-clock spin: two tasks sharing one
// core really take twice as long, exactly as CPU-bound Python code does.

import { describeValue } from "./format-value";
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

/** The calibration if it has been measured (or set) in this realm, else 0. */
export function measuredRate(): number {
  return itersPerMs;
}

export function calibration(): number {
  if (itersPerMs === 0) itersPerMs = calibrate();
  return itersPerMs;
}

/** Slices of work() between which the run may be stopped: short enough that Stop and the time limit act at once. */
const SLICE_MS = 20;

/**
 * `ms` of calibrated computation; `between` is called between slices of SLICE_MS (it may throw
 * to stop). The result is the same as one unbroken stretch: each slice continues the last one's state.
 */
export function doWork(ms: number, between?: () => void): number {
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`work(ms) needs a finite number of milliseconds ≥ 0, got ${describeValue(ms)}${typeof ms === "string" ? " (a string: write the number without quotes)" : ""}`);
  const rate = calibration();
  let left = Math.round(ms * rate);
  if (!between) return spin(left);
  const slice = Math.max(1, Math.round(SLICE_MS * rate));
  let state = spin(Math.min(left, slice));
  for (left -= slice; left > 0; left -= slice) {
    between();
    state = spin(Math.min(left, slice), state);
  }
  return state;
}
