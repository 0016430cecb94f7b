import type { Runner } from "../../trace/run";

/**
 * How long a run may take unless a lesson (`timeLimitMs=`) or the caller says otherwise. Long
 * enough for every lesson's programs (seconds), short enough that a `sleep(1e9)` under `main`,
 * which blocks the page and so the Stop button too, does not cost the student the tab.
 */
export const DEFAULT_TIME_LIMIT_MS = 30_000;

export function timeLimitMessage(runner: Runner, limitMs: number, loopLine?: number): string {
  const seconds = limitMs >= 1000 ? `${+(limitMs / 1000).toFixed(1)} s` : `${limitMs} ms`;
  const loop = loopLine ? ` It was still in the loop at line ${loopLine}: does that loop ever end?` : "";
  const why =
    runner === "main" && !loopLine
      ? " Under main, sleep() and work() hold the page's thread, so nothing else can run meanwhile, not even the Stop button: Lanes stops a run that goes on too long."
      : "";
  return `Stopped at the time limit: the run took longer than ${seconds}.${loop}${why}`;
}

/** Thrown into a program's code at a checkpoint (sleep, work, the loop guard) once its run has ended. */
export class RunStopped extends Error {
  constructor() {
    super("This run has been stopped.");
    this.name = "RunStopped";
  }
}
