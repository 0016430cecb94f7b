import type { RunnerImpl } from "./runner";
import { Executor } from "./page/executor";
import { runOnPage } from "./page/run-on-page";

/**
 * `async`: tasks are async functions sharing the page's one thread (asyncio, or threads under
 * the GIL). A pool lets at most `workers` be in flight; sleep is a timer, so waiting overlaps,
 * but computing never does.
 */
export const asyncRunner: RunnerImpl = {
  runner: "async",
  run(program, options) {
    return runOnPage("async", program, options, {
      threadLane: "page",
      schedule: {
        sleep: "timer",
        taskLane: (id) => `task:${id}`,
        poolExecutor: (size) => new Executor(size),
        spawnExecutor: () => new Executor(Infinity),
        poolSize: (requested) => requested ?? navigator.hardwareConcurrency ?? 4,
      },
    });
  },
};
