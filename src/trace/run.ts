// The Run record: the public contract of a finished (or live) run.
// Plain data, JSON-serialisable, no DOM: timelines, summaries, exercise checks,
// benchmarks and course sites all read this shape.

/** main, async and workers run a TypeScript program; python runs its Python twin (Pyodide in a
 *  worker, threads emulated on one core with CPython's switch interval). */
export type Runner = "main" | "async" | "workers" | "python";
/** The runners of a TypeScript program, in the order "All three" runs them. */
export const RUNNERS: readonly Runner[] = ["main", "async", "workers"];
/** Every runner, the Python one included. */
export const ALL_RUNNERS: readonly Runner[] = [...RUNNERS, "python"];

/** running: on a CPU. waiting: inside sleep (I/O). blocked: lock, queue, join, pool result.
 *  ready: its wait is over but its thread is busy with another task (the GIL effect). */
export type State = "running" | "waiting" | "blocked" | "ready" | "failed";
export const STATES: readonly State[] = ["running", "waiting", "blocked", "ready", "failed"];

export type LaneKind = "thread" | "task";

export interface Lane {
  id: string;
  label: string;
  kind: LaneKind;
}

export interface Span {
  lane: string;
  /** Task id (see Run.tasks); "main" for the program's driver. */
  task: string;
  state: State;
  /** ms since main() was called */
  start: number;
  end: number;
  /** Extension: what a `blocked` span waits for, in words ("waiting for lock `a`", "queue `q` full (4/4)"). */
  label?: string;
}

/**
 * Extension: a wake-up, from the release/notify/put/set that unblocked a task to the moment that
 * task continued (drawn as an arrow). Times are ms since main() was called.
 */
export interface Wakeup {
  /** The object's name: `a`, `Lock#1`. */
  object: string;
  from: { task: string; t: number };
  to: { task: string; t: number };
}

/** What a counter track counts: a queue's items, or a semaphore's permits held. */
export type CounterKind = "queue length" | "permits in use";

/** One value of a counter: `value` from run time `t` on (ms since main() was called). */
export interface CounterSample {
  t: number;
  value: number;
}

/**
 * Extension: a counter track, for an object made with `track: true` (`new Queue({ capacity: 4,
 * track: true })`, `new Semaphore(3, { track: true })`): its value after every change, drawn as
 * a step chart under the lanes.
 */
export interface Counter {
  /** The object's name: `q`, `Semaphore#1`. */
  object: string;
  kind: CounterKind;
  /** The most it can be (a queue's capacity, a semaphore's permits); absent when unbounded. */
  max?: number;
  /** In time order. */
  samples: CounterSample[];
}

export interface OutputLine {
  t: number;
  lane: string;
  task?: string;
  text: string;
  /** "stderr": written by Lanes about the program, not printed by it (a task that failed unobserved). */
  stream?: "stderr";
}

/** Before main() was called: "compile", the compiler refused the program (a syntax error, an
 *  import that does not exist); "load", its top-level code failed as it loaded. Either way no
 *  runner ran it, and no other runner would fare differently. */
export type RunErrorPhase = "compile" | "load";
export const RUN_ERROR_PHASES: readonly RunErrorPhase[] = ["compile", "load"];

export interface RunError {
  message: string;
  line?: number;
  column?: number;
  /** Extension: the helper file (`helpers.ts`) `line` and `column` are in; absent: the playground's own code. */
  file?: string;
  /** Extension: set when the program failed before it ran (absent: main() or a task failed). */
  phase?: RunErrorPhase;
}

/** What the timeline shows on hover: the function a task ran and a preview of its arguments. */
export interface TaskInfo {
  id: string;
  name: string;
  args: string;
  failed?: RunError;
  /** Never started: a map whose earlier item failed cancels the items not yet started (executor.map). */
  cancelled?: true;
}

/** How the page's own thread kept up with drawing frames during the run. */
export interface FrameReport {
  /** Stretches (ms since main() was called) in which the page could not draw a frame: frozen. */
  frozen: { start: number; end: number }[];
  /** Frames a 60 Hz display should have shown during those stretches. */
  dropped: number;
}

/** A worker getting ready: from its pool asking for it until it had imported the program and
 *  could take a task. A fresh worker takes 15-25 ms here (the page's first up to 160 ms, more
 *  on a loaded machine); one kept warm from an earlier run, well under a millisecond. */
export interface Startup {
  lane: string;
  /** ms since main() was called */
  start: number;
  end: number;
}

export interface Run {
  runner: Runner;
  ok: boolean;
  error?: RunError;
  /** from main() called until main() settled and all its tasks ended */
  wallMs: number;
  lanes: Lane[];
  spans: Span[];
  output: OutputLine[];
  /** Extension of the DESIGN.md record: one entry per task, for tooltips and checks. */
  tasks?: TaskInfo[];
  /** Extension: frames of the page during the run (absent where it could not be measured). */
  frames?: FrameReport;
  /** Extension: workers runs only, one entry per worker lane whose start-up was measured. */
  startup?: Startup[];
  /** Extension: wake-ups by locks, conditions, events, barriers and queues (absent when none). */
  wakeups?: Wakeup[];
  /** Extension: counter tracks the program asked for (absent when none). */
  counters?: Counter[];
  /** Extension: what about the page changed how this run went (said once per run, e.g. not isolated). */
  notes?: string[];
}
