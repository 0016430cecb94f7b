import type { RunnerImpl } from "./runner";
import { Executor } from "./page/executor";
import { runOnPage } from "./page/run-on-page";
import { fleet } from "./workers/fleet";
import { WorkersHost } from "./workers/workers-host";

/**
 * `workers`: main() runs on the page; every task runs in a Web Worker of a pool (processes in
 * Python), one task at a time per worker, in parallel up to the number of cores.
 */
export const workersRunner: RunnerImpl = {
  runner: "workers",
  prepare(source, moduleUrl) {
    fleet.prepare(source);
    fleet.preload(moduleUrl);
  },
  abandon(moduleUrl) {
    fleet.discard(moduleUrl);
  },
  async run(program, options) {
    fleet.prepare(program.source);
    let host: WorkersHost | undefined;
    const run = await runOnPage("workers", program, options, {
      threadLane: null,
      schedule: {
        sleep: "timer",
        taskLane: () => "main",
        poolExecutor: () => new Executor(Infinity),
        spawnExecutor: () => new Executor(Infinity),
        poolSize: (requested) => requested ?? navigator.hardwareConcurrency ?? 4,
        crossThread: true,
      },
      host: (run, page) => (host = new WorkersHost(run, program, page)),
      remoteWaits: () => {
        let calls = 0;
        let generation = 0;
        for (const pool of host?.pools ?? []) {
          const stuck = pool.stuck();
          calls += stuck.calls;
          generation += stuck.generation;
        }
        return { calls, generation, waits: () => (host?.pools ?? []).flatMap((pool) => pool.blocked()) };
      },
      cleanup: (_run, stopped) => {
        for (const pool of host?.pools ?? []) {
          if (stopped) fleet.replace(pool.slots);
          else fleet.release(pool.slots);
        }
        // The pool's workers loaded the program, so it loads in a worker; unless the run was
        // stopped, idle ones still importing it will finish.
        if (stopped) fleet.discard(program.moduleUrl);
      },
    });
    if (!globalThis.crossOriginIsolated) run.notes = [NOT_ISOLATED];
    return run;
  },
};

/** Said once per workers run on a page without cross-origin isolation. */
export const NOT_ISOLATED =
  "This page is not cross-origin isolated (its host sends no COOP/COEP headers), so there is no SharedArrayBuffer: " +
  "sleep() in a worker waits on a timer instead of blocking it (still one task at a time, so the timeline is the same), " +
  "and clocks tick in 0.1 ms instead of 5 µs, so very short spans may not show.";
