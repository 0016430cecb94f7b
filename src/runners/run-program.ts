// The app's program runner: every runner, Python's included. The app itself runs only Python
// here (in its own worker) and, on a host that gives no stage, the TypeScript runners; the
// stage has its own runner with the TypeScript runners only (stage-main.ts).
import type { Runner } from "../trace/run";
import { createProgramRunner } from "./program-runner";
import type { RunnerImpl } from "./runner";
import { typescriptRunners } from "./typescript-runners";

export { paintedOrSoon } from "./program-runner";

export const runnerLoaders: Record<Runner, () => Promise<RunnerImpl>> = {
  ...typescriptRunners,
  python: () => import("../python/python-runner").then((m) => m.pythonRunner),
};

export const { runProgram, whenIdle, latestRuns } = createProgramRunner(runnerLoaders);
