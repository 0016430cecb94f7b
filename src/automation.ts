import { latestRuns, runProgram } from "./stage/run-in-stage";
import type {} from "./automation-types";
import { RUNNERS } from "./trace/run";

export const VERSION = "0.1.0";

export function installAutomation(): void {
  window.__lanes = {
    version: VERSION,
    lastRuns: () => latestRuns(),
    run(code, runners = [...RUNNERS], options = {}) {
      const bad = runners.filter((r) => !RUNNERS.includes(r));
      if (bad.length > 0) return Promise.reject(new Error(`Unknown runner ${bad.join(", ")}: use main, async or workers.`));
      const limit = options.timeLimitMs;
      if (limit !== undefined && !(typeof limit === "number" && limit > 0 && Number.isFinite(limit))) {
        return Promise.reject(new Error(`timeLimitMs must be a positive number of milliseconds, got ${String(limit)}.`));
      }
      return runProgram(code, runners, { signal: new AbortController().signal, trace: options.trace, timeLimitMs: options.timeLimitMs });
    },
  };
}
