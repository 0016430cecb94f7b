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
}
`;
