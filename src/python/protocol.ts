// Every message between the page (python-runner) and the Python worker: one union each way.
import type { LoadingProgress } from "../runners/runner";
import type { Lane, OutputLine, Span } from "../trace/run";

/** Page -> worker. */
export type ToPythonWorker =
  /** Load Pyodide now (the first run, or a replacement worker warming up). */
  | { type: "warm" }
  /** Run a program. `switchTicks` is the SharedArrayBuffer the switch ticker writes into. */
  | { type: "run"; source: string; switchTicks: Int32Array };

/** How far Pyodide's loading is: bytes of its files fetched, then the interpreter starting. */
export type LoadProgress = LoadingProgress;

/** Worker -> page. Times are ms since the program started (its main() was called). */
export type FromPythonWorker =
  | { type: "loading"; progress: LoadProgress }
  /** The worker could not load Python or run the driver (not a Python error: those end in done). */
  | { type: "failed"; message: string }
  | { type: "started" }
  | { type: "events"; lanes: Lane[]; spans: Span[]; output: OutputLine[] }
  | { type: "done"; ok: boolean; message?: string; line?: number; wallMs: number; jspi: boolean };

/** Main Python worker -> a process worker (python-worker-process.ts). */
export type ToProcessWorker =
  /** Load Pyodide now, before any job (a warm pool): from the main worker's memory snapshot,
   *  when it has one (about half the start-up: Python is not initialised again). */
  | { type: "warm"; snapshot?: Uint8Array }
  /** Run one pickled call in this process. A new `run` (or `label`) means a new process: the
   *  program is imported afresh as `__mp_main__` first. `t0` is the run's start, epoch ms. */
  | { type: "job"; run: number; label: string; lanePrefix: string; source: string; t0: number; shared: SharedArrayBuffer; id: number; payload: Uint8Array }
  /** The answer to a queue-get: the item's pickled bytes, or null (timed out). */
  | { type: "queue-item"; request: number; item: Uint8Array | null };

/** A process worker -> the main Python worker. */
export type FromProcessWorker =
  | { type: "events"; run: number; lanes: Lane[]; spans: Span[]; output: OutputLine[] }
  /** A job's pickled outcome (("ok", value, None) or ("error", exception, traceback)). */
  | { type: "result"; id: number; data: Uint8Array }
  /** Python could not load, or the job could not be run at all. */
  | { type: "failed"; id?: number; message: string }
  | { type: "queue-put"; queue: number; item: Uint8Array }
  | { type: "queue-get"; queue: number; request: number; timeoutMs: number };
