// Lock: the three-state futex mutex of Ulrich Drepper, "Futexes Are Tricky" (2011), mutex #3.
// The lock word is 0 (unlocked), 1 (locked, nobody waiting) or 2 (locked, maybe waiters).
//   lock:   cmpxchg(0 -> 1) succeeds: done, no system call. Otherwise swap in 2 and, while the
//           old value was not 0, sleep while the word is 2 and swap again. A waiter always
//           leaves 2 behind, so the holder's unlock knows it must wake someone.
//   unlock: atomic decrement; from 1 to 0 nobody waits: done. Otherwise store 0 and wake one.
// The uncontended path is one compare-exchange each way. Cell 1 holds the owner's task code
// (0 when free): the deadlock report and Condition's "do you hold it?" read it. It is written
// with plain stores: only the holder writes it, and the lock word's atomics order those writes
// for the next holder (a plain store before an atomic is seen by whoever sees that atomic).
import { currentTaskCode, SyncObject, syncError, taskOfCode, type SyncState } from "./sync-object";
import { FULFILLED_TRUE, fulfilled } from "../fulfilled";
import { block, deadlineOf, notify, type BlockRequest } from "./waiting";

const WORD = 0;
const OWNER = 1;

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
    super("Lock", 2, from);
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
    if (Atomics.compareExchange(this.cells, WORD, 0, 1) === 0) {
      this.cells[OWNER] = currentTaskCode();
      return FULFILLED_TRUE;
    }
    return this.#acquireSlow(deadline);
  }

  /** Take the lock only if it is free now; never waits. */
  tryAcquire(): boolean {
    if (Atomics.compareExchange(this.cells, WORD, 0, 1) !== 0) return false;
    this.cells[OWNER] = currentTaskCode();
    return true;
  }

  /**
   * The lock is taken: wait for it. A worker waits right here (Atomics.wait) and has its answer
   * at once; the page's thread gets a promise. The owner is written as the wait ends, either way.
   */
  #acquireSlow(deadline: number): Promise<boolean> {
    const cells = this.cells;
    let got: boolean | Promise<boolean>;
    try {
      got = block(deadline === Infinity ? (this.#untimedWait ??= this.#waitRequest(Infinity)) : this.#waitRequest(deadline));
    } catch (error) {
      return Promise.reject(error); // as from an async function: the caller's promise fails
    }
    const taken = (ok: boolean) => {
      if (ok) Atomics.store(cells, OWNER, currentTaskCode());
      return ok;
    };
    return typeof got === "boolean" ? fulfilled(taken(got)) : got.then(taken);
  }

  /** An untimed wait's request holds nothing that changes: one per lock serves every waiter. */
  #untimedWait: BlockRequest | undefined;

  #waitRequest(deadline: number): BlockRequest {
    const cells = this.cells;
    return {
      attempt: () => Atomics.exchange(cells, WORD, 2) === 0,
      // Spinning, take it as a free lock is taken (0 -> 1): a task that got it without sleeping
      // leaves nobody marked as waiting, and its release stays the one-instruction kind.
      // Read before the compare-exchange: a spinner that only reads leaves the holder's cache
      // line alone until the lock is free (test-and-test-and-set).
      spinAttempt: () => Atomics.load(cells, WORD) === 0 && Atomics.compareExchange(cells, WORD, 0, 1) === 0,
      cells,
      index: WORD,
      expected: 2,
      deadline,
      subject: this,
      describe: () => `waiting for ${this.waitWord} \`${this.name}\``,
    };
  }

  /** Give the lock back; one waiting task (if any) takes it next. Releasing a free lock is an error. */
  release(): void {
    const cells = this.cells;
    if (cells[WORD] === 0) throw syncError("RuntimeError", `release() of lock \`${this.name}\`, which is not locked.`);
    cells[OWNER] = 0;
    if (Atomics.sub(cells, WORD, 1) !== 1) {
      Atomics.store(cells, WORD, 0);
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
    const code = Atomics.load(this.cells, OWNER);
    return code === 0 ? undefined : taskOfCode(code);
  }

  /** True when the running task is the one holding the lock. */
  heldByMe(): boolean {
    return this.locked && Atomics.load(this.cells, OWNER) === currentTaskCode();
  }
}
