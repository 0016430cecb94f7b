import type { Host, PoolHost, TaskFn } from "../../runtime/host";
import { workerLane } from "../../trace/lanes";
import { Future, allInOrder } from "../page/future";
import type { PageHost } from "../page/page-host";
import type { PageRun } from "../page/page-run";
import { taskLabel } from "../page/task-label";
import type { LoadedProgram } from "../runner";
import { exportNameOf } from "./export-name";
import { fleet } from "./fleet";
import { RemotePool } from "./remote-pool";

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
        const name = exportNameOf(fn, this.program.exports);
        return allInOrder(this.run, items.map((item) => this.#submit(pool, name, [item])));
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
    const run = this.run;
    const id = String(this.#nextTask++);
    const label = taskLabel(fn, args);
    run.recorder.addTask({ id, name: label.name, args: label.args });
    const future = new Future<unknown>(run);
    run.taskStarted();
    pool.submit({
      id,
      fn,
      args,
      settle: (ok, value) => {
        if (ok) future.resolve(value);
        else {
          run.recorder.failTask(id, run.locate(value));
          future.reject(value);
        }
        run.taskEnded(ok ? undefined : value);
      },
    });
    return future;
  }

}
