// One playground's runs, outside React: the lesson page's playground, window.__lanes and the
// embed page (with its postMessage bridge) are adapters over this. It owns what a Run button
// means: the previous run is stopped first, the live runs and task progress are kept as they
// come, the exercise is checked once a run has finished, and a pass is recorded.
import { createStore } from "zustand/vanilla";
import type { ProgramFile } from "../compile/program-files";
import type { Check } from "../lessons/lesson-model";
import type { Run, Runner } from "../trace/run";

export interface RunProgress {
  done: number;
  submitted: number;
}

export type CheckState = { status: "idle" } | { status: "checking" } | { status: "done"; passed: boolean; messages: string[] };

export interface SessionState {
  /** Every run of the current (or last) program so far; the last one is live while `running`. */
  runs: Run[];
  running: boolean;
  /** Date.now() when the current (or last) run was started, null before any. */
  startedAt: number | null;
  progress: RunProgress | null;
  check: CheckState;
}

/** How a finished run ended, for whoever reports runs (the embed's `lanes:result`). */
export interface Finished {
  runs: Run[];
  /** The caller's tag for this run (a host's request id), if it gave one. */
  tag?: string | number;
  /** Stopped (by Stop, a newer run or dispose) before every runner had run. */
  stopped: boolean;
  check?: { passed: boolean; messages: string[] };
}

/** What the session needs from the world; the real ones are wired in ./index.ts. */
export interface SessionDeps {
  runProgram(
    code: string,
    runners: readonly Runner[],
    options: {
      signal: AbortSignal;
      timeLimitMs?: number;
      trace?: boolean;
      showIn?: StageSlot | null;
      onUpdate?(runs: Run[], progress?: RunProgress): void;
      files?: readonly ProgramFile[];
    },
  ): Promise<Run[]>;
  evaluateCheck(check: Check, runs: readonly Run[]): Promise<{ passed: boolean; messages: string[] }>;
  now?(): number;
}

export interface SessionOptions {
  /** The playground's exercise check, if it has one: evaluated after every run that finished. */
  check?: Check;
  timeLimitMs?: number;
  /** A run is starting with this code (the playground records that it was run). */
  onStart?(code: string): void;
  /** The check passed (the playground records the pass). */
  onPassed?(): void;
}

/** Where the stage shows the page student code runs in (an element; opaque to the session). */
export type StageSlot = HTMLElement;

export interface RunRequest {
  /** Where the stage is shown while this run runs (a playground's slot); absent: out of sight. */
  showIn?: StageSlot | null;
  /** Handed back in Finished (an embed's host request id). */
  tag?: string | number;
  trace?: boolean;
  /** Overrides the session's time limit for this run. */
  timeLimitMs?: number;
  /** The program's helper files, importable as "./<name>". */
  files?: readonly ProgramFile[];
}

const IDLE: SessionState = { runs: [], running: false, startedAt: null, progress: null, check: { status: "idle" } };

export function createRunSession(deps: SessionDeps, options: SessionOptions = {}) {
  const store = createStore<SessionState>()(() => IDLE);
  let current: AbortController | null = null;
  const listeners = new Set<(finished: Finished) => void>();
  const now = deps.now ?? Date.now;

  async function run(code: string, runners: readonly Runner[], request: RunRequest = {}): Promise<Run[]> {
    current?.abort();
    const abort = new AbortController();
    current = abort;
    options.onStart?.(code);
    store.setState({ runs: [], running: true, startedAt: now(), progress: null, check: { status: "idle" } });
    // Updates from a run that a newer one replaced must not overwrite the newer one's state.
    const mine = () => current === abort;
    let runs: Run[] = [];
    let check: Finished["check"];
    try {
      runs = await deps.runProgram(code, runners, {
        signal: abort.signal,
        timeLimitMs: request.timeLimitMs ?? options.timeLimitMs,
        trace: request.trace,
        showIn: request.showIn,
        files: request.files,
        onUpdate: (live, progress) => {
          if (mine()) store.setState({ runs: live, progress: progress ?? null });
        },
      });
      if (mine()) store.setState({ runs });
      if (options.check && !abort.signal.aborted) {
        if (mine()) store.setState({ check: { status: "checking" } });
        check = await deps.evaluateCheck(options.check, runs);
        if (mine()) store.setState({ check: { status: "done", ...check } });
        if (check.passed) options.onPassed?.();
      }
      return runs;
    } finally {
      if (mine()) {
        current = null;
        store.setState({ running: false, progress: null });
      }
      const finished: Finished = { runs, tag: request.tag, stopped: abort.signal.aborted, check };
      listeners.forEach((listener) => listener(finished));
    }
  }

  return {
    /** The session's state; subscribe to it (zustand's vanilla store). */
    store,
    /** Run `code` under `runners`, one after another, stopping the run in progress first. */
    run,
    /** Hear of every run once over: finished, failed or stopped. Returns the way to stop hearing. */
    onFinished(listener: (finished: Finished) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Stop the run in progress (its runs so far stay). */
    stop(): void {
      current?.abort();
    },
    /** Forget the runs (the output is cleared). Stops a run in progress. */
    clear(): void {
      current?.abort();
      store.setState({ runs: [], check: { status: "idle" } });
    },
    dispose(): void {
      current?.abort();
    },
  };
}

export type RunSession = ReturnType<typeof createRunSession>;
