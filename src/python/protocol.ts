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
