import type { Host, PoolHost, TaskFn } from "../../runtime/host";
import type { CounterReading } from "../../runtime/sync/counter-track";
import type { BlockRequest } from "../../runtime/sync/waiting";
import { workerLane } from "../../trace/lanes";
import { Future } from "../page/future";
import type { PageHost } from "../page/page-host";
import type { PageRun } from "../page/page-run";
import { argsPreview } from "../page/task-label";
import type { LoadedProgram } from "../runner";
import { exportNameOf, functionName } from "./export-name";
import { fleet } from "./fleet";
import { RemotePool } from "./remote-pool";
import type { TaskGroup } from "./task-queue";
import { BROKEN_POOL } from "./worker-lost";

/** The lanes host of a workers run: main() on the page, every task in a Web Worker. */
export class WorkersHost implements Host {
  readonly pools: RemotePool[] = [];
  #nextTask = 1;
  #nextWorker = 1;

  constructor(
    private readonly run: PageRun,
    private readonly program: LoadedProgram,
    private readonly page: PageHost,
  ) {}

  sleep(ms: number): Promise<void> {
    return this.page.sleep(ms); // main() waits with a timer: the page's thread stays free
  }

  print(text: string): void {
    this.page.print(text);
  }

  block(request: BlockRequest): Promise<boolean> {
    return this.page.block(request); // main() waits on the page, woken by the workers' notifies
  }

  taskId(): string {
    return this.page.taskId();
  }

  counter(reading: CounterReading): void {
    this.page.counter(reading); // main()'s own puts and gets, on the page
  }

  checkpoint(where?: { loopLine?: number }): void {
    this.page.checkpoint(where); // main() computing on the page
  }

  createPool(requested: number | undefined): PoolHost {
    const pool = this.#pool(requested ?? navigator.hardwareConcurrency ?? 4);
    let closed = false;
    const submit = (fn: TaskFn, args: unknown[]) => {
      if (closed) throw new Error("This pool is closed: create a new Pool to submit more tasks.");
      return this.#submit(pool, exportNameOf(fn, this.program.exports), args);
    };
    return {
      size: pool.slots.length,
      submit,
      map: (fn, items) => {
        if (closed) throw new Error("This pool is closed: create a new Pool to submit more tasks.");
        return this.#map(pool, exportNameOf(fn, this.program.exports), items);
      },
      close: () => {
        closed = true;
        const done = new Future<void>(this.run);
        void pool.whenIdle().then(() => done.resolve());
        return done;
      },
    };
  }

  spawn(fn: TaskFn, args: unknown[]): PromiseLike<unknown> {
    return this.#submit(this.#pool(1), exportNameOf(fn, this.program.exports), args);
  }

  #pool(size: number): RemotePool {
    const slots = fleet.acquire(size);
    const lanes = slots.map(() => {
      const lane = workerLane(this.#nextWorker++);
      this.run.recorder.addLane(lane);
      return lane.id;
    });
    const pool = new RemotePool(this.run, slots, lanes, this.program.moduleUrl, this.program.helpers.map(({ file, url }) => ({ file, url })));
    this.pools.push(pool);
    return pool;
  }

  #submit(pool: RemotePool, fn: string, args: unknown[]): Future<unknown> {
    const future = new Future<unknown>(this.run);
    const first = this.#nextTask++;
    const preview = argsPreview(args);
    this.run.recorder.addTask({ id: String(first), name: functionName(fn), args: preview });
    const settled = (_: number, ok: boolean, value: unknown) => (ok ? future.resolve(value) : future.reject(value));
    pool.submit(this.#group(fn, first, 1, { args: [args] }, settled, () => preview, () => future.observed));
    return future;
  }

  /** One future and one task group for the whole map: 10,000 items cost no object each. */
  #map(pool: RemotePool, fn: string, items: readonly unknown[]): Future<unknown[]> {
    const all = new Future<unknown[]>(this.run);
    const results: unknown[] = new Array(items.length);
    let left = items.length;
    if (left === 0) all.resolve(results);
    const first = this.#nextTask;
    this.#nextTask += items.length;
    this.run.recorder.addTaskRange({ first, count: items.length, name: functionName(fn), args: (i) => argsPreview([items[i]]) });
    let failed = false;
    const settled = (i: number, ok: boolean, value: unknown) => {
      if (ok) {
        results[i] = value;
        if (--left === 0) all.resolve(results);
        return;
      }
      all.reject(value);
      if (failed) return;
      failed = true;
      // As executor.map: the items not sent yet are cancelled (never started); those running finish.
      for (const cancelled of pool.cancel(group)) {
        this.run.recorder.cancelTasks(first + cancelled.from, cancelled.count);
        this.run.taskEnded(cancelled.count);
      }
    };
    const group = this.#group(fn, first, items.length, { items }, settled, (i) => argsPreview([items[i]]), () => all.observed);
    pool.submit(group);
    return all;
  }

  /**
   * Tasks first … first + count − 1 of this run, started; their ends go to `settled`, the
   * recorder and the run. `observed`: whether the program asked for their result.
   */
  #group(
    fn: string,
    first: number,
    count: number,
    calls: Pick<TaskGroup, "items" | "args">,
    settled: TaskGroup["settled"],
    args: (index: number) => string,
    observed: () => boolean,
  ): TaskGroup {
    const run = this.run;
    run.taskStarted(count);
    return {
      fn,
      first,
      count,
      ...calls,
      settled(index, ok, value, lane) {
        if (!ok) {
          const task = String(first + index);
          const where = run.locate(value);
          run.recorder.failTask(task, where);
          const own = !(value instanceof Error && value.name === BROKEN_POOL);
          run.taskFailed({ task, lane: lane ?? "main", label: `${functionName(fn)}(${args(index)})`, t: run.now(), where, observed, own }, value);
        }
        settled(index, ok, value);
        run.taskEnded();
      },
    };
  }
}
