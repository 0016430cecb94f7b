// Semaphore: a counter of free permits, taken with a compare-and-swap loop (load v; if v > 0,
// CAS v -> v-1, retrying when another thread got there first) and waited for with the futex
// pattern: sleep while the counter reads 0. release adds and wakes as many sleepers as permits.
import { sampleCounter, trackOption, type Trackable } from "./counter-track";
import { SyncObject, syncError, type SyncKind, type SyncState } from "./sync-object";
import { block, deadlineOf, notify } from "./waiting";

const VALUE = 0;
/** The initial value, kept so BoundedSemaphore can refuse a release beyond it (and for labels). */
const LIMIT = 1;

/** Options of a {@link Semaphore}. */
export interface SemaphoreOptions {
  /** Draw its permits in use on the timeline, as a counter track under the lanes (default false). */
  track?: boolean;
}

/** A primitive's memory as it arrives from another realm, told apart from options. */
function isState(value: SemaphoreOptions | SyncState | undefined): value is SyncState {
  return typeof value === "object" && value !== null && "buffer" in value && "id" in value;
}

/**
 * A semaphore: `permits` tasks may hold it at once; the next waits in `acquire` until one
 * releases. Python's `threading.Semaphore` (`asyncio.Semaphore`, `multiprocessing.Semaphore`).
 * - main: a task waiting for a permit held by an unfinished task can never continue: deadlock.
 * - async: tasks wait while the permits are held across `await`s.
 * - workers: waiting blocks the worker; the counter is shared memory.
 */
export class Semaphore extends SyncObject implements Trackable {
  /** Whether its permits in use are drawn as a counter track (counter-track.ts). */
  tracked = false;

  constructor(permits = 1, options?: SemaphoreOptions | SyncState, kind: SyncKind = "Semaphore") {
    const from = isState(options) ? options : undefined;
    super(kind, 2, from);
    if (from) return;
    if (!Number.isInteger(permits) || permits < 0) throw syncError("ValueError", `A semaphore's permits must be a whole number ≥ 0, got ${String(permits)}.`);
    this.cells[VALUE] = permits;
    this.cells[LIMIT] = permits;
    this.tracked = trackOption((options as SemaphoreOptions | undefined)?.track, "A semaphore");
  }

  /** Permits free now (it may change the moment after you read it). */
  get value(): number {
    return Atomics.load(this.cells, VALUE);
  }

  /** How many permits it was created with. */
  get permits(): number {
    return this.cells[LIMIT] ?? 0;
  }

  /** Take one permit, waiting until one is free; false if `timeoutMs` passed first. */
  acquire(timeoutMs?: number): Promise<boolean> {
    const deadline = deadlineOf(timeoutMs, "Semaphore.acquire(timeoutMs)");
    if (this.tryAcquire()) return Promise.resolve(true);
    return Promise.resolve(
      block({
        attempt: () => this.tryAcquire(),
        cells: this.cells,
        index: VALUE,
        expected: 0,
        deadline,
        subject: this,
        describe: () => `waiting for semaphore \`${this.name}\` (${this.permits}/${this.permits} in use)`,
      }),
    );
  }

  /** Take a permit only if one is free now; never waits. */
  tryAcquire(): boolean {
    let v = Atomics.load(this.cells, VALUE);
    while (v > 0) {
      const seen = Atomics.compareExchange(this.cells, VALUE, v, v - 1);
      if (seen === v) {
        if (this.tracked) sampleCounter(this, "permits in use", this.permits - (v - 1), this.permits);
        return true;
      }
      v = seen;
    }
    return false;
  }

  /** Give back `n` permits (default 1), waking up to `n` waiting tasks. */
  release(n = 1): void {
    if (!Number.isInteger(n) || n < 1) throw syncError("ValueError", `release(n) needs a whole number ≥ 1, got ${String(n)}.`);
    this.add(n);
    // Read just after the change: another thread's acquire in between shows as its own sample.
    if (this.tracked) sampleCounter(this, "permits in use", this.permits - this.value, this.permits);
    this.signal();
    notify(this.cells, VALUE, n);
  }

  protected add(n: number): void {
    Atomics.add(this.cells, VALUE, n);
  }

  /** Run `fn` holding a permit, and give it back however `fn` ends (`with sem:`). */
  async with<R>(fn: () => R | Promise<R>): Promise<Awaited<R>> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }
}

/**
 * A semaphore that refuses to be released more often than acquired: a release beyond its
 * initial permits throws ValueError, as Python's `threading.BoundedSemaphore` does.
 */
export class BoundedSemaphore extends Semaphore {
  constructor(permits = 1, options?: SemaphoreOptions | SyncState) {
    super(permits, options, "BoundedSemaphore");
  }

  protected override add(n: number): void {
    let v = Atomics.load(this.cells, VALUE);
    for (;;) {
      if (v + n > this.permits) throw syncError("ValueError", `Semaphore \`${this.name}\` released too many times (it has ${this.permits} permits).`);
      const seen = Atomics.compareExchange(this.cells, VALUE, v, v + n);
      if (seen === v) return;
      v = seen;
    }
  }
}
