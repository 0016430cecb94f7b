import type { ProgramFile } from "../compile/program-files";
import { calibration } from "../runtime/work";
import type { Runner } from "../trace/run";
import { runnerLoaders } from "./run-program";

/**
 * Gets a first Run as fast as a later one, while the page is idle: loads the runners' code and
 * the compiler, compiles `source` once (sucrase's first call costs about 90 ms, later ones 1–2),
 * measures work()'s calibration and, for `workers`, starts `workers` workers for this program
 * (15–25 ms each, the page's first up to 160 ms). Never throws: a program that does not compile
 * says so when it is run.
 */
export async function warmUp(source: string, runners: readonly Runner[], workers = navigator.hardwareConcurrency || 4, files: readonly ProgramFile[] = []): Promise<void> {
  try {
    calibration();
    const [{ compile }] = await Promise.all([import("./load-program"), ...runners.map((r) => runnerLoaders[r]())]);
    try {
      compile(source, files);
    } catch {
      // The student sees the compile error when they run it.
    }
    if (runners.includes("workers")) {
      const { fleet } = await import("./workers/fleet");
      fleet.prepare(source);
      fleet.warm(Math.max(0, workers - fleet.idleCount));
    }
  } catch (error) {
    console.warn("lanes: getting ready to run failed; the first run will start from cold.", error);
  }
}
