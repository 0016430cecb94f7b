// Axis ticks on 1-2-5 steps and the time formats the timeline, tooltips and tables share.

/** Smallest 1, 2 or 5 × 10^n that is at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) {
    if (m * magnitude >= raw * (1 - 1e-9)) return m * magnitude;
  }
  return 10 * magnitude;
}

export interface Ticks {
  step: number;
  /** Tick times in [t0, t1], multiples of step. */
  times: number[];
}

/** Ticks at least `minPxPerTick` apart for the window [t0, t1] drawn `widthPx` wide. */
export function axisTicks(t0: number, t1: number, widthPx: number, minPxPerTick = 90): Ticks {
  const step = niceStep(((t1 - t0) * minPxPerTick) / Math.max(widthPx, 1));
  const times: number[] = [];
  const first = Math.ceil(t0 / step - 1e-9);
  const last = Math.floor(t1 / step + 1e-9);
  for (let k = first; k <= last && times.length < 1000; k++) times.push(k * step === 0 ? 0 : k * step);
  return { step, times };
}

function decimalsFor(step: number): number {
  return Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
}

/** An axis label: as many decimals as the step needs, in s once steps reach a second. */
export function formatTick(t: number, step: number): string {
  if (t === 0) return "0";
  if (step >= 1000) return `${(t / 1000).toFixed(decimalsFor(step / 1000))} s`;
  return `${t.toFixed(decimalsFor(step))} ms`;
}

/** A duration or instant for people: "0.25 ms", "12.5 ms", "480.0 ms", "1.302 s". */
export function formatMs(ms: number): string {
  const a = Math.abs(ms);
  if (a >= 1000) return `${(ms / 1000).toFixed(3)} s`;
  if (a >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** A span's extent with the precision its length needs: "519.020 – 519.035 ms (0.015 ms)". */
export function formatRange(start: number, end: number): string {
  const d = end - start;
  const decimals = d >= 10 ? 1 : d >= 0.1 ? 2 : 3;
  if (d >= 1000) return `${formatMs(start)} – ${formatMs(end)} (${formatMs(d)})`;
  return `${start.toFixed(decimals)} – ${end.toFixed(decimals)} ms (${d.toFixed(decimals)} ms)`;
}

/** Tables: milliseconds with one decimal, no unit (the column header carries it). */
export function formatMsCell(ms: number): string {
  return ms.toFixed(1);
}
