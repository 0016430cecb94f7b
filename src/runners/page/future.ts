import type { Party } from "./party";

/** What a Future needs from its run: who is running now, and a way to resume a party later. */
export interface WakeTarget {
  currentParty(): Party;
  wake(party: Party, fn: () => void): void;
}

interface Waiter {
  party: Party;
  fulfil: (value: unknown) => void;
  fail: (reason: unknown) => void;
}

/**
 * The promise a pool or spawn returns on the page. It remembers which party awaited it and
 * resumes that party in a task of its own, so every stretch of code the thread runs belongs to
 * exactly one party: that is how the trace knows who ran, without AsyncContext.
 */
export class Future<T> implements PromiseLike<T> {
  #state: "pending" | "fulfilled" | "rejected" = "pending";
  #value: unknown;
  #waiters: Waiter[] = [];
  #listeners: ((ok: boolean, value: unknown) => void)[] = [];
  #observed = false;

  constructor(private readonly target: WakeTarget) {}

  /**
   * True once the program asked for the result (await, then, catch, join, Promise.all…), at any
   * time: a failure it reads, even long after, is its to handle, as `future.result()` is.
   */
  get observed(): boolean {
    return this.#observed;
  }

  then<A = T, B = never>(onFulfilled?: ((value: T) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    this.#observed = true;
    return new Promise<A | B>((resolve, reject) => {
      const waiter: Waiter = {
        party: this.target.currentParty(),
        fulfil: (value) => {
          try {
            resolve(onFulfilled ? onFulfilled(value as T) : (value as A));
          } catch (error) {
            reject(error);
          }
        },
        fail: (reason) => {
          if (!onRejected) return reject(reason);
          try {
            resolve(onRejected(reason));
          } catch (error) {
            reject(error);
          }
        },
      };
      if (this.#state === "pending") this.#waiters.push(waiter);
      else this.#deliver(waiter);
    });
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then(
      (value) => {
        onFinally?.();
        return value;
      },
      (reason: unknown) => {
        onFinally?.();
        throw reason;
      },
    );
  }

  get [Symbol.toStringTag](): string {
    return "Promise";
  }

  /** Runtime bookkeeping (pool.map collecting results): called at settle time, wakes nobody. */
  onSettled(listener: (ok: boolean, value: unknown) => void): void {
    if (this.#state === "pending") this.#listeners.push(listener);
    else listener(this.#state === "fulfilled", this.#value);
  }

  resolve(value: T): void {
    this.#settle("fulfilled", value);
  }

  reject(reason: unknown): void {
    this.#settle("rejected", reason);
  }

  #settle(state: "fulfilled" | "rejected", value: unknown): void {
    if (this.#state !== "pending") return;
    this.#state = state;
    this.#value = value;
    const waiters = this.#waiters;
    this.#waiters = [];
    this.#listeners.forEach((listener) => listener(state === "fulfilled", value));
    this.#listeners = [];
    waiters.forEach((w) => this.#deliver(w));
  }

  #deliver(waiter: Waiter): void {
    const value = this.#value;
    this.target.wake(waiter.party, () => (this.#state === "fulfilled" ? waiter.fulfil(value) : waiter.fail(value)));
  }
}

/**
 * pool.map's future: every result in input order; the first failure rejects it at once and
 * calls `onFailure` (to cancel the items not started, as `executor.map` does).
 */
export function allInOrder(target: WakeTarget, futures: readonly Future<unknown>[], onFailure?: () => void): Future<unknown[]> {
  const all = new Future<unknown[]>(target);
  const results: unknown[] = new Array(futures.length);
  let left = futures.length;
  let failed = false;
  if (left === 0) all.resolve(results);
  futures.forEach((future, i) =>
    future.onSettled((ok, value) => {
      if (!ok) {
        all.reject(value);
        if (!failed) onFailure?.();
        failed = true;
        return;
      }
      results[i] = value;
      if (--left === 0) all.resolve(results);
    }),
  );
  return all;
}
