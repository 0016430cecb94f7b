import type { FrameReport } from "../../trace/run";

const FRAME_MS = 1000 / 60;
/** A gap between frames longer than this is a stretch the student would feel as frozen. */
const FROZEN_AFTER_MS = 50;

/**
 * Watches whether the page could draw frames during a run: a heartbeat every frame's time, plus
 * the Long Animation Frames API where the browser has it. A gap in the heartbeat is a stretch in
 * which the page's thread was held, so no frame could be drawn: a frozen page.
 *
 * The heartbeat is a timer, not requestAnimationFrame: asking for animation frames makes the
 * browser produce one every vsync, and on 2 cores that took 3–5% from the workers' computing
 * (Lanes/bare speed-up 0.95–0.96 with it, 0.99–1.01 without, in `npm run bench`).
 */
export class FrameMonitor {
  #frames: number[] = [];
  #long: { start: number; end: number }[] = [];
  #timer: ReturnType<typeof setInterval> | undefined;
  #observer: PerformanceObserver | null = null;
  readonly #visible = typeof document === "undefined" || document.visibilityState === "visible";

  constructor(private readonly t0: number) {}

  start(): void {
    if (!this.#visible) return; // hidden tabs draw no frames: nothing honest to measure
    this.#frames.push(performance.now());
    this.#timer = setInterval(() => this.#frames.push(performance.now()), FRAME_MS);
    if (PerformanceObserver.supportedEntryTypes?.includes("long-animation-frame")) {
      this.#observer = new PerformanceObserver((list) => this.#collect(list.getEntries()));
      this.#observer.observe({ type: "long-animation-frame" });
    }
  }

  /** The report, in run time; undefined when frames could not be watched. */
  stop(wallMs: number): FrameReport | undefined {
    clearInterval(this.#timer);
    if (this.#observer) {
      this.#collect(this.#observer.takeRecords());
      this.#observer.disconnect();
    }
    if (!this.#visible) return undefined;
    const end = this.t0 + wallMs;
    const stretches = [...this.#long];
    const frames = [...this.#frames.filter((t) => t <= end), end];
    for (let i = 1; i < frames.length; i++) {
      const a = frames[i - 1]!;
      const b = frames[i]!;
      if (b - a > FROZEN_AFTER_MS) stretches.push({ start: a, end: b });
    }
    const frozen = merge(stretches)
      .map((s) => ({ start: Math.max(0, s.start - this.t0), end: Math.min(wallMs, s.end - this.t0) }))
      .filter((s) => s.end > s.start);
    const dropped = frozen.reduce((sum, s) => sum + Math.floor((s.end - s.start) / FRAME_MS), 0);
    return { frozen, dropped };
  }

  #collect(entries: PerformanceEntryList): void {
    for (const e of entries) if (e.duration > FROZEN_AFTER_MS) this.#long.push({ start: e.startTime, end: e.startTime + e.duration });
  }
}

function merge(stretches: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...stretches].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
