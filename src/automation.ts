import { runProgram } from "./runners/run-program";
import { RUNNERS, type Run, type Runner } from "./trace/run";

/** Public automation contract (tests, benchmarks, lessons:check, course sites). Keep its shape. */
export interface LanesAutomation {
  version: string;
  /** `options.trace: false` records output but no spans (benchmarks measure tracing's cost). */
  run(code: string, runners?: Runner[], options?: { trace?: boolean }): Promise<Run[]>;
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
    run(code, runners = [...RUNNERS], options = {}) {
      const bad = runners.filter((r) => !RUNNERS.includes(r));
      if (bad.length > 0) return Promise.reject(new Error(`Unknown runner ${bad.join(", ")}: use main, async or workers.`));
      return runProgram(code, runners, { signal: new AbortController().signal, trace: options.trace });
    },
  };
}
