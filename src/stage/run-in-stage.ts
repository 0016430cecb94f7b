// The app's runProgram: the same signature as the runners' own (runners/run-program.ts), but
// every runner's run happens in a fresh stage (stage-pool.ts), and what comes back is checked
// (validate-run.ts). The app never waits on the stage to give up: Stop, the time limit and a
// stage that died or sent nonsense all end the run here, by discarding the stage — whatever
// the program is doing there, an endless loop included.
import { OUT_OF_MEMORY } from "../runners/page/memory-limit";
import { DEFAULT_TIME_LIMIT_MS, timeLimitMessage } from "../runners/page/time-limit";
import { OneAtATime } from "../runners/one-at-a-time";
import { paintedOrSoon, runProgram as runInWorkers, whenIdle as whenRunnersIdle } from "../runners/run-program";
import type { LoadingProgress, TaskProgress } from "../runners/runner";
import type { ProgramFile } from "../compile/program-files";
import type { Run, Runner, RunError } from "../trace/run";
import { StageUnavailable, type StageEvent, type StageFrame } from "./stage-frame";
import { filesOf, noteCalibration, runEnded, takeStage } from "./stage-pool";

/** Past its limit, a stage gets this long to end the run itself (it checks every 100 ms) before the app ends it. */
const LIMIT_GRACE_MS = 600;

export interface RunProgramOptions {
  signal: AbortSignal;
  /** Every run so far, the last one live (with its task progress), whenever something changed. */
  onUpdate?(runs: Run[], progress?: TaskProgress): void;
  trace?: boolean;
  /** Per run (each runner has its own): see RunOptions.timeLimitMs. */
  timeLimitMs?: number;
  /** Where to show the program's page while it runs (a playground's slot); out of sight if absent. */
  showIn?: HTMLElement | null;
  /** A runner's runtime loading before its first run (python: Pyodide). */
  onLoading?(progress: LoadingProgress): void;
  /** The program's helper files (not Python's), importable as "./<name>". */
  files?: readonly ProgramFile[];
}

// The app's own one-at-a-time (stage runs); runners/run-program.ts keeps its own for the runs
// it makes itself (Python, and programs where there can be no stage), which start inside these.
const runs = new OneAtATime();

/** The runs of the most recent program that finished, from any playground or automation. */
export function latestRuns(): Run[] {
  return runs.latest;
}

/** Run `source` under each runner in turn, each in a fresh stage; starting a run stops the one in progress. */
export function runProgram(source: string, runners: readonly Runner[], options: RunProgramOptions): Promise<Run[]> {
  return runs.run(options.signal, (signal) => runAll(source, runners, { ...options, signal }));
}

/** Resolves once no program is running on this page, in a stage or not (at once when none is). */
export async function whenIdle(): Promise<void> {
  await runs.whenIdle();
  await whenRunnersIdle();
}

async function runAll(source: string, runners: readonly Runner[], options: RunProgramOptions): Promise<Run[]> {
  const runs: Run[] = [];
  for (const runner of runners) {
    if (runs.length > 0) await paintedOrSoon(); // let the app draw the previous run first
    if (options.signal.aborted) break;
    const run =
      runner === "python"
        ? await runPython(source, options, runs)
        : ((await runInStage(source, runner, options, runs)) ?? (await runWithoutStage(source, runner, options, runs)));
    runs.push(run);
    options.onUpdate?.([...runs]);
    if (!run.ok && run.wallMs === 0 && run.spans.length === 0) break; // did not compile or load: same for every runner
  }
  return runs;
}

// Python never runs in the app's realm either: the python runner is a worker of its own (its
// script has no DOM, and takes fetch and its kin away before any program runs), and Stop
// terminates it. It needs no stage.
async function runPython(source: string, options: RunProgramOptions, done: Run[]): Promise<Run> {
  const runs = await runInWorkers(source, ["python"], {
    signal: options.signal,
    trace: options.trace,
    timeLimitMs: options.timeLimitMs,
    onLoading: options.onLoading,
    onUpdate: (update, progress) => options.onUpdate?.([...done, ...update], progress),
  });
  return runs[0] ?? stoppedRun("python");
}

/**
 * A host whose Content-Security-Policy refuses the stage's boot script (an old or hand-written
 * policy without its hash) gives no stage: the program runs on the app's page, as it did
 * before stages, confined by the CSP and the loop guard only, and says so.
 */
async function runWithoutStage(source: string, runner: Runner, options: RunProgramOptions, done: Run[]): Promise<Run> {
  const runs = await runInWorkers(source, [runner], {
    signal: options.signal,
    files: options.files,
    trace: options.trace,
    timeLimitMs: options.timeLimitMs,
    onUpdate: (update, progress) => options.onUpdate?.([...done, ...update], progress),
  });
  const run = runs[0] ?? stoppedRun(runner);
  return { ...run, notes: [NO_STAGE, ...(run.notes ?? [])] };
}

