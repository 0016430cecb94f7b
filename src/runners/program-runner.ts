import { CompileError } from "../compile/compile-error";
import type { ProgramFile } from "../compile/program-files";
import { calibration } from "../runtime/work";
import type { Run, Runner, RunError } from "../trace/run";
import { DEFAULT_TIME_LIMIT_MS } from "./page/time-limit";
import { OneAtATime } from "./one-at-a-time";
import type { LoadingProgress, RunnerImpl, TaskProgress } from "./runner";

/** How a page gets each runner it can run: loaded on first use. */
export type RunnerLoaders = Partial<Record<Runner, () => Promise<RunnerImpl>>>;

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

export interface ProgramRunner {
  /** Compile `source` and run it under each runner in turn (never at once: they would share cores). */
  runProgram(source: string, runners: readonly Runner[], options: RunProgramOptions): Promise<Run[]>;
  /** Resolves once no program is running here (at once when none is). */
  whenIdle(): Promise<void>;
  /** The runs of the most recent program that finished, from any playground or automation. */
  latestRuns(): Run[];
}

/**
 * Runs programs with the runners `loaders` offers, one program at a time on a page (the lanes
 * host is global to the realm). A page imports only the runners it gives here: the stage gives
 * the TypeScript ones (typescript-runners.ts), the app all of them (run-program.ts).
 */
export function createProgramRunner(loaders: RunnerLoaders): ProgramRunner {
  const runs = new OneAtATime();

  async function runAll(source: string, runners: readonly Runner[], options: RunProgramOptions): Promise<Run[]> {
    const done: Run[] = [];
    calibration(); // measured once per page, before any run's clock starts
    for (const runner of runners) {
      // The page's thread is what main and async measure: let the UI draw the previous run first.
      // (Before the first run there is nothing new to draw: the run starts at once.)
      if (done.length > 0) await paintedOrSoon();
      if (options.signal.aborted) break;
      const load = loaders[runner];
      const run = load ? await runOne(source, runner, load, options, done) : failedRun(runner, { message: `The ${runner} runner does not run on this page.` });
      done.push(run);
      options.onUpdate?.([...done]);
      if (!run.ok && run.wallMs === 0 && run.spans.length === 0) break; // did not compile or load: same for every runner
    }
    return done;
  }

  return {
    runProgram: (source, runners, options) => runs.run(options.signal, (signal) => runAll(source, runners, { ...options, signal })),
    whenIdle: () => runs.whenIdle(),
    latestRuns: () => runs.latest,
  };
}

async function runOne(source: string, runner: Runner, load: () => Promise<RunnerImpl>, options: RunProgramOptions, done: Run[]): Promise<Run> {
  const live = (update: Run, progress: TaskProgress) => options.onUpdate?.([...done, update], progress);
  // The compiler loads alongside the runner; python takes the source itself and needs none.
  const compiler = runner === "python" ? undefined : import("./load-program");
  const impl = await load();
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
