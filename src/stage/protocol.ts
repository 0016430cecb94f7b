// Everything that crosses the app/stage boundary, as one tagged union per direction. The app
// makes a MessageChannel, hands one port to the stage (a sandboxed iframe, see stage-main.ts)
// in a `connect` message on the frame's window (with the stage's code), and from then on both speak only through the
// port. The app trusts nothing the stage sends: every message is validated on receipt
// (validate-stage-message.ts), because the student's code runs in the stage's realm.
import type { ProgramFile } from "../compile/program-files";
import type { Run, Runner } from "../trace/run";

/** Task progress of the live run (see runners/runner.ts TaskProgress). */
export interface StageProgress {
  submitted: number;
  done: number;
}

/** What the app asks of one stage: a stage runs one program under one runner, then is discarded. */
export interface StageRunRequest {
  type: "run";
  source: string;
  /** The program's helper files, importable as "./<name>" (absent: none). */
  files?: ProgramFile[];
  runner: Runner;
  trace: boolean;
  timeLimitMs: number;
}

export type AppToStage =
  /**
   * Compile `source` ahead of its run (a pure compile: nothing of it executes). With `workers`,
   * also measure work()'s calibration if this stage has none and start up to that many workers
   * (never more than the warm set): the lesson's first Run is then as quick as a later one.
   */
  | { type: "precompile"; source: string; files?: ProgramFile[]; workers?: number }
  | StageRunRequest
  /** Stop the run now; the stage answers with its `done`, then is discarded anyway. */
  | { type: "stop" }
  /**
   * Sent once, right after connect, with a MessagePort as its one transfer: the stage hands it
   * to its alarm worker, which beats on it every BEAT_MS (heartbeat.ts) from a thread no
   * program runs on. When the beats stop, the stage's process is gone (out of memory).
   */
  | { type: "heartbeat" };

/** Sent on the frame's window (the only message there): the stage's code, the port and the work() calibration. */
export interface ConnectMessage {
  lanesStage: "connect";
  /** The stage's code (src/stage/stage-main.ts as one module): the stage's boot imports it. */
  stageCode: string;
  /** The workers' entry (worker-entry.ts as one module): the stage's workers import it from a Blob URL. */
  workerCode: string;
  /** Iterations per ms of work(), measured by the first stage and handed to every later one (0: measure). */
  itersPerMs: number;
}

export type StageToApp =
  /** The stage is ready for a run: its environment is made and its warm workers are starting. */
  | { type: "ready"; itersPerMs: number }
  /** The run's program is loaded and main() is about to be called (its time limit starts). */
  | { type: "started" }
  /** A live snapshot of the run. */
  | { type: "update"; run: Run; progress: StageProgress | null }
  /** The run is over; the stage has nothing more to say. `itersPerMs`: its work() calibration (0: none). */
  | { type: "done"; run: Run; itersPerMs: number }
  /** The stage failed in a way the run record cannot say (a bug of Lanes, not of the program). */
  | { type: "fault"; message: string };

export type StageMessageType = StageToApp["type"];
