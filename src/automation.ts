import { runProgram } from "./runners/run-program";
import { RUNNERS, type Run, type Runner } from "./trace/run";

/** Public automation contract (tests, benchmarks, lessons:check, course sites). Keep its shape. */
export interface LanesAutomation {
  version: string;
  run(code: string, runners?: Runner[]): Promise<Run[]>;
}

declare global {
  interface Window {
    __lanes?: LanesAutomation;
  }
}

export const VERSION = "0.1.0";

export function installAutomation(): void {
  window.__lanes = {
    version: VERSION,
    run(code, runners = [...RUNNERS]) {
      const bad = runners.filter((r) => !RUNNERS.includes(r));
      if (bad.length > 0) return Promise.reject(new Error(`Unknown runner ${bad.join(", ")}: use main, async or workers.`));
      return runProgram(code, runners, { signal: new AbortController().signal });
    },
  };
}
