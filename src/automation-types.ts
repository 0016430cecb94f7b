import type { Run, Runner } from "./trace/run";

/** Public automation contract (tests, benchmarks, lessons:check, course sites). Keep its shape. */
export interface LanesAutomation {
  version: string;
  /**
   * `options.trace: false` records output but no spans (benchmarks measure tracing's cost).
   * `options.timeLimitMs`: each run is stopped (ok: false) when it takes longer (default 30,000).
   * `options.files`: the program's helper files (`{ name: "helpers.ts", code }`), imported as "./helpers".
   */
  run(code: string, runners?: Runner[], options?: { trace?: boolean; timeLimitMs?: number; files?: { name: string; code: string }[] }): Promise<Run[]>;
  /** The runs of the most recent program that finished (from a Run button or from run()). */
  lastRuns(): Run[];
}

declare global {
  interface Window {
    __lanes?: LanesAutomation;
  }
}
