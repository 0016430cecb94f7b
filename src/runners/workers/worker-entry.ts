// A Lanes worker: imports the student's module and runs tasks by export name, one at a time.
import * as Comlink from "comlink";
import { locateInStack, userStack } from "../../compile/stack-location";
import { installRuntime } from "../../runtime";
import { installHost } from "../../runtime/host";
import { setCalibration } from "../../runtime/work";
import { formatValues } from "../../runtime/format-value";
import { EventBuffer } from "./event-buffer";
import type { BatchReply, EventsMessage, SerializedError, WorkerApi } from "./protocol";
import { WorkerHost } from "./worker-host";

installRuntime();
const events = new EventBuffer((batch, transfer) => self.postMessage({ lanesEvents: batch } satisfies EventsMessage, { transfer }));
const host = new WorkerHost(events);
installHost(host);

let program: Record<string, unknown> = {};
let moduleUrl = "";

const api: WorkerApi = {
  init(config) {
    setCalibration(config.itersPerMs);
    return { timeOrigin: performance.timeOrigin };
  },

  async load(url, lane, trace) {
    host.lane = lane;
    host.tracing = trace;
    if (url === moduleUrl) return;
    program = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
    moduleUrl = url;
  },

  async runBatch({ ids, fn, items, args }) {
    const started = performance.now();
    const values: unknown[] = new Array(ids.length);
    const failures: BatchReply["failures"] = [];
    for (let i = 0; i < ids.length; i++) {
      const name = typeof fn === "string" ? fn : (fn[i] ?? "");
      const outcome = runTask(String(ids[i]), name, items ? [items[i]] : (args?.[i] ?? []));
      // Only a task that returned a promise is awaited: a microtask per task adds up over 10,000.
      const result = outcome instanceof Promise ? await outcome : outcome;
      if (result.ok) values[i] = result.value;
      else failures.push({ index: i, error: result.error });
    }
    return { values, failures, busyMs: performance.now() - started, events: events.take() } satisfies BatchReply;
  },
};

type Outcome = { ok: true; value: unknown } | { ok: false; error: SerializedError };

/** Run one task; synchronous when the function is, a promise only when it returns one. */
function runTask(id: string, name: string, args: unknown[]): Outcome | Promise<Outcome> {
  host.task = id;
  host.setState("running");
  let result: unknown;
  try {
    const fn = program[name];
    if (typeof fn !== "function") throw new Error(`The program has no exported function ${name}.`);
    result = (fn as (...a: unknown[]) => unknown)(...args);
  } catch (error) {
    return failed(error);
  }
  if (typeof (result as { then?: unknown } | null)?.then !== "function") return succeeded(result, name);
  return Promise.resolve(result).then(
    (value: unknown) => {
      host.task = id; // other tasks never interleave (one at a time), but be exact
      return succeeded(value, name);
    },
    (error: unknown) => failed(error),
  );
}

function succeeded(value: unknown, name: string): Outcome {
  try {
    const sent = sendable(value, name);
    host.setState(null);
    return { ok: true, value: sent };
  } catch (error) {
    return failed(error);
  }
}

/** The last stretch of the task is the one that failed: relabel it from where it began. */
function failed(error: unknown): Outcome {
  host.setState("failed", host.since);
  host.setState(null);
  return { ok: false, error: serialize(error) };
}

/** A result that cannot be copied back must still settle the caller's promise: say why. */
function sendable(value: unknown, fn: string): unknown {
  if (value === null || typeof value !== "object") {
    if (typeof value === "function" || typeof value === "symbol") throw new TypeError(`${fn} returned a ${typeof value}, which cannot be sent back from a worker: return plain data.`);
    return value;
  }
  try {
    structuredClone(value);
  } catch {
    throw new TypeError(`${fn} returned a value that cannot be sent back from a worker (it holds a function or another uncopyable part): return plain data, such as numbers, strings, arrays and plain objects.`);
  }
  return value;
}

function serialize(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: "Error", message: `A value that is not an Error was thrown: ${formatValues([error])}` };
  const place = error.stack ? locateInStack(error.stack, moduleUrl) : undefined;
  return { name: error.name, message: error.message, stack: error.stack ? userStack(error.stack, moduleUrl) : undefined, line: place?.line, column: place?.column };
}

Comlink.expose(api);
