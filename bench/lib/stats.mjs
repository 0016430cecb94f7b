// Small statistics for noisy machines: medians, not means.

/** @param {number[]} values */
export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median absolute deviation relative to the median (a robust spread), as a fraction. */
export function relativeSpread(values) {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m))) / m;
}

/** @param {number[]} values */
export function summary(values) {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    spread: relativeSpread(values),
    n: values.length,
  };
}

/** Round to `digits` significant digits (for the report; JSON keeps more). */
export function sig(value, digits = 3) {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}
