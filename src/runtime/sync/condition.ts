// Condition variable with a sequence counter (the futex condvar of glibc's early days, and of
// Drepper's paper): wait reads the counter, releases the lock, sleeps while the counter is
// unchanged, then takes the lock again. notify bumps the counter before waking, so a notify
// that lands between "release the lock" and "sleep" changes the value the sleep checks: the
// sleep returns at once, and no wake-up is lost. A waiter may wake without a notify meant for
// it (a bump for someone else): callers re-check their predicate, as everywhere (waitFor does).
import { Lock } from "./lock";
import { SyncObject, syncError, type SyncState } from "./sync-object";
import { block, deadlineOf, notify } from "./waiting";

const SEQ = 0;

/** A Condition as it crosses to a worker: its own cells and its lock's. */
export interface ConditionState extends SyncState {
  lock: SyncState;
}

/**
 * A condition variable: wait (holding its lock) until another task changes something and
 * notifies. Python's `threading.Condition` / `asyncio.Condition`.
 * - main: a task waiting for a notify only a later task would send can never continue: deadlock.
 * - async and workers: `wait` releases the lock while it waits and takes it again before returning.
 */
export class Condition extends SyncObject {
  /** The lock it waits with: the one given, or a new one. */
  readonly lock: Lock;

  constructor(lock?: Lock, from?: SyncState) {
    super("Condition", 1, from);
    if (lock !== undefined && !(lock instanceof Lock)) throw new TypeError("new Condition(lock) needs a Lock (or nothing, for a lock of its own).");
    this.lock = lock ?? new Lock();
  }

  override state(): ConditionState {
    return { ...super.state(), lock: this.lock.state() };
  }

  /** Take the condition's lock (see Lock.acquire). */
  acquire(timeoutMs?: number): Promise<boolean> {
    return this.lock.acquire(timeoutMs);
  }

  release(): void {
    this.lock.release();
  }

  /** Run `fn` holding the lock (`with cond:`). */
  with<R>(fn: () => R | Promise<R>): Promise<Awaited<R>> {
    return this.lock.with(fn);
  }

  /**
   * Release the lock, wait for a notify (or `timeoutMs`), take the lock again. Resolves false on
   * timeout. Wake-ups can come without the change you wait for: check in a loop, or use waitFor.
   */
  async wait(timeoutMs?: number): Promise<boolean> {
    const deadline = deadlineOf(timeoutMs, "Condition.wait(timeoutMs)");
    this.#mustHold("wait on");
    const cells = this.cells;
    const seen = Atomics.load(cells, SEQ);
    this.lock.release();
    let notified: boolean;
    try {
      notified = await block({
        attempt: () => Atomics.load(cells, SEQ) !== seen,
        cells,
        index: SEQ,
        expected: seen,
        deadline,
        subject: this,
        describe: () => `waiting for condition \`${this.name}\``,
      });
    } finally {
      await this.lock.acquire();
    }
    return notified;
  }

  /** Wait until `predicate()` is true (checked holding the lock); resolves to its last value. */
  async waitFor<T>(predicate: () => T, timeoutMs?: number): Promise<T> {
    const deadline = deadlineOf(timeoutMs, "Condition.waitFor(predicate, timeoutMs)");
    let result = predicate();
    while (!result) {
      const left = deadline - performance.now();
      if (left <= 0) break;
      await this.wait(left === Infinity ? undefined : left);
      result = predicate();
    }
    return result;
  }

  /** Wake up to `n` tasks waiting on this condition (you must hold the lock). */
  notify(n = 1): void {
    this.#mustHold("notify on");
    Atomics.add(this.cells, SEQ, 1);
    this.signal();
    notify(this.cells, SEQ, n);
  }

  /** Wake every waiting task (you must hold the lock). */
  notifyAll(): void {
    this.notify(Infinity);
  }

  #mustHold(what: string): void {
    if (!this.lock.heldByMe()) throw syncError("RuntimeError", `Cannot ${what} condition \`${this.name}\` without holding its lock: acquire it first (or use \`await cond.with(async () => …)\`).`);
  }
}
