// How a primitive waits. Every algorithm in this folder has the same shape: try a step
// (`attempt`, e.g. "swap the lock word to 2 and see whether it was 0"), and if that fails,
// sleep on one 32-bit cell while it still holds the value the attempt saw, then try again.
// That loop is here, once per kind of thread, so every wait re-checks its condition:
// Atomics.wait can return "ok" although the value did not change (a late notify from an
// earlier round), and a spurious wake-up must only cost one more attempt.
//
// - A thread that may block (a worker, Node) sleeps in Atomics.wait: the thread stops.
// - The page's thread may not block: it sleeps in Atomics.waitAsync on shared memory (woken by
//   any thread's Atomics.notify), or, for memory no other thread can see, in a list of waiters
//   this realm keeps itself (`wakeLocal`). Runners install a host whose `block` adds the trace.
import { host } from "../host";
import { isShared } from "./memory";

/** What a task waits on, as the trace and the deadlock report name it. */
export interface WaitSubject {
  /** Realm-independent id (see sync-object.ts). */
  readonly id: number;
  readonly name: string;
  /** Who last released/notified/put/set, and when: for wake-up arrows. */
  lastSignal(): { task: number; epochMs: number } | undefined;
}

export interface BlockRequest {
  /** One try at the step; true when it succeeded (the wait is over). */
  attempt(): boolean;
  /**
   * A try for a thread spinning before it sleeps, where it differs from `attempt`: a lock's fast
   * path, which does not mark the lock as waited for (so its release need not wake anyone).
   */
  spinAttempt?(): boolean;
  /**
   * Sleep on cells[index] while it holds `expected`. A failed `attempt` may set it to the value
   * it saw (a lock's word names its holder); it is read after each attempt.
   */
  cells: Int32Array;
  index: number;
  expected: number;
  /** performance.now() at which to give up; Infinity to wait for good. */
  deadline: number;
  subject: WaitSubject;
  /** The span's label, worked out when the wait begins: "waiting for lock `a`". */
  describe(): string;
  /**
   * Who made the wait's condition true, where the object can tell exactly (a queue's item
   * carries its putter); else the arrow names the subject's last signaller.
   */
  signalled?(): { task: number; epochMs: number } | undefined;
}

/** Resolves true once `attempt` succeeded, false at the deadline. */
export function block(request: BlockRequest): boolean | Promise<boolean> {
  // The first try is the spinning kind where there is one: a lock taken by its fast path
  // (0 -> 1) is not marked as waited for, so its release does not have to wake anyone.
  if ((request.spinAttempt ?? request.attempt)()) return true;
  const own = host().block;
  if (own) return own.call(host(), request);
  return canBlockThisThread() ? blockThread(request) : blockAsync(request);
}

let blockingAllowed: boolean | undefined;

/** Atomics.wait throws on a browser page's thread; workers and Node may block. */
export function canBlockThisThread(): boolean {
  if (blockingAllowed === undefined) {
    try {
      // A value that differs: returns "not-equal" at once where waiting is allowed.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
      blockingAllowed = true;
    } catch {
      blockingAllowed = false;
    }
  }
  return blockingAllowed;
}

/**
 * The blocking loop of a thread that may stop. `longWait`, if given, is called once when the
 * wait has lasted `patienceMs` (a worker then sends its trace: a thread stuck here sends nothing).
 */
export function blockThread(request: BlockRequest, longWait?: () => void, patienceMs = 0): boolean {
  const { cells, index, deadline } = request;
  const patientUntil = longWait ? performance.now() + patienceMs : Infinity;
  let told = !longWait;
  for (;;) {
    if (request.attempt()) return true;
    const now = performance.now();
    const left = deadline - now;
    if (left <= 0) return false;
    if (!told && now >= patientUntil) {
      told = true;
      longWait?.();
    }
    const until = told ? left : Math.min(left, patientUntil - now);
    Atomics.wait(cells, index, request.expected, until === Infinity ? undefined : until);
  }
}

/** The same loop for a thread that may not block: each sleep is a promise. */
export async function blockAsync(request: BlockRequest, sleepOn = sleepAsync): Promise<boolean> {
  const { cells, index, deadline } = request;
  for (;;) {
    if (request.attempt()) return true;
    const expected = request.expected; // read before any other waiter of this realm attempts
    const left = deadline - performance.now();
    if (left <= 0) return false;
    await sleepOn(cells, index, expected, left);
  }
}

/** One sleep of the page's thread on a cell (any reason to wake is fine: the caller re-checks). */
export function sleepAsync(cells: Int32Array, index: number, expected: number, timeoutMs: number): Promise<unknown> {
  if (isShared(cells.buffer)) {
    const result = Atomics.waitAsync(cells, index, expected, timeoutMs === Infinity ? undefined : timeoutMs);
    return result.async ? result.value : Promise.resolve(result.value);
  }
  return new Promise<void>((resolve) => {
    if (Atomics.load(cells, index) !== expected) return resolve();
    const timer = timeoutMs === Infinity ? undefined : setTimeout(() => cancel(), timeoutMs);
    const cancel = waitLocal(cells, index, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

type Wake = () => void;
/** Waiters on memory only this realm can see, by buffer and cell, in arrival order. */
const localWaiters = new WeakMap<ArrayBufferLike, Map<number, Wake[]>>();

/**
 * Register `wake` to be called by the next notify of cells[index] that reaches it. Returns a
 * function that takes it off the list (and calls it: a timeout is a wake-up too).
 */
export function waitLocal(cells: Int32Array, index: number, wake: Wake): () => void {
  let byCell = localWaiters.get(cells.buffer);
  if (!byCell) localWaiters.set(cells.buffer, (byCell = new Map()));
  const at = cells.byteOffset / 4 + index;
  const list = byCell.get(at) ?? [];
  byCell.set(at, list);
  list.push(wake);
  return () => {
    const i = list.indexOf(wake);
    if (i >= 0) list.splice(i, 1);
    wake();
  };
}

/** Wake up to `count` sleepers on cells[index], in every thread; returns how many were woken. */
export function notify(cells: Int32Array, index: number, count = Infinity): number {
  let woken = isShared(cells.buffer) ? Atomics.notify(cells, index, count === Infinity ? undefined : count) : 0;
  const list = localWaiters.get(cells.buffer)?.get(cells.byteOffset / 4 + index);
  while (list && list.length > 0 && woken < count) {
    list.shift()?.();
    woken += 1;
  }
  return woken;
}

/** performance.now() deadline of a `timeoutMs` (undefined: none), checked the way Python checks it. */
export function deadlineOf(timeoutMs: number | undefined, what: string): number {
  if (timeoutMs === undefined) return Infinity;
  if (typeof timeoutMs !== "number" || Number.isNaN(timeoutMs) || timeoutMs < 0) {
    throw new RangeError(`${what} needs a timeout in milliseconds ≥ 0 (or none, to wait for good), got ${String(timeoutMs)}.`);
  }
  return performance.now() + timeoutMs;
}
