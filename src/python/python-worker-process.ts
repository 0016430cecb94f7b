// One Python process of a run (multiprocessing, ProcessPoolExecutor): a Pyodide of its own in
// a Web Worker that the main Python worker started (process-pool.ts). It runs pickled calls
// one at a time; a new run, or a new process of the run, imports the program afresh as
// `__mp_main__` ("spawn" semantics), so functions are found by their qualified names.
import type { PyodideInterface } from "pyodide";
import type { PyCallable, PyProxy } from "pyodide/ffi";
import { bootLanesPython } from "./boot-lanes-python";
import type { FromProcessWorker, ToProcessWorker } from "./protocol";
import childSource from "./py/lanes_process_child.py?raw";
import { threadHost } from "./python-host";
import { SharedCells } from "./shared-cells";
import { WorkerTrace } from "./worker-trace";

const post = (message: FromProcessWorker) => self.postMessage(message);

let run = 0;
let trace = new WorkerTrace(0, () => undefined);
let cells: SharedCells | undefined;
let pyodide: Promise<PyodideInterface> | undefined;

// Queue gets wait for the main Python worker's answer.
const gets = new Map<number, (item: Uint8Array | null) => void>();
let nextGet = 1;

const host = {
  ...threadHost(() => trace),
  ...processHostForChild(),
};

function processHostForChild() {
  const noProcesses = () => {
    throw new Error("Lanes starts processes from the main process only.");
  };
  return {
    isChild: true,
    processStart: noProcesses,
    processCall: noProcesses,
    processEnd: noProcesses,
    processKill: noProcesses,
    sharedAlloc: () => {
      throw new Error("Create a multiprocessing Value, Array or Lock in the main process, and pass it to the process.");
    },
    sharedGet: (typecode: "i", offset: number) => shared().get(typecode, offset),
    sharedSet: (typecode: "i", offset: number, value: number) => shared().set(typecode, offset, value),
    sharedTryLock: (offset: number) => shared().tryLock(offset),
    sharedUnlock: (offset: number) => shared().unlock(offset),
    queueNew: () => {
      throw new Error("Create a multiprocessing Queue in the main process, and pass it to the process.");
    },
    queuePut: (queue: number, item: Uint8Array) => post({ type: "queue-put", queue, item }),
    queueGet: (queue: number, timeoutMs: number) =>
      new Promise<Uint8Array | null>((resolve) => {
        const request = nextGet++;
        gets.set(request, resolve);
        post({ type: "queue-get", queue, request, timeoutMs });
      }),
    queueSize: () => -1,
  };
}

function shared(): SharedCells {
  if (!cells) throw new Error("This process has no shared memory.");
  return cells;
}

function warm(snapshot?: Uint8Array): Promise<PyodideInterface> {
  pyodide ??= bootLanesPython({ host, onProgress: () => undefined, modules: { "lanes_process_child.py": childSource }, imports: "import lanes_process_child", snapshot });
  return pyodide;
}

let jobs: Promise<void> = Promise.resolve();

async function job(m: Extract<ToProcessWorker, { type: "job" }>): Promise<void> {
  const py = await warm();
  if (m.run !== run) {
    run = m.run;
    trace = new WorkerTrace(m.t0 - performance.timeOrigin, (e) => {
      if (e.type === "events") post({ type: "events", run: m.run, lanes: e.lanes, spans: e.spans, output: e.output });
    });
  }
  if (cells?.buffer !== m.shared) cells = new SharedCells(m.shared);
  const child = py.pyimport("lanes_process_child") as PyProxy & { job: PyCallable };
  try {
    const data = (await child.job.callPromising(m.run, m.label, m.lanePrefix, m.source, m.payload)) as Uint8Array;
    trace.flush();
    post({ type: "result", id: m.id, data });
  } finally {
    child.destroy();
  }
}

self.onmessage = (event: MessageEvent<ToProcessWorker>) => {
  const m = event.data;
  if (m.type === "warm") warm(m.snapshot).catch((error: unknown) => post({ type: "failed", message: `Python could not start in a process: ${String(error)}` }));
  if (m.type === "queue-item") {
    gets.get(m.request)?.(m.item);
    gets.delete(m.request);
  }
  if (m.type === "job") {
    jobs = jobs.then(() => job(m)).catch((error: unknown) => post({ type: "failed", id: m.id, message: `The process could not run the call: ${String(error)}` }));
  }
};