export const NO_STAGE =
  "This site does not let Lanes give the program a page of its own (its Content-Security-Policy does not allow the page's boot script), so it ran on Lanes' own page: an endless loop there freezes Lanes too, until the loop guard or the time limit ends it. docs/deploying.md gives the policy a host should send.";

/** The run in a fresh stage; undefined when this host can give no stage (see runWithoutStage). */
function runInStage(source: string, runner: Runner, options: RunProgramOptions, done: Run[]): Promise<Run | undefined> {
  const limitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  return new Promise<Run | undefined>((resolve) => {
    let stage: StageFrame | undefined;
    let last: Run | undefined;
    let startedAt: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const finish = (run: Run) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener("abort", onAbort);
      stage?.discard();
      runEnded(source, options.files);
      resolve(run);
    };
    /** The run as the app last saw it, ended by the app (the stage could not say it itself). */
    const endedHere = (error: RunError) => {
      const wallMs = startedAt === undefined ? 0 : performance.now() - startedAt;
      finish({ ...(last ?? emptyRun(runner)), ok: false, error, wallMs: Math.max(wallMs, last?.wallMs ?? 0) });
    };
    // The stage's own watch ends a run at its limit; this ends one whose stage cannot (a frozen thread).
    const watch = (ms: number, message: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => endedHere({ message }), ms);
    };
    // Stop does not wait on the stage: whatever the program is doing there, discarding the
    // stage ends it, and the run is what the app last saw of it.
    const onAbort = () => (stage ? endedHere({ message: STOPPED }) : finish(stoppedRun(runner)));
    options.signal.addEventListener("abort", onAbort);
    const onEvent = (event: StageEvent) => {
      if (event.kind === "lost") return endedHere({ message: LOST });
      if (event.kind === "navigated") return endedHere({ message: NAVIGATED });
      if (event.kind === "invalid") return endedHere({ message: event.message });
      const message = event.message;
      switch (message.type) {
        case "started":
          startedAt = performance.now();
          if (!options.signal.aborted) watch(limitMs + LIMIT_GRACE_MS, timeLimitMessage(runner, limitMs));
          return;
        case "update":
          last = message.run;
          options.onUpdate?.([...done, message.run], message.progress ?? undefined);
          return;
        case "done":
          noteCalibration(message.itersPerMs);
          return finish(message.run);
        case "fault":
          return endedHere({ message: message.message });
        case "ready":
          return;
      }
    };
    takeStage().then(
      (taken) => {
        stage = taken;
        if (settled || options.signal.aborted) return finish(stoppedRun(runner));
        if (options.showIn) taken.showIn(options.showIn);
        taken.listen(runner, onEvent);
        // Loading the program (its top-level code) has the same limit as the run; compiling it comes first.
        watch(limitMs + LIMIT_GRACE_MS + COMPILE_ALLOWANCE_MS, loadLimitMessage(limitMs));
        taken.send({ type: "run", source, ...filesOf(options.files), runner, trace: options.trace !== false, timeLimitMs: limitMs });
      },
      (error: unknown) => {
        if (error instanceof StageUnavailable && !settled) {
          settled = true;
          options.signal.removeEventListener("abort", onAbort);
          return resolve(undefined);
        }
        finish({ ...emptyRun(runner), error: { message: error instanceof Error ? error.message : String(error) } });
      },
    );
  });
}

/** Compiling comes before the load's limit starts: up to ~0.3 s in a fresh stage here. */
const COMPILE_ALLOWANCE_MS = 1000;

function loadLimitMessage(limitMs: number): string {
  return `The program's top-level code ran for more than ${limitMs / 1000} s as it loaded. Code outside functions runs when the program loads, before main().`;
}

const STOPPED = "Stopped before the program finished.";
const NAVIGATED =
  "The program navigated its page away (location.href, location.assign or a meta refresh), which ended the run: a program runs on its own page and cannot leave it. Remove the navigation and run it again.";
// The browser kills a page whose process runs out of memory (a worker's included): its stage goes silent.
const LOST = `${OUT_OF_MEMORY} (The browser closed the program's page: its memory ran out.)`;

function emptyRun(runner: Runner): Run {
  return { runner, ok: false, wallMs: 0, lanes: [], spans: [], output: [], tasks: [] };
}

function stoppedRun(runner: Runner): Run {
  return { ...emptyRun(runner), error: { message: STOPPED } };
}
