/** Starts queued jobs with at most `limit` in progress: a pool's slots on the page. */
export class Executor {
  #queue: (() => void)[] = [];
  #active = 0;

  constructor(readonly limit: number) {}

  /** `start` must call the `done` it is given exactly once, when the job has ended. */
  enqueue(start: (done: () => void) => void): void {
    this.#queue.push(() => {
      let ended = false;
      start(() => {
        if (ended) return;
        ended = true;
        this.#active -= 1;
        this.#next();
      });
    });
    this.#next();
  }

  #next(): void {
    while (this.#active < this.limit && this.#queue.length > 0) {
      const job = this.#queue.shift();
      this.#active += 1;
      job?.();
    }
  }
}
