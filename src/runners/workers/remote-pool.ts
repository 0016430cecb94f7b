import { realmClock } from "../../trace/clock";
import { RemoteError } from "../locate-error";
import type { PageRun } from "../page/page-run";
import { batchSize, depthFor, perTaskMs, updateCost, type TaskCost } from "./batch-size";
import type { TaskBatch } from "./protocol";
import type { WorkerSlot } from "./worker-slot";

/** A task waiting on the page for its turn in a worker. */
export interface RemoteTask {
  /** Task id in the Run. */
  id: string;
  /** Export name of the function in the student's module. */
  fn: string;
  args: unknown[];
  settle(ok: boolean, value: unknown): void;
}

/**
 * A pool's queue on the page and its workers: tasks go out in adaptively sized batches, one
 * task at a time per worker, and come back with their results and trace events.
 */
export class RemotePool {
  #queue: RemoteTask[] = [];
  #head = 0;
  #inFlight: number[];
  #cost: TaskCost | undefined;
  #ready: Promise<void>[];
  #idle: (() => void)[] = [];

  constructor(
    private readonly run: PageRun,
    readonly slots: WorkerSlot[],
    lanes: string[],
    moduleUrl: string,
  ) {
    this.#inFlight = slots.map(() => 0);
    this.#ready = slots.map(async (slot, i) => {
      const { timeOrigin } = await slot.ready;
      const toRunTime = realmClock(performance.timeOrigin, run.t0, timeOrigin);
      slot.onEvents = (batch) => run.recorder.applyEvents(batch, toRunTime);
      await slot.load(moduleUrl, lanes[i] ?? "", run.tracing);
    });
    this.#ready.forEach((p) => p.catch(() => undefined));
  }

  submit(task: RemoteTask): void {
    this.#queue.push(task);
    this.#pump();
  }

  /** Many tasks at once (Pool.map): queued together, then sent in as few batches as fit. */
  submitAll(tasks: readonly RemoteTask[]): void {
    for (const task of tasks) this.#queue.push(task);
    this.#pump();
  }

  get queued(): number {
    return this.#queue.length - this.#head;
  }

  /** Resolves when nothing is queued or in flight (Pool.close). */
  whenIdle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #isIdle(): boolean {
    return this.queued === 0 && this.#inFlight.every((n) => n === 0);
  }

  #pump(): void {
    const estimate = perTaskMs(this.#cost);
    const depth = depthFor(estimate);
    this.slots.forEach((slot, i) => {
      while (slot.alive && (this.#inFlight[i] ?? 0) < depth && this.queued > 0) {
        const n = batchSize(estimate, this.queued, this.slots.length);
        const batch = this.#queue.slice(this.#head, this.#head + n);
        this.#head += n;
        if (this.#head > 4096) {
          this.#queue = this.#queue.slice(this.#head);
          this.#head = 0;
        }
        void this.#send(i, slot, batch);
      }
    });
  }

  async #send(index: number, slot: WorkerSlot, tasks: RemoteTask[]): Promise<void> {
    this.#inFlight[index] = (this.#inFlight[index] ?? 0) + 1;
    this.run.pending += 1;
    try {
      await this.#ready[index];
      const batch = toBatch(tasks);
      const reply = await slot.call((api) => api.runBatch(batch));
      this.#cost = updateCost(this.#cost, reply.busyMs, tasks.length);
      if (reply.events) slot.onEvents?.(reply.events);
      const failed = new Map(reply.failures.map((f) => [f.index, f.error]));
      tasks.forEach((task, i) => {
        const error = failed.get(i);
        if (!error) return task.settle(true, reply.values[i]);
        task.settle(false, new RemoteError(error.message, error.name, error.line, error.column, error.stack));
      });
    } catch (error) {
      if (!this.run.aborted) tasks.forEach((task) => task.settle(false, batchError(error, task)));
    } finally {
      this.#inFlight[index] = (this.#inFlight[index] ?? 1) - 1;
      this.run.pending -= 1;
      if (!this.run.aborted) this.#pump();
      if (this.#isIdle()) this.#idle.splice(0).forEach((resolve) => resolve());
    }
  }
}

function toBatch(tasks: RemoteTask[]): TaskBatch {
  const ids = new Float64Array(tasks.length);
  tasks.forEach((task, i) => (ids[i] = Number(task.id)));
  const first = tasks[0]?.fn ?? "";
  const fn = tasks.every((task) => task.fn === first) ? first : tasks.map((task) => task.fn);
  if (tasks.every((task) => task.args.length === 1)) return { ids, fn, items: tasks.map((task) => task.args[0]) };
  return { ids, fn, args: tasks.map((task) => task.args) };
}

function batchError(error: unknown, task: RemoteTask): Error {
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof DOMException && error.name === "DataCloneError") {
    return new TypeError(`The arguments of ${task.fn} cannot be copied to a worker (${text}). Send plain data: numbers, strings, arrays, plain objects.`);
  }
  return error instanceof Error ? error : new Error(text);
}
