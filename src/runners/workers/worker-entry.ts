// A Lanes worker: imports the student's module and runs tasks by export name, one at a time.
import * as Comlink from "comlink";
import { locateInStack, userStack } from "../../compile/stack-location";
import { installRuntime } from "../../runtime";
import { installHost } from "../../runtime/host";
import { setCalibration } from "../../runtime/work";
import { formatValues } from "../../runtime/format-value";
import { EventBuffer } from "./event-buffer";
import type { BatchReply, EventsMessage, SerializedError, TaskCall, TaskResult, WorkerApi } from "./protocol";
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

  async runBatch(calls) {
    const started = performance.now();
    const results: TaskResult[] = [];
    for (const call of calls) results.push(await runTask(call));
    return { results, busyMs: performance.now() - started, events: events.take() } satisfies BatchReply;
  },
};

async function runTask(call: TaskCall): Promise<TaskResult> {
  host.task = call.id;
  host.setState("running");
  try {
    const fn = program[call.fn];
    if (typeof fn !== "function") throw new Error(`The program has no exported function ${call.fn}.`);
    const value: unknown = await (fn as (...args: unknown[]) => unknown)(...call.args);
    host.setState(null);
    return { ok: true, value: sendable(value, call.fn) };
  } catch (error) {
    // The last stretch of the task is the one that failed: relabel it from where it began.
    host.setState("failed", host.since);
    host.setState(null);
    return { ok: false, error: serialize(error) };
  }
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
