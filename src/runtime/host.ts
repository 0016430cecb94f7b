// The `lanes` functions are the same code under every runner; what they do comes from
// the host the current runner installs (page: main/async/workers drivers; worker: a task host).

import type { CounterReading } from "./sync/counter-track";
import type { BlockRequest } from "./sync/waiting";

export type TaskFn = (...args: never[]) => unknown;

export interface PoolHost {
  readonly size: number;
  submit(fn: TaskFn, args: unknown[]): PromiseLike<unknown>;
  map(fn: TaskFn, items: readonly unknown[]): PromiseLike<unknown[]>;
  close(): PromiseLike<void>;
}

export interface Host {
  sleep(ms: number): Promise<void>;
  /**
   * Called between slices of work() and now and then from inside loops (the loop guard): throws
   * if the run has ended, so a long work() or an endless loop stops too. `where.loopLine`: the
   * line of the loop it was called from, for the message if the run is out of time.
   */
  checkpoint?(where?: { loopLine?: number }): void;
  print(text: string): void;
  createPool(workers: number | undefined): PoolHost;
  spawn(fn: TaskFn, args: unknown[]): PromiseLike<unknown>;
  /**
   * Wait as a primitive asks (see sync/waiting.ts): the runner's way for the running task, with
   * its trace (a `blocked` span named after the object) and its deadlock bookkeeping. Absent:
   * the realm's plain loop (Atomics.wait where the thread may block, else waitAsync).
   */
  block?(request: BlockRequest): boolean | Promise<boolean>;
  /** A counter track's new value (sync/counter-track.ts), stamped now. Absent: not recorded. */
  counter?(reading: CounterReading): void;
  /** The running task's id, as in Run.tasks ("main" for main()): lock owners, wake-up arrows. */
  taskId?(): string;
  /**
   * The same as a cell code (sync-object.ts codeOfTask), where the host keeps it ready: a
   * field, not a method, because every acquire and release reads it (a worker's host).
   */
  readonly taskCode?: number;
}

const idle: Host = {
  sleep: notRunning,
  print: notRunning,
  createPool: notRunning,
  spawn: notRunning,
};

function notRunning(): never {
  throw new Error("lanes functions work only while a program runs: call them from main() or from a task.");
}

/**
 * The host while a program's top-level code runs (as it loads, before main()): lanes functions
 * are refused as when idle, but loops are guarded, so an endless one there ends too.
 */
export function loadingHost(checkpoint: NonNullable<Host["checkpoint"]>): Host {
  return { ...idle, checkpoint };
}

let current: Host = idle;

export function host(): Host {
  return current;
}

/** Install the host of the run that starts now; returns a function restoring the previous one. */
export function installHost(next: Host): () => void {
  const previous = current;
  current = next;
  return () => {
    current = previous;
  };
}
