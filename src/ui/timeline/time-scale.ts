// Maps a visible time window [t0, t1] (ms since main() was called) onto pixels [x0, x1] and back.
// Immutable: zoom, pan and fit return a new scale, so a frame always draws from one consistent
// value and the controller can compare old and new to decide whether to redraw.
// After Perfetto's ui/src/base/time_scale.ts.

/** Smallest visible window: 10 µs. Below that, timer resolution (5 µs) makes spans meaningless. */
export const MIN_WINDOW_MS = 0.01;

/** The time range the window may cover: the whole run plus margins on both sides. */
export interface TimeBounds {
  readonly start: number;
  readonly end: number;
}

/** Bounds for a run of `wallMs`: a margin of 2% (at least 0.5 ms) either side, at least 1 ms long. */
export function boundsForWall(wallMs: number): TimeBounds {
  const wall = Number.isFinite(wallMs) && wallMs > 0 ? wallMs : 1;
  const margin = Math.max(wall * 0.02, 0.5);
  return { start: -margin, end: wall + margin };
}

export class TimeScale {
  readonly t0: number;
  readonly t1: number;
  readonly x0: number;
  readonly x1: number;

  constructor(t0: number, t1: number, x0: number, x1: number) {
    this.t0 = t0;
    this.t1 = t1 > t0 ? t1 : t0 + MIN_WINDOW_MS;
    this.x0 = x0;
    this.x1 = x1 > x0 ? x1 : x0 + 1;
  }

  get duration(): number {
    return this.t1 - this.t0;
  }

  get widthPx(): number {
    return this.x1 - this.x0;
  }

  get pxPerMs(): number {
    return this.widthPx / this.duration;
  }

  timeToPx(t: number): number {
    return this.x0 + (t - this.t0) * this.pxPerMs;
  }

  pxToTime(x: number): number {
    return this.t0 + (x - this.x0) / this.pxPerMs;
  }

  /** Same window on a new pixel range (a resize keeps what the student was looking at). */
  withPixels(x0: number, x1: number): TimeScale {
    return new TimeScale(this.t0, this.t1, x0, x1);
  }

  withWindow(t0: number, t1: number, bounds?: TimeBounds): TimeScale {
    const [a, b] = bounds ? clampWindow(t0, t1, bounds) : [t0, t1];
    return new TimeScale(a, b, this.x0, this.x1);
  }

  /** factor > 1 zooms in. The time under `anchorPx` stays under it (unless clamping moves it). */
  zoom(factor: number, anchorPx: number, bounds: TimeBounds): TimeScale {
    if (!(factor > 0) || !Number.isFinite(factor)) return this;
    const anchor = this.pxToTime(anchorPx);
    const maxDuration = bounds.end - bounds.start;
    const duration = Math.min(Math.max(this.duration / factor, MIN_WINDOW_MS), maxDuration);
    const ratio = (anchor - this.t0) / this.duration;
    const t0 = anchor - ratio * duration;
    return this.withWindow(t0, t0 + duration, bounds);
  }

  /** Positive dx moves the content right, as dragging it does: the window moves to earlier times. */
  pan(dxPx: number, bounds: TimeBounds): TimeScale {
    const dt = dxPx / this.pxPerMs;
    return this.withWindow(this.t0 - dt, this.t1 - dt, bounds);
  }

  /** The whole run [0, wallMs] plus its margins. */
  fit(wallMs: number): TimeScale {
    const b = boundsForWall(wallMs);
    return new TimeScale(b.start, b.end, this.x0, this.x1);
  }

  equals(o: TimeScale): boolean {
    return o.t0 === this.t0 && o.t1 === this.t1 && o.x0 === this.x0 && o.x1 === this.x1;
  }
}

/** Keeps the window's length within [MIN_WINDOW_MS, bounds length] and slides it inside bounds. */
export function clampWindow(t0: number, t1: number, bounds: TimeBounds): [number, number] {
  const maxDuration = bounds.end - bounds.start;
  let duration = Math.min(Math.max(t1 - t0, MIN_WINDOW_MS), maxDuration);
  if (!Number.isFinite(duration)) duration = maxDuration;
  let start = Number.isFinite(t0) ? t0 : bounds.start;
  if (start < bounds.start) start = bounds.start;
  if (start + duration > bounds.end) start = bounds.end - duration;
  return [start, start + duration];
}
