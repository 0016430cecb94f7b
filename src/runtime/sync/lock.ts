// Lock: the futex mutex of Ulrich Drepper, "Futexes Are Tricky" (2011), mutex #3, with the
// holder kept in the lock word itself rather than in a cell beside it:
//   0          unlocked
//   code*2     locked by the task with that code (currentTaskCode), nobody waiting
//   code*2+1   locked, and maybe somebody waiting (Drepper's state 2)
//   lock:   compare-exchange 0 -> mine: done, no system call. Otherwise set the waiting bit and
//           sleep while the word still holds that value; a free word is then taken *with* the
//           bit (mine+1): other sleepers may remain, and the bit makes the next unlock wake one.
//   unlock: compare-exchange mine -> 0: done. Otherwise (the bit is set, or another task's
//           lock is released, which Python's Lock allows) swap in 0 and wake one if the bit was set.
// Each way is one compare-exchange and nothing else. Measured in a worker (Chromium 150, 2M
// rounds, best reps): with an owner cell beside the word, written on every acquire and release,
// and the task code asked of the host by a method call, an uncontended round took 27-28 ns;
// with the owner in the word and the code a field of the host, 23 ns; a bare CAS lock, 19 ns.
// Task codes are below 2^30 (sync-object.ts), so code*2+1 fits the 32-bit cell.
import { currentTaskCode, SyncObject, syncError, taskOfCode, type SyncState } from "./sync-object";
import { FULFILLED_TRUE, fulfilled } from "../fulfilled";
import { block, deadlineOf, notify, type BlockRequest } from "./waiting";

const WORD = 0;
const WAITING = 1;

/** The lock word of the running task holding the lock, nobody waiting. */
function mine(): number {
  return currentTaskCode() * 2;
}

/**
 * A lock (mutex): at most one task holds it at a time; the others wait in `acquire`.
 * Python's `threading.Lock` (and `asyncio.Lock`, `multiprocessing.Lock`).
 * - main: tasks run one at a time, so a task waits only for a lock held by main() or by a task
 *   that is itself waiting: that can never end, and is reported as a deadlock.
 * - async: a task waits while another task holds it across an `await`.
 * - workers: a worker waiting for it is blocked (Atomics.wait); the lock is shared memory.
 */
export class Lock extends SyncObject {
  /** Label of its waits on the timeline: a Queue's inner lock reads "queue". */
  protected waitWord = "lock";

  constructor(from?: SyncState) {
    super("Lock", 1, from);
  }

  /** True while some task holds the lock. */
  get locked(): boolean {
    return Atomics.load(this.cells, WORD) !== 0;
  }

  /**
   * Wait until the lock is free and take it. With `timeoutMs`, give up after that long.
   * Resolves true when acquired, false on timeout (Python's `acquire(timeout=…)`).
   */
  acquire(timeoutMs?: number): Promise<boolean> {
    const deadline = timeoutMs === undefined ? Infinity : deadlineOf(timeoutMs, "Lock.acquire(timeoutMs)");
    if (Atomics.compareExchange(this.cells, WORD, 0, mine()) === 0) return FULFILLED_TRUE;
    return this.#acquireSlow(deadline);
  }

  /** Take the lock only if it is free now; never waits. */
  tryAcquire(): boolean {
    return Atomics.compareExchange(this.cells, WORD, 0, mine()) === 0;
  }

  /**
   * The lock is taken: wait for it. A worker waits right here (Atomics.wait) and has its answer
   * at once; the page's thread gets a promise. The attempt that succeeds writes the holder.
   */
  #acquireSlow(deadline: number): Promise<boolean> {
    let got: boolean | Promise<boolean>;
    try {
      got = block(deadline === Infinity ? (this.#untimedWait ??= this.#waitRequest(Infinity)) : this.#waitRequest(deadline));
    } catch (error) {
      return Promise.reject(error); // as from an async function: the caller's promise fails
    }
    return typeof got === "boolean" ? fulfilled(got) : got;
  }

  /**
   * An untimed wait's request holds nothing that changes between waits: one per lock serves
   * every waiter of this realm (its `expected` is set by each attempt just before that waiter
   * sleeps, in the same synchronous step, so two waiters never read each other's).
   */
  #untimedWait: BlockRequest | undefined;

  #waitRequest(deadline: number): BlockRequest {
    const cells = this.cells;
    const request: BlockRequest = {
      attempt: () => {
        for (;;) {
          const word = Atomics.load(cells, WORD);
          if (word === 0) {
            if (Atomics.compareExchange(cells, WORD, 0, mine() + WAITING) === 0) return true;
            continue; // taken in between: look again
          }
          // Mark the holder's word as waited for, so its unlock wakes someone; then sleep on it.
          if ((word & WAITING) === 0 && Atomics.compareExchange(cells, WORD, word, word + WAITING) !== word) continue;
          request.expected = word | WAITING;
          return false;
        }
      },
      // Spinning, take it as a free lock is taken (0 -> mine): a task that got it without
      // sleeping leaves nobody marked as waiting, and its release stays the one-instruction kind.
      // Read before the compare-exchange: a spinner that only reads leaves the holder's cache
      // line alone until the lock is free (test-and-test-and-set).
      spinAttempt: () => Atomics.load(cells, WORD) === 0 && Atomics.compareExchange(cells, WORD, 0, mine()) === 0,
      cells,
      index: WORD,
      expected: WAITING, // set by each failed attempt
      deadline,
      subject: this,
      describe: () => `waiting for ${this.waitWord} \`${this.name}\``,
    };
    return request;
  }

  /** Give the lock back; one waiting task (if any) takes it next. Releasing a free lock is an error. */
  release(): void {
    const cells = this.cells;
    const own = mine();
    if (Atomics.compareExchange(cells, WORD, own, 0) === own) return;
    const word = Atomics.exchange(cells, WORD, 0); // waited for, or another task's (0 stays 0)
    if (word === 0) throw syncError("RuntimeError", `release() of lock \`${this.name}\`, which is not locked.`);
    if ((word & WAITING) !== 0) {
      this.signal();
      notify(cells, WORD, 1);
    }
  }

  /** Run `fn` holding the lock, and release it however `fn` ends (Python's `with lock:`). */
  async with<R>(fn: () => R | Promise<R>): Promise<Awaited<R>> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  /** The task holding the lock (its Run task id; "main" for main()), if known to this run. */
  get holder(): string | undefined {
    const word = Atomics.load(this.cells, WORD);
    return word === 0 ? undefined : taskOfCode(word >>> 1);
  }

  /** True when the running task is the one holding the lock. */
  heldByMe(): boolean {
    return Atomics.load(this.cells, WORD) >>> 1 === currentTaskCode();
  }
}
