import { CompileError } from "../compile/compile-error";
import type { ProgramFile } from "../compile/program-files";
import { calibration } from "../runtime/work";
import type { Run, Runner, RunError } from "../trace/run";
import { DEFAULT_TIME_LIMIT_MS } from "./page/time-limit";
import { OneAtATime } from "./one-at-a-time";
import type { LoadingProgress, RunnerImpl, TaskProgress } from "./runner";

// Runners load on first use, so a page that never runs workers never loads the worker pool.
export const runnerLoaders: Record<Runner, () => Promise<RunnerImpl>> = {
  main: () => import("./main-runner").then((m) => m.mainRunner),
  async: () => import("./async-runner").then((m) => m.asyncRunner),
  workers: () => import("./workers-runner").then((m) => m.workersRunner),
  python: () => import("../python/python-runner").then((m) => m.pythonRunner),
};

export interface RunProgramOptions {
  signal: AbortSignal;
  /** Every run so far, the last one live (with its task progress), whenever something changed. */
  onUpdate?(runs: Run[], progress?: TaskProgress): void;
  trace?: boolean;
  /** Called when a runner's program has loaded, just before main() is called (its time limit starts). */
  onStart?(runner: Runner): void;
  /** Per run (each runner has its own): see RunOptions.timeLimitMs. */
  timeLimitMs?: number;
  /** A runner's runtime loading before its first run (python: Pyodide). */
  onLoading?(progress: LoadingProgress): void;
  /** The program's helper files (the lesson's ```ts file=… blocks), importable as "./<name>"; python ignores them. */
  files?: readonly ProgramFile[];
}

// One program runs at a time on a page (the lanes host is global to the realm).
const runs = new OneAtATime();

/** The runs of the most recent program that finished, from any playground or automation. */
export function latestRuns(): Run[] {
  return runs.latest;
}

/** Compile `source` and run it under each runner in turn (never at once: they would share cores). */
export function runProgram(source: string, runners: readonly Runner[], options: RunProgramOptions): Promise<Run[]> {
  return runs.run(options.signal, (signal) => runAll(source, runners, { ...options, signal }));
}

/** Resolves once no program is running here (at once when none is). */
export function whenIdle(): Promise<void> {
  return runs.whenIdle();
}

async function runAll(source: string, runners: readonly Runner[], options: RunProgramOptions): Promise<Run[]> {
  const runs: Run[] = [];
  calibration(); // measured once per page, before any run's clock starts
  for (const runner of runners) {
    // The page's thread is what main and async measure: let the UI draw the previous run first.
    // (Before the first run there is nothing new to draw: the run starts at once.)
    if (runs.length > 0) await paintedOrSoon();
    if (options.signal.aborted) break;
    const run = await runOne(source, runner, options, runs);
    runs.push(run);
    options.onUpdate?.([...runs]);
    if (!run.ok && run.wallMs === 0 && run.spans.length === 0) break; // did not compile or load: same for every runner
  }
  return runs;
}

async function runOne(source: string, runner: Runner, options: RunProgramOptions, done: Run[]): Promise<Run> {
  const live = (update: Run, progress: TaskProgress) => options.onUpdate?.([...done, update], progress);
  // The compiler loads alongside the runner; python takes the source itself and needs none.
  const compiler = runner === "python" ? undefined : import("./load-program");
  const impl = await runnerLoaders[runner]();
  if (impl.runSource) {
    return impl.runSource(source, { signal: options.signal, trace: options.trace, timeLimitMs: options.timeLimitMs, onUpdate: live, onLoading: options.onLoading });
  }
  const { loadProgram, unloadProgram } = await (compiler ?? import("./load-program"));
  let program;
  let preparedUrl: string | undefined;
  try {
    const limitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
    program = await loadProgram(source, limitMs, (moduleUrl) => {
      preparedUrl = moduleUrl;
      impl.prepare?.(source, moduleUrl);
    }, options.files);
  } catch (error) {
    if (preparedUrl) impl.abandon?.(preparedUrl);
    return failedRun(runner, error instanceof CompileError ? error.toRunError() : { message: String(error) });
  }
  options.onStart?.(runner);
  try {
    return await impl.run(program, {
      signal: options.signal,
      trace: options.trace,
      timeLimitMs: options.timeLimitMs,
      onUpdate: live,
    });
  } finally {
    unloadProgram(program);
  }
}

/** After the next painted frame (two rAFs), or 150 ms where frames do not come (a hidden tab). */
export function paintedOrSoon(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 150);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}

function failedRun(runner: Runner, error: RunError): Run {
  return { runner, ok: false, error, wallMs: 0, lanes: [], spans: [], output: [], tasks: [] };
}
