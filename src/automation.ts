import { latestRuns } from "./stage/run-in-stage";
import type {} from "./automation-types";
import { HELPER_FILE_NAME } from "./lessons/helper-file-name";
import { createSession } from "./session";
import { ALL_RUNNERS, RUNNERS } from "./trace/run";

export const VERSION = "0.1.0";

export function installAutomation(): void {
  // One session for automation, as a playground has one: a run() stops the one before it.
  const session = createSession();
  window.__lanes = {
    version: VERSION,
    lastRuns: () => latestRuns(),
    run(code, runners = [...RUNNERS], options = {}) {
      const bad = runners.filter((r) => !ALL_RUNNERS.includes(r));
      if (bad.length > 0) return Promise.reject(new Error(`Unknown runner ${bad.join(", ")}: use main, async or workers (TypeScript), or python.`));
      // ["python"] runs `code` as Python; mixed with the TypeScript runners it would be one of them.
      if (runners.includes("python") && runners.length > 1) {
        return Promise.reject(new Error('"python" runs Python source, the other runners TypeScript: run them in separate calls.'));
      }
      const limit = options.timeLimitMs;
      if (limit !== undefined && !(typeof limit === "number" && limit > 0 && Number.isFinite(limit))) {
        return Promise.reject(new Error(`timeLimitMs must be a positive number of milliseconds, got ${String(limit)}.`));
      }
      const files = options.files ?? [];
      const badFile = files.find((f) => typeof f?.name !== "string" || typeof f.code !== "string" || !HELPER_FILE_NAME.test(f.name));
      if (badFile) return Promise.reject(new Error(`files must be { name: "<identifier>.ts", code: string } objects, got ${JSON.stringify(badFile)?.slice(0, 100)}.`));
      return session.run(code, runners, { trace: options.trace, timeLimitMs: options.timeLimitMs, files });
    },
  };
}
