import type { Host } from "../../runtime/host";
import { codeOfTask, currentTaskCode, taskOfCode } from "../../runtime/sync/sync-object";
import type { CounterReading } from "../../runtime/sync/counter-track";
import { blockThread, type BlockRequest } from "../../runtime/sync/waiting";
import type { TaskRef } from "../../trace/events";
import type { State } from "../../trace/run";
import type { EventBuffer } from "./event-buffer";
import { enterWait, leaveWait } from "./wait-table";

// One cell nobody ever notifies: Atomics.wait on it is a sleep that blocks this worker only.
// Made on the first sleep, not at import: a page that is not cross-origin isolated (no
// COOP/COEP headers: GitHub Pages, most static hosts) has no SharedArrayBuffer at all, and a
// worker that threw at start-up could run nothing.
let sleepCell: Int32Array | undefined;

/** Whether this realm can block on Atomics.wait (SharedArrayBuffer exists only when isolated). */
export const canBlock = typeof SharedArrayBuffer === "function";

/**
 * Tries before a primitive's wait sleeps: well under a microsecond. Measured (bench `sync`, 2
 * workers on one Lock): 100 tries let the spinner take the lock in the instant between the
 * holder's release and its next acquire about 15,000 times in 500,000 rounds, and each such
 * handoff moves the lock's memory between cores. Throughput against the bare futex mutex
 * (which sleeps at once), median of the runs' medians: 0.65x with 100 tries, 0.76x with 10;
 * single runs spread widely either way (0.46-1.01x with 10).
 */
const SPIN_TRIES = 10;

/** A wait longer than this sends the trace so far, so the page sees the blocked span live (and in a deadlock). */
const SEND_TRACE_AFTER_MS = 20;

/** Block this worker's thread for `ms`. Atomics.wait may wake early, so re-check the clock. */
export function blockFor(ms: number): void {
  sleepCell ??= new Int32Array(new SharedArrayBuffer(4));
  const until = performance.now() + ms;
  for (;;) {
    const left = until - performance.now();
    if (left <= 0) return;
    Atomics.wait(sleepCell, 0, 0, left);
  }
}

/** The lanes host inside a worker: the task running now, its lane, and where its events go. */
export class WorkerHost implements Host {
  #task: TaskRef = "";
  /** The task's cell code (sync-object.ts), made as the task starts: every lock operation reads it. */
  taskCode = codeOfTask(undefined);
  lane = "";
  /** When the current task's current state began (its failed stretch starts here). */
  since = 0;
  tracing = true;
  /** Called once when a task's wait has lasted SEND_TRACE_AFTER_MS (worker-entry.ts gives back the tasks behind it). */
  onLongWait: (() => void) | undefined;
  /** This worker's wait-for cells (wait-table.ts), read by the page's deadlock detector. */
  waits: Int32Array | undefined;
  /** True from startTask until the task's next state change: its one event is "running". */
  #justStarted = false;

  constructor(private readonly events: EventBuffer) {}

  setState(state: State | null, t = performance.now(), label?: string): void {
    this.since = t;
    this.#justStarted = false;
    if (this.tracing) this.events.state(t, this.lane, this.task, state, label);
  }

  /** A task begins: it runs. Tasks run one at a time, so nothing else of it is open. */
  startTask(id: TaskRef): void {
    this.task = id;
    this.setState("running");
    this.#justStarted = true;
  }

  /**
   * The task ended well. If it began within this same clock tick and changed state nothing
   * since (and printed nothing: retractOpen checks its event is the last), its one span is
   * empty: take the opening event back instead of sending two that draw nothing.
   */
  endTask(): void {
    const t = performance.now();
    const empty = this.#justStarted && t === this.since;
    if (empty && this.tracing && this.events.retractOpen(t, this.lane, this.task, "running")) return;
    this.setState(null, t);
  }

  sleep(ms: number): Promise<void> {
    this.setState("waiting");
    if (!canBlock) {
      // Not isolated: wait on a timer. The worker still runs one task at a time (a batch awaits
      // each task before the next), so the timeline is the same as with Atomics.wait.
      return new Promise((resolve) =>
        setTimeout(() => {
          this.setState("running");
          resolve();
        }, ms),
      );
    }
    blockFor(ms);
    this.setState("running");
    return Promise.resolve();
  }

  /** A primitive's wait: this worker's thread stops in Atomics.wait (waiting.ts), `blocked`. */
  block(request: BlockRequest): boolean {
    // Spin briefly before sleeping, as adaptive mutexes do: an object held for a few
    // instructions by a thread on the other core is free again far sooner than an
    // Atomics.wait sleep and its wake-up take, and a wait that short is too short to draw.
    const { cells, index, spinAttempt } = request;
    for (let i = 0; i < SPIN_TRIES; i++) {
      // A spinning kind reads before it writes itself; the others try once the cell has moved.
      if (spinAttempt ? spinAttempt() : Atomics.load(cells, index) !== request.expected && request.attempt()) return true;
    }
    const began = performance.now();
    this.setState("blocked", began, this.tracing ? request.describe() : undefined); // the label is only for the trace
    if (this.waits) enterWait(this.waits, request.subject.id, currentTaskCode(), request.deadline !== Infinity);
    let ok: boolean;
    try {
      ok = blockThread(
        request,
        () => {
          this.events.flush();
          this.onLongWait?.();
        },
        SEND_TRACE_AFTER_MS,
      );
    } finally {
      if (this.waits) leaveWait(this.waits);
    }
    this.setState("running");
    if (ok && this.tracing) this.#wakeup(request, began);
    return ok;
  }

  get task(): TaskRef {
    return this.#task;
  }

  set task(id: TaskRef) {
    this.#task = id;
    this.taskCode = codeOfTask(String(id));
  }

  taskId(): string {
    return String(this.#task);
  }

  /** A counter track's sample, in this worker's clock (converted on the page). */
  counter(reading: CounterReading): void {
    if (this.tracing) this.events.counter({ ...reading, t: performance.now() });
  }

  #wakeup(request: BlockRequest, began: number): void {
    const signal = request.signalled?.() ?? request.subject.lastSignal();
    const by = signal && taskOfCode(signal.task);
    const from = signal ? signal.epochMs - performance.timeOrigin : -Infinity;
    if (by === undefined || from < began) return;
    this.events.wakeup({ object: request.subject.name, from: { task: by, t: from }, to: { task: String(this.task), t: performance.now() } });
  }

  print(text: string): void {
    this.events.output(performance.now(), this.lane, this.task, text);
  }

  createPool(): never {
    throw new Error("A task running in a worker cannot create a Pool: pools are created by main(), on the page.");
  }

  spawn(): never {
    throw new Error("A task running in a worker cannot spawn tasks: spawn them from main(), on the page.");
  }
}
