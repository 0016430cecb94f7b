import type { Host, PoolHost, TaskFn } from "../../runtime/host";
import { workerLane } from "../../trace/lanes";
import { Future } from "../page/future";
import type { PageHost } from "../page/page-host";
import type { PageRun } from "../page/page-run";
import { argsPreview } from "../page/task-label";
import type { LoadedProgram } from "../runner";
import { exportNameOf } from "./export-name";
import { fleet } from "./fleet";
import { RemotePool, type RemoteTask } from "./remote-pool";

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
    const pool = new RemotePool(this.run, slots, lanes, this.program.moduleUrl);
    this.pools.push(pool);
    return pool;
  }

  #submit(pool: RemotePool, fn: string, args: unknown[]): Future<unknown> {
    const future = new Future<unknown>(this.run);
    pool.submit(this.#task(fn, args, (_, ok, value) => (ok ? future.resolve(value) : future.reject(value)), 0));
    return future;
  }

  /** One future for the whole map (not one per item), and the items go to the pool at once. */
  #map(pool: RemotePool, fn: string, items: readonly unknown[]): Future<unknown[]> {
    const all = new Future<unknown[]>(this.run);
    const results: unknown[] = new Array(items.length);
    let left = items.length;
    if (left === 0) all.resolve(results);
    const settle: Settle = (i, ok, value) => {
      if (!ok) return all.reject(value);
      results[i] = value;
      if (--left === 0) all.resolve(results);
    };
    const tasks: PoolTask[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) tasks[i] = this.#task(fn, [items[i]], settle, i);
    pool.submitAll(tasks);
    return all;
  }

  #task(fn: string, args: unknown[], settle: Settle, index: number): PoolTask {
    const id = String(this.#nextTask++);
    this.run.recorder.addTask({ id, name: fn, args: argsPreview(args) });
    this.run.taskStarted();
    return new PoolTask(this.run, id, fn, args, settle, index);
  }
}

/** How a task's end reaches whoever waits for it: item `index` of a map, or a submit's future. */
type Settle = (index: number, ok: boolean, value: unknown) => void;

/** A task of this run on its way to a worker. A class, not closures: a map makes 10,000. */
class PoolTask implements RemoteTask {
  constructor(
    private readonly run: PageRun,
    readonly id: string,
    readonly fn: string,
    readonly args: unknown[],
    private readonly onSettle: Settle,
    private readonly index: number,
  ) {}

  settle(ok: boolean, value: unknown): void {
    if (!ok) this.run.recorder.failTask(this.id, this.run.locate(value));
    this.onSettle(this.index, ok, value);
    this.run.taskEnded(ok ? undefined : value);
  }
}
