import type { LineMap } from "../compile/transpile";
import type { Run, Runner } from "../trace/run";

/** A compiled program, imported afresh for each run so module-level state never leaks between runs. */
export interface LoadedProgram {
  /** The student's source, as typed. */
  source: string;
  /** Compiled JavaScript (an ES module importing the lanes shim by URL). */
  js: string;
  /** Places in `js` -> places in `source`, made by the one compile of this source. */
  lineMap: LineMap;
  /** Blob URL of `js` for this run: the page imported it, workers import it too. */
  moduleUrl: string;
  /** The helper files' modules for this run (the main module imports them by these URLs), with their line maps. */
  helpers: LoadedHelper[];
  /** The module namespace imported on the page. */
  exports: Record<string, unknown>;
  main: () => unknown;
}

/** A helper file's module as loaded for one run. */
export interface LoadedHelper {
  file: string;
  url: string;
  lineMap: LineMap;
}

/** Tasks started so far, and how many of them have ended. */
export interface TaskProgress {
  submitted: number;
  done: number;
}

export interface RunOptions {
  signal: AbortSignal;
  /** Called with a live snapshot while the run is in progress (at most ~10×/s). */
  onUpdate?(run: Run, progress: TaskProgress): void;
  /** Record spans and output (on by default); benchmarks switch it off to measure its cost. */
  trace?: boolean;
  /** Stop the run (not ok) when it takes longer than this; default DEFAULT_TIME_LIMIT_MS (30 s). */
  timeLimitMs?: number;
  /** A runner that must load first (python: Pyodide, megabytes) reports how far it is. */
  onLoading?(progress: LoadingProgress): void;
}

/** Loading a runner's own runtime before its first run: bytes fetched, then starting it. */
export interface LoadingProgress {
  phase: "download" | "start" | "ready";
  loaded: number;
  total: number;
}

/** main, async and workers all implement this: program in, Run out, AbortSignal for Stop. */
export interface RunnerImpl {
  readonly runner: Runner;
  /** Called with the program's module URL before the page imports it, to get ready alongside. */
  prepare?(source: string, moduleUrl: string): void;
  /** The program prepared for did not load on the page: undo `prepare` (its top-level code may never end). */
  abandon?(moduleUrl: string): void;
  run(program: LoadedProgram, options: RunOptions): Promise<Run>;
  /** A runner of another language than the lanes TypeScript (python) takes the source as typed:
   *  nothing is compiled or loaded on the page, and `run` is not called. */
  runSource?(source: string, options: RunOptions): Promise<Run>;
}
