import { installHost, type Host } from "../../runtime/host";
import type { Run, Runner } from "../../trace/run";
import { locateError } from "../locate-error";
import type { LoadedProgram, RunOptions } from "../runner";
import { forgetSyncObjects } from "../../runtime/sync/sync-object";
import { deadlockMessage, type RemoteWait } from "./deadlock";
import { FrameMonitor } from "./frame-monitor";
import { PageHost, type PageSchedule } from "./page-host";
import { PageRun } from "./page-run";
import { DEFAULT_TIME_LIMIT_MS } from "./time-limit";

/**
 * Live views are drawn on the page's thread, the thread main and async tasks run on: update
 * those less often than workers runs, whose tasks the drawing cannot slow down.
 */
/** Prints that may send a live update at once (see onPrinted below). */
const EAGER_PRINTS = 200;
const LIVE_UPDATE_MS: Record<Runner, number> = { main: 250, async: 250, workers: 100, python: 100 };
/** How long nothing may happen, with tasks unfinished, before the run is declared stuck. */
const DEADLOCK_AFTER_MS = 1000;

export interface PageRunSetup {
  /** Lane mirroring who holds the page's thread (async), or null (main: tasks run on `page`). */
  threadLane: string | null;
  schedule: PageSchedule;
  /** The host for this run; by default the page host itself. */
  host?(run: PageRun, page: PageHost): Host;
  /** After the run ended (or was stopped): release what the run held. */
  cleanup?(run: PageRun, stopped: boolean): void;
  /**
   * Workers blocked on Lanes objects: how many calls in flight they hold (stuck, not busy), a
   * number that changes whenever any of their waits does, and what they wait on.
   */
  remoteWaits?(): { calls: number; generation: number; waits(): RemoteWait[] };
}

/** Drive one run whose driver, main(), runs on the page: all three runners start here. */
export async function runOnPage(runner: Runner, program: LoadedProgram, options: RunOptions, setup: PageRunSetup): Promise<Run> {
  const run = new PageRun(runner, setup.threadLane, (error) => locateError(error, program.moduleUrl, program.lineMap, program.helpers), options.trace !== false);
  if (runner === "main") run.recorder.addLane({ id: "page", label: "page thread", kind: "thread" });
  const page = new PageHost(run, setup.schedule);
  const restoreHost = installHost(setup.host?.(run, page) ?? page);
  run.limitTo(options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const onAbort = () => run.abort();
  options.signal.addEventListener("abort", onAbort);
  let quietSince = -1;
  let generation = 0;
  let lastUpdate = -Infinity;
  const update = () => {
    if (run.now() - lastUpdate < LIVE_UPDATE_MS[runner]) return;
    lastUpdate = run.now();
    options.onUpdate?.(run.snapshot(), run.progress);
  };
  // A print sends its update at once when none went lately: a program that prints and then
  // holds its page's thread for good (a loop with no loop statement, a regular expression)
  // has still shown what it printed when the app ends its run. At most one per interval, and
  // only for a run's first prints: a snapshot copies the whole output, and a loop printing
  // 100,000 lines would pay for a growing copy every interval (the interval's own updates,
  // when the page is free, carry the rest).
  let printed = 0;
  run.onPrinted = () => {
    printed += 1;
    if (printed <= EAGER_PRINTS) update();
  };
  const watch = setInterval(() => {
    if (run.checkLimits()) return;
    update();
    const remote = setup.remoteWaits?.();
    const moved = remote !== undefined && remote.generation !== generation;
    generation = remote?.generation ?? 0;
    if (!run.quiet(remote?.calls) || moved) quietSince = -1;
    else if (quietSince < 0) quietSince = run.now();
    else if (run.now() - quietSince >= DEADLOCK_AFTER_MS) run.fail({ message: deadlockMessage(runner, run, remote?.waits()) });
  }, LIVE_UPDATE_MS.workers);
  const frames = new FrameMonitor(run.t0);
  frames.start();
  try {
    if (options.signal.aborted) run.abort();
    const result = await run.start(program.main);
    const report = frames.stop(result.wallMs);
    if (report) result.frames = report;
    return result;
  } finally {
    frames.stop(0);
    clearInterval(watch);
    options.signal.removeEventListener("abort", onAbort);
    restoreHost();
    forgetSyncObjects();
    setup.cleanup?.(run, run.aborted);
  }
}
