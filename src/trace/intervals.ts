// Interval arithmetic for summaries. Every interval is half-open, [start, end): a span that
// ends at 5 and one that starts at 5 touch but never overlap, matching how the recorder closes
// one span and opens the next at the same t. Empty or inverted intervals count for nothing.

export interface Interval {
  start: number;
  end: number;
}

function nonEmpty<T extends Interval>(intervals: readonly T[]): T[] {
  return intervals.filter((i) => i.end > i.start);
}

/** The union as disjoint intervals sorted by start; touching ones are joined. O(n log n). */
export function union(intervals: readonly Interval[]): Interval[] {
  // Most tasks have one span per state: skip the filter and sort that would dominate summaries.
  if (intervals.length === 1) {
    const only = intervals[0] as Interval;
    return only.end > only.start ? [{ start: only.start, end: only.end }] : [];
  }
  const sorted = nonEmpty(intervals).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  let cur: Interval | undefined;
  for (const { start, end } of sorted) {
    if (cur && start <= cur.end) cur.end = Math.max(cur.end, end);
    else out.push((cur = { start, end }));
  }
  return out;
}

/** Total length covered, counting overlaps once. */
export function measure(intervals: readonly Interval[]): number {
  return union(intervals).reduce((sum, i) => sum + (i.end - i.start), 0);
}

/** Each interval cut to [lo, hi); what falls outside is dropped. */
export function clip(intervals: readonly Interval[], lo: number, hi: number): Interval[] {
  return nonEmpty(intervals.map((i) => ({ start: Math.max(i.start, lo), end: Math.min(i.end, hi) })));
}

/**
 * The most intervals covering one instant. Sweep line over sorted starts and ends, O(n log n);
 * at equal times an end is taken before a start, which is what [start, end) means.
 */
export function peakOverlap(intervals: readonly Interval[]): number {
  // Plain loops into typed arrays: Float64Array.from with a mapper goes through the iterator
  // protocol and was the bulk of the cost at 100k spans; typed-array sort is numeric and fast.
  let n = 0;
  const starts = new Float64Array(intervals.length);
  const ends = new Float64Array(intervals.length);
  for (const i of intervals) {
    if (i.end <= i.start) continue;
    starts[n] = i.start;
    ends[n++] = i.end;
  }
  starts.subarray(0, n).sort();
  ends.subarray(0, n).sort();
  let peak = 0;
  let count = 0;
  let e = 0;
  for (let i = 0; i < n; i++) {
    const start = starts[i] as number;
    while ((ends[e] as number) <= start) {
      e++;
      count--;
    }
    count++;
    if (count > peak) peak = count;
  }
  return peak;
}
