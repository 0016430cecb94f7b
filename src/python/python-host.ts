// What the Python side calls (`import _lanes_host`) for its threads, sleeps and trace: the same
// in the main Python worker and in each process worker (each with its own trace).
import type { PyCallable } from "pyodide/ffi";
import type { WorkerTrace } from "./worker-trace";

// Macrotask yields for the switch interval: a MessageChannel, since nested setTimeout(0)s are
// clamped to 4 ms.
const yields: ((value: undefined) => void)[] = [];
const yieldChannel = new MessageChannel();
yieldChannel.port1.onmessage = () => yields.shift()?.(undefined);

/** The thread and trace half of `_lanes_host`; `trace()` is the current run's. */
export function threadHost(trace: () => WorkerTrace) {
  return {
    now: () => trace().now(),
    lane: (id: string, label: string, kind: "thread" | "task") => trace().lane(id, label, kind),
    /** `label`: what a blocked span waits for ("waits for a Lock"), where the Python side knows. */
    span: (lane: string, state: "running" | "waiting" | "blocked" | "ready", start: number, end: number, label?: string) => trace().span(lane, state, start, end, label),
    out: (lane: string, stream: "stdout" | "stderr", text: string) => trace().out(lane, stream, text),
    /** Resolves with the time the timer fired (the thread is ready from then on). */
    sleep: (ms: number) => new Promise<number>((resolve) => setTimeout(() => resolve(trace().now()), ms)),
    deferred() {
      let resolve: (value: number) => void = () => undefined;
      const promise = new Promise<number>((r) => (resolve = r));
      return { promise, resolve };
    },
    resolveAfter: (deferred: { resolve(value: number): void }, ms: number) => setTimeout(() => deferred.resolve(trace().now()), ms),
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
          .catch((error: unknown) => trace().out("py:thread:1", "stderr", `Lanes could not run a thread: ${String(error)}`))
          .finally(() => body.destroy());
      });
    },
    /** os.cpu_count() as multiprocessing sees it: the browser's cores. */
    cores: () => navigator.hardwareConcurrency || 1,
  };
}

/** After Pyodide has fetched its files, the program gets no network: CSP lets a Python worker
 *  reach its own site (for those files), so what would reach it is taken away. */
export function closeNetwork(): void {
  for (const name of ["fetch", "XMLHttpRequest", "WebSocket", "WebSocketStream", "EventSource", "WebTransport", "importScripts", "Worker", "SharedWorker"]) {
    // fetch and importScripts live on WorkerGlobalScope.prototype, the constructors on the
    // global itself: delete each where it is defined.
    for (let o: object | null = self; o; o = Object.getPrototypeOf(o)) {
      if (Object.hasOwn(o, name)) Reflect.deleteProperty(o, name);
    }
  }
}
