import type { Run } from "../trace/run";

/**
 * One program at a time: starting a run stops the one in progress (from whichever playground,
 * embed or automation) and waits until it has ended. Also keeps the runs of the most recent
 * program that finished.
 */
export class OneAtATime {
  #active: { stop: AbortController; ended: Promise<unknown> } | undefined;
  #latest: Run[] = [];

  /** The runs of the most recent program that finished. */
  get latest(): Run[] {
    return this.#latest;
  }

  /** Resolves once no program is running (at once when none is). */
  async whenIdle(): Promise<void> {
    while (this.#active) await this.#active.ended.catch(() => undefined);
  }

  /** Stop the run in progress, wait for it, then `start` this one with a signal that Stop or the next run aborts. */
  async run(signal: AbortSignal, start: (signal: AbortSignal) => Promise<Run[]>): Promise<Run[]> {
    const previous = this.#active;
    const stop = new AbortController();
    const both = AbortSignal.any([signal, stop.signal]);
    const ended = (async () => {
      if (previous) {
        previous.stop.abort();
        await previous.ended.catch(() => undefined);
      }
      return start(both);
    })();
    this.#active = { stop, ended };
    try {
      const runs = await ended;
      this.#latest = runs;
      return runs;
    } finally {
      if (this.#active?.ended === ended) this.#active = undefined;
    }
  }
}
