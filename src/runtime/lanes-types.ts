// The `lanes` module as the editor sees it (IntelliSense, hover docs). Hand-written so the
// students' view stays readable; lanes-types.test.ts keeps it in step with runtime/index.ts.
export const LANES_TYPES = `declare module "lanes" {
  /**
   * Wait for \`ms\` milliseconds, as a task waiting on I/O (a download, a disk, a database) does.
   * - main: blocks the page's thread; nothing else runs (the page freezes).
   * - async: a timer; other tasks run meanwhile.
   * - workers: blocks this worker only.
   */
  export function sleep(ms: number): Promise<void>;

  /**
   * Compute for about \`ms\` milliseconds of one idle core: CPU-bound work, like a tight Python loop.
   * A fixed amount of computation, so two tasks sharing one core take twice as long.
   * Returns a number derived from the computation.
   */
  export function work(ms: number): number;

  /** Print a line of output, stamped with its time, lane and task. */
  export function print(...values: unknown[]): void;

  /** Options of a Pool. */
  export interface PoolOptions {
    /** How many tasks may run at once (workers: how many Web Workers). Default: the number of cores. */
    workers?: number;
  }

  /**
   * A pool of workers running tasks: Python's ThreadPoolExecutor / ProcessPoolExecutor.
   * - main: one task at a time, in the order submitted, whatever the size.
   * - async: at most \`workers\` async tasks in flight on the page's thread.
   * - workers: \`workers\` Web Workers, in parallel. Functions must be top-level exports.
   */
  export class Pool {
    constructor(options?: PoolOptions);
    /** How many tasks this pool runs at once. */
    readonly workers: number;
    /**
     * Run \`fn(item)\` for every item; resolves to the results in input order (like \`executor.map\`).
     * The first task that fails rejects it with that task's error, at once; the items not started
     * yet are cancelled (never run), those running finish.
     */
    map<T, R>(fn: (item: T) => R | Promise<R>, items: Iterable<T>): Promise<Awaited<R>[]>;
    /** Start \`fn(...args)\`; resolves to its result (a future, like \`executor.submit\`). */
    submit<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<Awaited<R>>;
    /** Let the submitted tasks finish, then release the workers. */
    close(): Promise<void>;
  }

  /**
   * Yield the results of \`promises\` in the order they finish, not the order given
   * (Python's \`concurrent.futures.as_completed\`). A rejected promise throws when its turn comes.
   */
  export function asCompleted<T>(promises: Iterable<PromiseLike<T>>): AsyncGenerator<Awaited<T>>;

  /** A started task: spawn's handle. */
  export interface Thread<R> {
    /** Wait until the task has finished; resolves to its result (Thread.join). */
    join(): Promise<R>;
  }

  /**
   * Start \`fn(...args)\` as its own task, like \`threading.Thread(target=fn).start()\`:
   * main runs it in turn, async as a task on the page's thread, workers in a Web Worker of its own.
   */
  export function spawn<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Thread<Awaited<R>>;
  /**
   * Typed arrays in shared memory, zero-filled: every task that is passed one sees the same
   * elements. \`counter[0] += 1\` from several workers loses updates (read, add, write can
   * interleave); \`Atomics.add(counter, 0, 1)\` does not. Python's \`multiprocessing.Value\`/\`Array\`.
   * - main and async: one thread; the array is shared by all tasks anyway.
   * - workers: real shared memory (SharedArrayBuffer), so the races are real.
   */
  export const shared: {
    int8(length: number): Int8Array;
    uint8(length: number): Uint8Array;
    int16(length: number): Int16Array;
    uint16(length: number): Uint16Array;
    int32(length: number): Int32Array;
    uint32(length: number): Uint32Array;
    float32(length: number): Float32Array;
    float64(length: number): Float64Array;
    bigint64(length: number): BigInt64Array;
    biguint64(length: number): BigUint64Array;
  };

  /**
   * A lock (mutex): at most one task holds it at a time; the others wait in \`acquire\`.
   * Python's \`threading.Lock\` (and \`asyncio.Lock\`, \`multiprocessing.Lock\`).
   * - main: tasks run one at a time, so a task waits only for a lock held by main() or by a task
   *   that is itself waiting: that can never end, and is reported as a deadlock.
   * - async: a task waits while another task holds it across an \`await\`.
   * - workers: a worker waiting for it is blocked (Atomics.wait); the lock is shared memory.
   */
  export class Lock {
    constructor();
    /** The name the timeline and deadlock reports use: the variable's, else \`Lock#1\`. */
    readonly name: string;
    /** True while some task holds the lock. */
    readonly locked: boolean;
    /**
     * Wait until the lock is free and take it. With \`timeoutMs\`, give up after that long.
     * Resolves true when acquired, false on timeout (Python's \`acquire(timeout=…)\`).
     */
    acquire(timeoutMs?: number): Promise<boolean>;
    /** Take the lock only if it is free now; never waits. */
    tryAcquire(): boolean;
    /** Give the lock back; one waiting task (if any) takes it next. Releasing a free lock is an error. */
    release(): void;
    /** Run \`fn\` holding the lock, and release it however \`fn\` ends (Python's \`with lock:\`). */
    with<R>(fn: () => R | Promise<R>): Promise<Awaited<R>>;
  }

  /** Options of a {@link Semaphore}. */
  export interface SemaphoreOptions {
    /** Draw its permits in use on the timeline, as a counter track under the lanes (default false). */
    track?: boolean;
  }

  /**
   * A semaphore: \`permits\` tasks may hold it at once; the next waits in \`acquire\` until one
   * releases. Python's \`threading.Semaphore\` (\`asyncio.Semaphore\`, \`multiprocessing.Semaphore\`).
   * - main: a task waiting for a permit held by an unfinished task can never continue: deadlock.
   * - async: tasks wait while the permits are held across \`await\`s.
   * - workers: waiting blocks the worker; the counter is shared memory.
   */
  export class Semaphore {
    constructor(permits?: number, options?: SemaphoreOptions);
    readonly name: string;
    /** Permits free now (it may change the moment after you read it). */
    readonly value: number;
    /** How many permits it was created with. */
    readonly permits: number;
    /** Take one permit, waiting until one is free; false if \`timeoutMs\` passed first. */
    acquire(timeoutMs?: number): Promise<boolean>;
    /** Take a permit only if one is free now; never waits. */
    tryAcquire(): boolean;
    /** Give back \`n\` permits (default 1), waking up to \`n\` waiting tasks. */
    release(n?: number): void;
    /** Run \`fn\` holding a permit, and give it back however \`fn\` ends (\`with sem:\`). */
    with<R>(fn: () => R | Promise<R>): Promise<Awaited<R>>;
  }

  /**
   * A semaphore that refuses to be released more often than acquired: a release beyond its
   * initial permits throws ValueError, as Python's \`threading.BoundedSemaphore\` does.
   */
  export class BoundedSemaphore extends Semaphore {}

  /**
   * A condition variable: wait (holding its lock) until another task changes something and
   * notifies. Python's \`threading.Condition\` / \`asyncio.Condition\`.
   * - main: a task waiting for a notify only a later task would send can never continue: deadlock.
   * - async and workers: \`wait\` releases the lock while it waits and takes it again before returning.
   */
  export class Condition {
    constructor(lock?: Lock);
    readonly name: string;
    /** The lock it waits with: the one given, or a new one. */
    readonly lock: Lock;
    /** Take the condition's lock (see Lock.acquire). */
    acquire(timeoutMs?: number): Promise<boolean>;
    release(): void;
    /** Run \`fn\` holding the lock (\`with cond:\`). */
    with<R>(fn: () => R | Promise<R>): Promise<Awaited<R>>;
    /**
     * Release the lock, wait for a notify (or \`timeoutMs\`), take the lock again. Resolves false on
     * timeout. Wake-ups can come without the change you wait for: check in a loop, or use waitFor.
     */
    wait(timeoutMs?: number): Promise<boolean>;
    /** Wait until \`predicate()\` is true (checked holding the lock); resolves to its last value. */
    waitFor<T>(predicate: () => T, timeoutMs?: number): Promise<T>;
    /** Wake up to \`n\` tasks waiting on this condition (you must hold the lock). */
    notify(n?: number): void;
    /** Wake every waiting task (you must hold the lock). */
    notifyAll(): void;
  }

  /**
   * A flag tasks can wait for: \`set\` wakes every waiting task, \`clear\` lowers it again.
   * Python's \`threading.Event\` / \`asyncio.Event\`.
   * - main: waiting for an event only a later task would set can never end: deadlock.
   */
  export class Event {
    constructor();
    readonly name: string;
    /** True once set, until cleared. */
    isSet(): boolean;
    /** Raise the flag: every waiting task continues. */
    set(): void;
    /** Lower the flag: later waits wait again. */
    clear(): void;
    /** Wait until the flag is set; resolves true, or false if \`timeoutMs\` passed first. */
    wait(timeoutMs?: number): Promise<boolean>;
  }

  /**
   * A meeting point for \`parties\` tasks: each \`wait\` returns once all have arrived.
   * Python's \`threading.Barrier\`. A wait that times out, or \`abort()\`, breaks the barrier:
   * every waiting and later \`wait\` then throws BrokenBarrierError until \`reset()\`. Unlike Python,
   * a task that fails breaks the barriers it is a party to (that it waited at, or was given as an
   * argument), so the others learn at once that it will never arrive.
   * - main: tasks run one at a time, so a barrier of more than one task can never fill: deadlock.
   */
  export class Barrier {
    constructor(parties: number);
    readonly name: string;
    /** How many tasks must arrive. */
    readonly parties: number;
    /** How many are waiting now. */
    readonly waiting: number;
    readonly broken: boolean;
    /**
     * Wait until all parties have arrived; resolves to this task's arrival index (0 … parties − 1).
     * A timeout breaks the barrier (BrokenBarrierError, here and in every waiting task).
     */
    wait(timeoutMs?: number): Promise<number>;
    /** Break the barrier: every waiting task throws BrokenBarrierError. */
    abort(): void;
    /** Mend a broken barrier, empty; tasks waiting on it now throw BrokenBarrierError. */
    reset(): void;
  }

  /** Options of a Queue. */
  export interface QueueOptions {
    /** How many items it holds before \`put\` waits; default: no limit (up to 1 MiB of items). */
    capacity?: number;
    /** Draw its length on the timeline, as a counter track under the lanes (default false). */
    track?: boolean;
  }

  /**
   * A first-in, first-out queue between tasks; with a \`capacity\`, \`put\` waits while it is full.
   * Items are copied (structured-clonable data: numbers, strings, arrays, plain objects, Map, Set,
   * Date, typed arrays). Python's \`queue.Queue\` (\`asyncio.Queue\`, \`multiprocessing.Queue\`).
   * - main: a \`get\` waiting for an item only a later task would put can never end: deadlock.
   * - async: waiting tasks let the others run. workers: waiting blocks the worker.
   */
  export class Queue<T = unknown> {
    constructor(options?: QueueOptions);
    readonly name: string;
    /** The most items it holds (Infinity: no limit). */
    readonly capacity: number;
    /** Items in the queue now (it may change the moment after you read it). */
    readonly size: number;
    /** Add \`item\` at the end, waiting while the queue is full; throws \`Full\` if \`timeoutMs\` passed first. */
    put(item: T, timeoutMs?: number): Promise<void>;
    /** Take the first item, waiting while the queue is empty; throws \`Empty\` if \`timeoutMs\` passed first. */
    get(timeoutMs?: number): Promise<T>;
    /** Add \`item\` if there is room now; resolves false (and adds nothing) if the queue is full. */
    tryPut(item: T): Promise<boolean>;
    /** Take the first item if there is one now; resolves undefined if the queue is empty. */
    tryGet(): Promise<T | undefined>;
    /** Mark one item taken with \`get\` as fully processed (Python's \`task_done\`). */
    taskDone(): void;
    /** Wait until every item put has been marked done with \`taskDone\`. */
    join(): Promise<void>;
  }
}
`;
