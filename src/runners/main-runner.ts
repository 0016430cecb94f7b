import type { RunnerImpl } from "./runner";
import { Executor } from "./page/executor";
import { runOnPage } from "./page/run-on-page";

/**
 * `main`: a plain sequential script. Every task, from every pool and every spawn, runs on the
 * page's thread one after another in the order started, each to its end; sleep blocks the thread.
 */
export const mainRunner: RunnerImpl = {
  runner: "main",
  run(program, options) {
    const serial = new Executor(1);
    return runOnPage("main", program, options, {
      threadLane: null,
      schedule: {
        sleep: "spin",
        taskLane: () => "page",
        poolExecutor: () => serial,
        spawnExecutor: () => serial,
        poolSize: (requested) => requested ?? navigator.hardwareConcurrency ?? 4,
      },
    });
  },
};
