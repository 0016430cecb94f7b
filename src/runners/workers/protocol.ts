// Everything that crosses the page/worker boundary. Calls go through Comlink (WorkerApi);
// trace events stream on the worker's own port, so they stay in order with the call replies.
// Task arguments and results travel encoded by the boundary's codec (src/runtime/codec.ts), so
// shared arrays and the primitives cross by one mechanism, nested anywhere in the data.
import type { TraceBatch } from "../../trace/events";

export interface WorkerConfig {
  /** work() calibration measured on the page, so a work(ms) is the same everywhere. */
  itersPerMs: number;
  /** This worker's wait-for cells (wait-table.ts); absent without shared memory. */
  waits?: Int32Array;
}

export interface InitReply {
  /** The worker's performance.timeOrigin: its clock is aligned to the page's with it. */
  timeOrigin: number;
}

/**
 * A batch of calls as parallel arrays, shaped to be cheap to copy: task ids as numbers in a typed
 * array (one memcpy), one function name when the batch shares it (pool.map always does), and for
 * one-argument calls the arguments themselves rather than an array per task.
 */
export interface TaskBatch {
  /** Numeric task ids (Run task ids are their decimal strings). */
  ids: Float64Array;
  /** The export name every call uses, or one per call. */
  fn: string | string[];
  /** Either `items` (call i is fn(items[i])) or `args` (call i is fn(...args[i])), encoded (codec.ts). */
  items?: unknown[];
  args?: unknown[][];
  /** This worker's batch number, rising (wait-table.ts REVOKED): absent, it is never taken back. */
  seq?: number;
}

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  line?: number;
  column?: number;
  /** The helper file `line` and `column` are in (absent: the program's own module). */
  file?: string;
}

export interface BatchReply {
  /** Results by position in the batch (undefined where the task failed), encoded (codec.ts). */
  values: unknown[];
  /** The tasks that failed, by position. */
  failures: { index: number; error: SerializedError }[];
  /** Time the worker spent running the batch's tasks: what a task costs, without messaging. */
  busyMs: number;
  /** Events recorded since the last streamed batch (the batch's tail travels with its reply). */
  events: TraceBatch | null;
  /**
   * How many of the batch's tasks the worker ran, from the first: the rest it gave back
   * (ReturnedMessage) while one of them was blocked, and the page sent them elsewhere.
   */
  ran: number;
}

/** The API a worker exposes through Comlink. */
export interface WorkerApi {
  init(config: WorkerConfig): InitReply;
  /**
   * Import a run's copy of the program (fresh module state per run); `lane` names this worker
   * in the trace; `trace: false` records output only (for the tracing-cost benchmark).
   * `helpers`: the URLs the module imports its helper files by, so an error's place in one is found.
   */
  load(moduleUrl: string, lane: string, trace: boolean, helpers?: readonly { file: string; url: string }[]): Promise<void>;
  /**
   * Start importing a run's program before any pool asks for this worker, while the page
   * imports it too: `load` then finds it done. Its errors surface through `load`.
   */
  preload(moduleUrl: string): Promise<void>;
  /** Run tasks one after another; resolves when all have ended. */
  runBatch(batch: TaskBatch): Promise<BatchReply>;
}

/** Streamed on the worker's port while a long batch runs (Comlink ignores messages without an id). */
export interface EventsMessage {
  type: "lanes:events";
  lanesEvents: TraceBatch;
}

/**
 * A task of this worker has been blocked for a while: the tasks queued behind it here (the rest
 * of its batch, a batch waiting its turn) are given back, by id, for the page to run elsewhere.
 */
export interface ReturnedMessage {
  type: "lanes:returned";
  lanesReturned: number[];
}

/** A worker's last message before it closes itself (student code called `self.close()`). */
export interface ClosedMessage {
  lanesClosed: { task: number | string };
}

/**
 * Every message a worker posts on its port besides Comlink's own replies, one tagged union
 * (Comlink's replies carry an `id`; ours never do).
 */
export type WorkerMessage = EventsMessage | ReturnedMessage | ClosedMessage;
