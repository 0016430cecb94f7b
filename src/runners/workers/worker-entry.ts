// A Lanes worker: imports the student's module and runs tasks by export name, one at a time.
import * as Comlink from "comlink";
import { placeAndUserStack } from "../../compile/stack-location";
import { installRuntime } from "../../runtime";
import { decodeValue, encodeValue } from "../../runtime/codec";
import { breakBarriersOf, joinBarriersIn, leaveBarriers } from "../../runtime/sync/barrier-parties";
import { codeOfTask, currentTaskCode, forgetSyncObjects } from "../../runtime/sync/sync-object";
import { installHost } from "../../runtime/host";
import { setCalibration } from "../../runtime/work";
import { formatValues } from "../../runtime/format-value";
import { batchTransfer } from "../../trace/events";
import { EventBuffer } from "./event-buffer";
import { functionName, taskByName } from "./export-name";
import type { BatchReply, ClosedMessage, EventsMessage, ReturnedMessage, SerializedError, TaskBatch, WorkerApi } from "./protocol";
import { WorkerHost } from "./worker-host";
import { takenBack } from "./wait-table";

installRuntime();
const events = new EventBuffer((batch, transfer) => self.postMessage({ type: "lanes:events", lanesEvents: batch } satisfies EventsMessage, { transfer }));
const host = new WorkerHost(events);
installHost(host);

// self.close() ends a worker silently: the page would wait for replies forever. Say so first.
const closeWorker = self.close.bind(self);
self.close = () => {
  if (host.task !== "") failed(new Error("self.close()")); // its last stretch is drawn as failed
  const batch = events.take(); // what the task did until now, so its span is drawn
  if (batch) self.postMessage({ type: "lanes:events", lanesEvents: batch } satisfies EventsMessage, { transfer: batchTransfer(batch) });
  self.postMessage({ lanesClosed: { task: host.task } } satisfies ClosedMessage);
  closeWorker();
};

let program: Record<string, unknown> = {};
let moduleUrl = "";
/** The helper files' modules the program imports (their frames are the student's too). */
let helperModules: readonly { file: string; url: string }[] = [];
/** The import under way or done: a preload and the run's load share it. */
let importing: { url: string; module: Promise<Record<string, unknown>> } | undefined;

function importOnce(url: string): Promise<Record<string, unknown>> {
  if (importing?.url !== url) {
    importing = { url, module: import(/* @vite-ignore */ url) as Promise<Record<string, unknown>> };
  }
  return importing.module;
}

/** The batch this worker runs now, or ran last. */
let previousBatch: Promise<unknown> = Promise.resolve();
/** The batch running now: its tasks before `next` have started; from `end` on they were given back. */
let running: { ids: Float64Array; next: number; end: number } | undefined;
/** Give-backs posted: before it starts another batch, the worker waits for the page to have answered them. */
let givenBack = 0;

/**
 * A task has been blocked on a Lanes object for a while (worker-host.ts): the tasks queued
 * behind it on this worker go back to the page, which sends them to a worker that can start
 * them now. On threads they would start on another thread; kept here behind the blocked task,
 * one that it waits for (the task that sets its Event, puts its item) would never start, and the
 * run would end as a deadlock. This worker gives back the rest of its batch; the page also takes
 * back every later batch it sent here (this worker may not even have read them: it is blocked),
 * and answers in shared memory which, so none of them runs here too (wait-table.ts).
 */
function giveBack(): void {
  if (!host.waits) return; // no shared memory: no task can block
  const ids: number[] = [];
  if (running) {
    for (let i = running.next; i < running.end; i++) ids.push(running.ids[i]!);
    running.end = running.next;
  }
  givenBack += 1;
  self.postMessage({ type: "lanes:returned", lanesReturned: ids } satisfies ReturnedMessage);
}
host.onLongWait = giveBack;

const api: WorkerApi = {
  init(config) {
    setCalibration(config.itersPerMs);
    host.waits = config.waits;
    return { timeOrigin: performance.timeOrigin };
  },

  async preload(url) {
    await importOnce(url);
  },

  async load(url, lane, trace, helpers = []) {
    forgetSyncObjects(); // a new run: the objects of the last one are gone
    // What was recorded before this run is on no lane of it (an import ahead of the run, under
    // no lane yet; a timer of an earlier run): the page would refuse the batch and this worker.
    events.take();
    host.lane = lane;
    host.task = ""; // no task yet: the program's top-level code, if it imports now
    host.tracing = trace;
    if (url === moduleUrl) return;
    program = await importOnce(url);
    moduleUrl = url;
    helperModules = helpers;
  },

  runBatch(batch) {
    // Two batches are in flight for short tasks: one that arrives while a task of the other
    // awaits a timer waits its turn, so tasks never interleave (one at a time, as a process).
    const turn = previousBatch.then(() => {
      const back = host.waits !== undefined && givenBack > 0 && batch.seq !== undefined && takenBack(host.waits, givenBack, batch.seq);
      return back ? { values: [], failures: [], busyMs: 0, events: events.take(), ran: 0 } : runBatchNow(batch);
    });
    previousBatch = turn.catch(() => undefined);
    return turn;
  },
};

