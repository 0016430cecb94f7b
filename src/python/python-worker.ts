// The Python worker: one Pyodide, loaded on the first run and then kept warm, running one
// program at a time. Runaway Python is not stopped from in here: the page terminates this
// worker and starts a fresh one (see python-runner.ts).
import type { PyodideInterface } from "pyodide";
import type { PyCallable, PyProxy } from "pyodide/ffi";
import { loadPyodideWithProgress } from "./load-pyodide";
import type { FromPythonWorker, ToPythonWorker } from "./protocol";
import driverSource from "./py/lanes_driver.py?raw";
import threadSource from "./py/lanes_thread.py?raw";
import { WorkerTrace } from "./worker-trace";

const post = (message: FromPythonWorker) => self.postMessage(message);

/** Is WebAssembly stack switching (JSPI) here? Without it, threads cannot be emulated. */
const JSPI = typeof (WebAssembly as { Suspending?: unknown }).Suspending === "function";

let pyodide: Promise<PyodideInterface> | undefined;
let trace = new WorkerTrace(performance.now(), post);

// Macrotask yields for the switch interval: a MessageChannel, since nested setTimeout(0)s are
// clamped to 4 ms.
const yields: ((value: undefined) => void)[] = [];
const yieldChannel = new MessageChannel();
yieldChannel.port1.onmessage = () => yields.shift()?.(undefined);

/** What lanes_thread and lanes_driver call (`import _lanes_host`). */
const host = {
  now: () => trace.now(),
  lane: (id: string, label: string, kind: "thread" | "task") => trace.lane(id, label, kind),
  span: (lane: string, state: "running" | "waiting" | "blocked" | "ready", start: number, end: number) => trace.span(lane, state, start, end),
  out: (lane: string, stream: "stdout" | "stderr", text: string) => trace.out(lane, stream, text),
  /** Resolves with the time the timer fired (the thread is ready from then on). */
  sleep: (ms: number) => new Promise<number>((resolve) => setTimeout(() => resolve(trace.now()), ms)),
  deferred() {
    let resolve: (value: number) => void = () => undefined;
    const promise = new Promise<number>((r) => (resolve = r));
    return { promise, resolve };
  },
  resolveAfter: (deferred: { resolve(value: number): void }, ms: number) => setTimeout(() => deferred.resolve(trace.now()), ms),
  yieldNow: () =>
    new Promise<undefined>((resolve) => {
      yields.push(resolve);
      yieldChannel.port2.postMessage(0);
    }),
  /** A new thread's body on its own stack: it starts once the running stack lets go. */
  startThread(body: PyCallable) {
    queueMicrotask(() => {
      body
        .callPromising()
        .catch((error: unknown) => trace.out("py:thread:1", "stderr", `Lanes could not run a thread: ${String(error)}`))
        .finally(() => body.destroy());
    });
  },
};

/** After Pyodide has fetched its files, the program gets no network: CSP lets this worker
 *  reach its own site (for those files), so what would reach it is taken away. */
function closeNetwork(): void {
  for (const name of ["fetch", "XMLHttpRequest", "WebSocket", "WebSocketStream", "EventSource", "WebTransport", "importScripts", "Worker", "SharedWorker"]) {
    // fetch and importScripts live on WorkerGlobalScope.prototype, the constructors on the
    // global itself: delete each where it is defined.
    for (let o: object | null = self; o; o = Object.getPrototypeOf(o)) {
      if (Object.hasOwn(o, name)) Reflect.deleteProperty(o, name);
    }
  }
}

function warm(): Promise<PyodideInterface> {
  pyodide ??= loadPyodideWithProgress((progress) => post({ type: "loading", progress })).then((py) => {
    py.FS.mkdirTree("/lanes");
    py.FS.writeFile("/lanes/lanes_thread.py", threadSource);
    py.FS.writeFile("/lanes/lanes_driver.py", driverSource);
    py.registerJsModule("_lanes_host", host);
    py.runPython("import sys; sys.path.insert(0, '/lanes'); import lanes_driver; lanes_driver.warm()");
    closeNetwork();
    return py;
  });
  return pyodide;
}

async function run(source: string, switchTicks: Int32Array): Promise<void> {
  const py = await warm();
  py.setInterruptBuffer(switchTicks);
  const driver = py.pyimport("lanes_driver") as PyProxy & { run: PyCallable };
  trace = new WorkerTrace(performance.now(), post);
  post({ type: "started" });
  let result: unknown = JSPI ? await driver.run.callPromising(source) : driver.run(source);
  if (typeof result !== "string") result = await (result as Promise<string>);
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
