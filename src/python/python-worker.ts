// The Python worker: one Pyodide, loaded on the first run and then kept warm, running one
// program at a time. Runaway Python is not stopped from in here: the page terminates this
// worker and starts a fresh one (see python-runner.ts). A program's processes are workers of
// this worker's own (process-pool.ts).
import type { PyodideInterface } from "pyodide";
import type { PyCallable, PyProxy } from "pyodide/ffi";
import { bootLanesPython } from "./boot-lanes-python";
import { ProcessPool } from "./process-pool";
import type { FromPythonWorker, ToPythonWorker } from "./protocol";
import { threadHost } from "./python-host";
import type { Typecode } from "./shared-cells";
import { WorkerTrace } from "./worker-trace";

const post = (message: FromPythonWorker) => self.postMessage(message);

/** Is WebAssembly stack switching (JSPI) here? Without it, threads cannot be emulated. */
const JSPI = typeof (WebAssembly as { Suspending?: unknown }).Suspending === "function";

/** A program that names these starts processes: their workers start loading with it. */
const USES_PROCESSES = /\b(multiprocessing|ProcessPoolExecutor)\b/;

/** How many process workers to start loading with the program: the largest pool size it names
 *  (max_workers=4, Pool(4), processes=4), else the cores; at most 4. A guess, to overlap the
 *  seconds of Pyodide start-up per process with the program's own start. */
function processesWanted(source: string): number {
  const named = [...source.matchAll(/\b(?:max_workers|processes)\s*=\s*(\d+)|\bPool\(\s*(\d+)/g)].map((m) => Number(m[1] ?? m[2]));
  return Math.min(4, Math.max(1, ...(named.length ? named : [navigator.hardwareConcurrency || 1])));
}

let pyodide: Promise<PyodideInterface> | undefined;
let trace = new WorkerTrace(performance.now(), post);
const processes = new ProcessPool((lanes, spans, output) => trace.add(lanes, spans, output));

/** What lanes_thread, lanes_driver and lanes_processes call (`import _lanes_host`). */
const host = {
  ...threadHost(() => trace),
  processStart: (label: string) => processes.start(label),
  processCall: (pid: number, payload: Uint8Array) => processes.call(pid, payload),
  processEnd: (pid: number) => processes.end(pid),
  processKill: (pid: number) => processes.kill(pid),
  sharedAlloc: (bytes: number) => processes.cells().alloc(bytes),
  sharedGet: (typecode: Typecode, offset: number) => processes.cells().get(typecode, offset),
  sharedSet: (typecode: Typecode, offset: number, value: number | bigint) => processes.cells().set(typecode, offset, value),
  sharedTryLock: (offset: number) => processes.cells().tryLock(offset),
  sharedUnlock: (offset: number) => processes.cells().unlock(offset),
  queueNew: () => processes.queues().create(),
  queuePut: (queue: number, item: Uint8Array) => processes.queues().put(queue, item),
  queueGet: (queue: number, timeoutMs: number) => processes.queues().get(queue, timeoutMs),
  queueSize: (queue: number) => processes.queues().size(queue),
};

function warm(): Promise<PyodideInterface> {
  pyodide ??= bootLanesPython({ host, onProgress: (progress) => post({ type: "loading", progress }), onSnapshot: (snapshot) => processes.useSnapshot(snapshot) });
  return pyodide;
}

async function run(source: string, switchTicks: Int32Array): Promise<void> {
  if (USES_PROCESSES.test(source)) processes.prewarm(processesWanted(source));
  const py = await warm();
  py.setInterruptBuffer(switchTicks);
  const driver = py.pyimport("lanes_driver") as PyProxy & { run: PyCallable };
  const t0 = performance.now();
  trace = new WorkerTrace(t0, post);
  processes.beginRun(source, performance.timeOrigin + t0);
  post({ type: "started" });
  let result: unknown;
  try {
    result = JSPI ? await driver.run.callPromising(source) : driver.run(source);
    if (typeof result !== "string") result = await (result as Promise<string>);
  } finally {
    processes.endRun();
  }
  const wallMs = trace.now();
  driver.destroy();
  trace.flush();
  const parsed = JSON.parse(String(result)) as { ok: boolean; message?: string; line?: number };
  post({ type: "done", ok: parsed.ok, message: parsed.message, line: parsed.line ?? undefined, wallMs, jspi: JSPI });
}

self.onmessage = (event: MessageEvent<ToPythonWorker>) => {
  const message = event.data;
  const failed = (error: unknown) => post({ type: "failed", message: `Python could not start: ${error instanceof Error ? error.message : String(error)}` });
  if (message.type === "warm") warm().catch(failed);
  if (message.type === "run") run(message.source, message.switchTicks).catch(failed);
};
