import type { Host, PoolHost, TaskFn } from "../../runtime/host";
import { breakBarriersOf, joinBarriersIn, leaveBarriers } from "../../runtime/sync/barrier-parties";
import { codeOfTask } from "../../runtime/sync/sync-object";
import type { CounterReading } from "../../runtime/sync/counter-track";
import type { BlockRequest } from "../../runtime/sync/waiting";
import type { Executor } from "./executor";
import { blockOnPage } from "./page-block";
import { Future, allInOrder } from "./future";
import type { PageRun } from "./page-run";
import type { Party } from "./party";
import { taskLabel } from "./task-label";
import { RunStopped } from "./time-limit";

/** setTimeout's largest delay (2^31 − 1 ms, ~24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** How the main and async runners differ; everything else about running on the page is shared. */
export interface PageSchedule {
  /** main: spin (the thread is blocked); async: a timer (the thread is free). */
  sleep: "spin" | "timer";
  /** The lane a task's spans go on. */
  taskLane(id: string): string;
  /** Slots for a pool of the requested size (main: one shared executor for everything). */
  poolExecutor(size: number): Executor;
  spawnExecutor(): Executor;
  poolSize(requested: number | undefined): number;
  /** Workers may signal the page's waits (workers runner): sleep in Atomics.waitAsync. */
  crossThread?: boolean;
}

/** The lanes host for tasks that run on the page's own thread. */
export class PageHost implements Host {
  #nextTask = 1;

  constructor(
    private readonly run: PageRun,
    private readonly schedule: PageSchedule,
  ) {}

  /** Between slices of work(), after a blocking sleep, in loops: a run that has ended stops its code here. */
  checkpoint(where?: { loopLine?: number }): void {
    if (this.run.checkLimits(where?.loopLine)) throw new RunStopped();
  }

  sleep(ms: number): Promise<void> {
    const run = this.run;
    const party = run.currentParty();
    const start = run.now();
    run.setState(party, "waiting", start);
    if (this.schedule.sleep === "spin") {
      // Blocking on purpose: under `main`, waiting freezes the page, as time.sleep freezes a script.
      // Nothing can stop it from outside (the page's thread is this loop), so it keeps the time limit itself.
      const until = Math.min(performance.now() + ms, run.deadline);
      while (performance.now() < until) {
        /* the thread waits and can do nothing else */
      }
      this.checkpoint();
      run.setState(party, "running");
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      run.pending += 1;
      setTimeout(() => {
        run.pending -= 1;
        const due = start + ms;
        if (run.now() > due) run.setState(party, "ready", due);
        run.runAs(party, resolve);
      }, Math.min(ms, MAX_TIMER_MS)); // a longer delay would fire at once; the time limit ends the run first
    });
  }

  block(request: BlockRequest): Promise<boolean> {
    return blockOnPage(this.run, request, this.schedule.crossThread === true);
  }

  taskId(): string {
    return this.run.currentParty().id;
  }

  counter(reading: CounterReading): void {
    this.run.recorder.counter({ ...reading, t: this.run.now() });
  }

  print(text: string): void {
    const party = this.run.currentParty();
    this.run.recorder.print(this.run.now(), party.lane, party.id, text);
    this.run.onPrinted?.();
  }

  createPool(requested: number | undefined): PoolHost {
    const size = this.schedule.poolSize(requested);
    const executor = this.schedule.poolExecutor(size);
    let closed = false;
    const open = () => {
      if (closed) throw new Error("This pool is closed: create a new Pool to submit more tasks.");
    };
    return {
      size,
      submit: (fn, args) => {
        open();
        return this.#submit(executor, fn, args).future;
      },
      map: (fn, items) => {
        open();
        // Every item's failure is the map's: it is observed when the map's result is asked for.
        const jobs = items.map((item) => this.#submit(executor, fn, [item], () => all.observed));
        // The first failure rejects the map at once and cancels the items not started
        // (those running finish), as `executor.map` does.
        const all = allInOrder(
          this.run,
          jobs.map((job) => job.future),
          () => jobs.forEach((job) => job.cancel()),
        );
        return all;
      },
      close: () => {
        closed = true;
        return Promise.resolve();
      },
    };
  }

  spawn(fn: TaskFn, args: unknown[]): PromiseLike<unknown> {
    return this.#submit(this.schedule.spawnExecutor(), fn, args).future;
  }

  /** `observed`: whether the program asked for this task's result (by default: its own future). */
  #submit(executor: Executor, fn: TaskFn, args: unknown[], observed?: () => boolean): Job {
    if (typeof fn !== "function") throw new TypeError(`A task must be a function, got ${typeof fn}.`);
    const run = this.run;
    const id = String(this.#nextTask++);
    const label = taskLabel(fn.name, args);
    const lane = this.schedule.taskLane(id);
    if (lane !== "page") run.recorder.addLane({ id: lane, label: `${label.name}(${label.args})`, kind: "task" });
    run.recorder.addTask({ id, name: label.name, args: label.args });
    const party = run.newTask(id, lane, `${label.name}(${label.args})`);
    const future = new Future<unknown>(run);
    let started = false;
    run.taskStarted();
    executor.enqueue((done) => {
      run.wake(party, () => {
        if (party.done) return done(); // cancelled while queued: it never starts
        started = true;
        this.#call(party, fn, args, future, done, observed ?? (() => future.observed));
      });
    });
    return {
      future,
      cancel() {
        if (started || party.done) return;
        party.done = true;
        run.recorder.cancelTasks(Number(id), 1);
        run.taskEnded();
      },
    };
  }

  #call(party: Party, fn: TaskFn, args: unknown[], future: Future<unknown>, done: () => void, observed: () => boolean): void {
    const code = codeOfTask(party.id);
    const end = (value: unknown, failed: boolean) => {
      const run = this.run;
      if (failed) breakBarriersOf(code);
      else leaveBarriers(code);
      if (failed) {
        const where = run.locate(value);
        run.recorder.failTask(party.id, where);
        run.failParty(party);
        run.taskFailed({ task: party.id, lane: party.lane, label: party.label, t: run.now(), where, observed }, value);
      }
      party.done = true;
      run.setState(party, null);
      done();
      if (failed) future.reject(value);
      else future.resolve(value);
      run.taskEnded();
    };
    joinBarriersIn(code, args);
    let result: unknown;
    try {
      result = (fn as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      return end(error, true);
    }
    if (isThenable(result)) result.then((v) => end(v, false), (e: unknown) => end(e, true));
    else end(result, false);
  }
}

/** A task submitted on the page: its future, and a way to cancel it while it has not started. */
interface Job {
  future: Future<unknown>;
  cancel(): void;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}
