// The public `lanes` module. Students read these JSDoc comments in the editor's hover,
// so they explain behaviour per runner in plain words. Keep lanes-types.ts in step.
import { describeValue, formatValues } from "./format-value";
import { host, type PoolHost, type TaskFn } from "./host";
import { doWork } from "./work";

/**
 * Wait for `ms` milliseconds, as a task waiting on I/O (a download, a disk, a database) does.
 * - main: blocks the page's thread; nothing else runs (the page freezes).
 * - async: a timer; other tasks run meanwhile.
 * - workers: blocks this worker only.
 */
export function sleep(ms: number): Promise<void> {
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`sleep(ms) needs a finite number of milliseconds ≥ 0, got ${describeValue(ms)}${typeof ms === "string" ? " (a string: write the number without quotes)" : ""}`);
  return host().sleep(ms);
}

/**
 * Compute for about `ms` milliseconds of one idle core: CPU-bound work, like a tight Python loop.
 * A fixed amount of computation, so two tasks sharing one core take twice as long.
 * Returns a number derived from the computation.
 */
export function work(ms: number): number {
  return doWork(ms, checkpoint);
}

const checkpoint = (): void => host().checkpoint?.();

/** Print a line of output, stamped with its time, lane and task. */
export function print(...values: unknown[]): void {
  host().print(formatValues(values));
}

/** Options of a {@link Pool}. */
export interface PoolOptions {
  /** How many tasks may run at once (workers: how many Web Workers). Default: the number of cores. */
  workers?: number;
}

/**
 * A pool of workers running tasks: Python's ThreadPoolExecutor / ProcessPoolExecutor.
 * - main: one task at a time, in the order submitted, whatever the size.
 * - async: at most `workers` async tasks in flight on the page's thread.
 * - workers: `workers` Web Workers, in parallel. Functions must be top-level exports.
 */
export class Pool {
  readonly #host: PoolHost;

  constructor(options: PoolOptions = {}) {
    const size = options.workers;
    if (size !== undefined && (!Number.isInteger(size) || size < 1 || size > 64)) {
      throw new RangeError(`Pool workers must be a whole number from 1 to 64, got ${String(size)}`);
    }
    this.#host = host().createPool(size);
  }

  /** How many tasks this pool runs at once. */
  get workers(): number {
    return this.#host.size;
  }

  /**
   * Run `fn(item)` for every item; resolves to the results in input order (like `executor.map`).
   * The first task that fails rejects it with that task's error, at once; the items not started
   * yet are cancelled (never run), those running finish.
   */
  map<T, R>(fn: (item: T) => R | Promise<R>, items: Iterable<T>): Promise<Awaited<R>[]> {
    // The runner's own promise, not a copy: whether main() ever asks for the result decides
    // whether a failure in it was handled (see docs/runtime.md, "When a task fails").
    return this.#host.map(fn as TaskFn, Array.from(items)) as Promise<Awaited<R>[]>;
  }

  /** Start `fn(...args)`; resolves to its result (a future, like `executor.submit`). */
  submit<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<Awaited<R>> {
    return this.#host.submit(fn as TaskFn, args) as Promise<Awaited<R>>;
  }

  /** Let the submitted tasks finish, then release the workers. */
  close(): Promise<void> {
    return Promise.resolve(this.#host.close());
  }
}

/**
 * Yield the results of `promises` in the order they finish, not the order given
 * (Python's `concurrent.futures.as_completed`). A rejected promise throws when its turn comes.
 */
export async function* asCompleted<T>(promises: Iterable<PromiseLike<T>>): AsyncGenerator<Awaited<T>> {
  const pending = new Map<number, Promise<{ key: number; result: PromiseSettledResult<Awaited<T>> }>>();
  let key = 0;
  for (const p of promises) {
    const k = key++;
    pending.set(
      k,
      Promise.resolve(p).then(
        (value) => ({ key: k, result: { status: "fulfilled", value } as const }),
        (reason: unknown) => ({ key: k, result: { status: "rejected", reason } as const }),
      ),
    );
  }
  while (pending.size > 0) {
    const { key: done, result } = await Promise.race(pending.values());
    pending.delete(done);
    if (result.status === "rejected") throw result.reason;
    yield result.value;
  }
}

/** A started task: {@link spawn}'s handle. */
export interface Thread<R> {
  /** Wait until the task has finished; resolves to its result (Thread.join). */
  join(): Promise<R>;
}

/**
 * Start `fn(...args)` as its own task, like `threading.Thread(target=fn).start()`:
 * main runs it in turn, async as a task on the page's thread, workers in a Web Worker of its own.
 */
export function spawn<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Thread<Awaited<R>> {
  const started = host().spawn(fn as TaskFn, args);
  // Joined only when asked: a task that fails and is never joined is reported by the runner
  // ("Exception in task …", as Python's threading.excepthook), and the program still succeeds.
  let joined: Promise<Awaited<R>> | undefined;
  return { join: () => (joined ??= Promise.resolve(started) as Promise<Awaited<R>>) };
}