async function runBatchNow(batch: TaskBatch): Promise<BatchReply> {
  const { ids, fn } = batch;
  const started = performance.now();
  let items: unknown[] | undefined;
  let args: unknown[][] | undefined;
  try {
    items = batch.items && (decodeValue(batch.items) as unknown[]);
    args = batch.args && (decodeValue(batch.args) as unknown[][]);
  } catch (error) {
    const failure = serialize(error);
    return { values: [], failures: Array.from(ids, (_, index) => ({ index, error: failure })), busyMs: 0, events: events.take(), ran: ids.length };
  }
  const values: unknown[] = new Array(ids.length);
  const failures: BatchReply["failures"] = [];
  const state = { ids, next: 0, end: ids.length };
  running = state;
  for (let i = 0; i < state.end; i++) {
    state.next = i + 1;
    const name = typeof fn === "string" ? fn : (fn[i] ?? "");
    // A map's item is passed as is: no argument array per task.
    const outcome = items ? runTask(ids[i] as number, name, undefined, items[i]) : runTask(ids[i] as number, name, args?.[i] ?? [], undefined);
    // Only a task that returned a promise is awaited: a microtask per task adds up over 10,000.
    const result = outcome instanceof Pending ? await outcome.promise : outcome;
    if (result instanceof Failure) failures.push({ index: i, error: result.error });
    else values[i] = result;
  }
  running = undefined;
  return { values, failures, busyMs: performance.now() - started, events: events.take(), ran: state.end };
}

/** A failed task's error. A class of this module, so no student value can be mistaken for it. */
class Failure {
  constructor(readonly error: SerializedError) {}
}

/** A task still running asynchronously (its function returned a promise). */
class Pending {
  constructor(readonly promise: Promise<unknown>) {}
}

/**
 * Run one task, fn(...args) or, without args, fn(item): its result (or a Failure) at once when
 * the function is synchronous.
 */
function runTask(id: number, name: string, args: unknown[] | undefined, item: unknown): unknown {
  host.startTask(id);
  joinBarriersIn(codeOfTask(String(id)), args ?? [item]);
  let result: unknown;
  try {
    const fn = taskByName(program, name);
    if (typeof fn !== "function") throw new Error(`The program has no exported function ${name}.`);
    result = args ? (fn as (...a: unknown[]) => unknown)(...args) : (fn as (a: unknown) => unknown)(item);
  } catch (error) {
    return failed(error);
  }
  if (typeof (result as { then?: unknown } | null)?.then !== "function") return succeeded(result, functionName(name));
  return new Pending(
    Promise.resolve(result).then(
      (value: unknown) => {
        host.task = id; // tasks never interleave (one at a time), but be exact
        return succeeded(value, functionName(name));
      },
      (error: unknown) => failed(error),
    ),
  );
}

function succeeded(value: unknown, name: string): unknown {
  try {
    const sent = sendable(value, name);
    leaveBarriers(currentTaskCode());
    host.endTask();
    return sent;
  } catch (error) {
    return failed(error);
  }
}

/** The last stretch of the task is the one that failed: relabel it from where it began. */
function failed(error: unknown): Failure {
  breakBarriersOf(currentTaskCode()); // the other parties must not wait for it (barrier-parties.ts)
  host.setState("failed", host.since);
  host.setState(null);
  return new Failure(serialize(error));
}

/** A result that cannot be copied back must still settle the caller's promise: say why. */
function sendable(value: unknown, fn: string): unknown {
  if (value === null || typeof value !== "object") {
    if (typeof value === "function" || typeof value === "symbol") throw new TypeError(`${fn} returned a ${typeof value}, which cannot be sent back from a worker: return plain data.`);
    return value;
  }
  const encoded = encodeValue(value);
  try {
    structuredClone(encoded);
  } catch {
    throw new TypeError(`${fn} returned a value that cannot be sent back from a worker (it holds a function or another uncopyable part): return plain data, such as numbers, strings, arrays and plain objects.`);
  }
  return encoded;
}

function serialize(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: "Error", message: `A value that is not an Error was thrown: ${formatValues([error])}` };
  const stack = error.stack;
  if (!stack) return { name: error.name, message: error.message, stack: undefined, line: undefined, column: undefined };
  const { place, stack: user } = placeAndUserStack(stack, moduleUrl, helperModules); // one reading of the stack, not two
  const serialized: SerializedError = { name: error.name, message: error.message, stack: user, line: place?.line, column: place?.column };
  if (place?.file !== undefined) serialized.file = place.file;
  return serialized;
}

Comlink.expose(api);
