import type { RunnerImpl } from "./runner";

/** The runners of the lanes TypeScript: what the program's page (the stage) runs, and all it needs. */
export type TypeScriptRunner = "main" | "async" | "workers";

/**
 * Loaded on first use, so a page that never runs workers never loads the worker pool. Python
 * is not here on purpose: it runs in a worker of its own, never on the stage, and the stage's
 * code (one bundle, every dynamic import inlined) would otherwise carry the whole Python runner.
 */
export const typescriptRunners: Record<TypeScriptRunner, () => Promise<RunnerImpl>> = {
  main: () => import("./main-runner").then((m) => m.mainRunner),
  async: () => import("./async-runner").then((m) => m.asyncRunner),
  workers: () => import("./workers-runner").then((m) => m.workersRunner),
};
