import { RunRecorder } from "../../trace/recorder";
import type { Run, Runner, RunError, State } from "../../trace/run";
import type { WakeTarget } from "./future";
import { newParty, type Party } from "./party";
import { TaskFailures, exceptionLine, type TaskFailure } from "./task-failures";
import { MemoryWatch, outOfMemoryMessage } from "./memory-limit";
import { timeLimitMessage } from "./time-limit";
import { UntracedRecorder } from "./untraced-recorder";
import { WakeQueue } from "./wake-queue";

/**
 * The page side of one run: the recorder, the parties (driver and tasks), who holds the thread,
 * and when the run is over. Every runner builds on it; what differs is how tasks are scheduled.
 */
export class PageRun implements WakeTarget {
  readonly recorder: RunRecorder;
  readonly driver: Party;
  readonly t0: number;
  #current: Party | null = null;
  #queue: WakeQueue;
  #liveTasks = 0;
  #parties: Party[] = [];
  #submitted = 0;
  #driverSettled = false;
  /** main()'s own error, if it failed: the run's error (Python's exit status). */
  #driverError: RunError | undefined;
  readonly failures = new TaskFailures();
  #finished: Run | undefined;
  #onFinish: ((run: Run) => void)[] = [];
  #pending = 0;
  aborted = false;
  /** Told after the program prints (run-on-page sends a live update at once if none went lately). */
  onPrinted?: () => void;
  #limitMs = Infinity;
  readonly #memory = new MemoryWatch();

  constructor(
    readonly runner: Runner,
    /** Lane that mirrors which party holds the page's thread (async), or null. */
    readonly threadLane: string | null,
    readonly locate: (error: unknown) => RunError,
    readonly tracing = true,
  ) {
    this.recorder = tracing ? new RunRecorder(runner) : new UntracedRecorder(runner);
    this.recorder.addLane({ id: "main", label: "main()", kind: "task" });
    if (threadLane) this.recorder.addLane({ id: threadLane, label: "page thread", kind: "thread" });
    this.driver = newParty("main", "main", "main()");
    this.#queue = new WakeQueue((party, fn) => this.#resume(party, fn), () => this.#afterSegment());
    this.t0 = performance.now();
  }

  /** Extra work the run is waiting for that the wake queue cannot see (timers, workers). */
  get pending(): number {
    return this.#pending;
  }

  // The last piece of extra work can end after main() and every task did (a worker's batch
  // reply is handled before its send is done): the run must be able to end right there, or it
  // stays quiet and unfinished until the deadlock watch calls it stuck.
  set pending(count: number) {
    this.#pending = count;
    if (count === 0) this.#checkFinished();
  }

  now(): number {
    return performance.now() - this.t0;
  }

  /** The run may take `ms` from main()'s call before it is stopped. */
  limitTo(ms: number): void {
    this.#limitMs = ms;
  }

  /** performance.now() at which the run is stopped for taking too long. */
  get deadline(): number {
    return this.t0 + this.#limitMs;
  }

  /**
   * Stop the run if it is past its time limit or out of memory (memory-limit.ts). True if the
   * run has ended, for any reason. `loopLine`: asked from inside the loop at that line (the
   * loop guard), named in the message.
   */
  checkLimits(loopLine?: number): boolean {
    if (this.#finished) return true;
    const now = performance.now();
    const at = loopLine ? { line: loopLine } : {};
    if (now >= this.deadline) this.fail({ message: timeLimitMessage(this.runner, this.#limitMs, loopLine), ...at });
    else if (this.#memory.over(now)) this.fail({ message: outOfMemoryMessage(loopLine), ...at });
    return this.#finished !== undefined;
  }

  currentParty(): Party {
    return this.#current ?? this.driver;
  }

  /** Record a party's new state, mirroring running stretches onto the thread lane. */
  setState(party: Party, state: State | null, t = this.now(), label?: string): void {
    if (party.state === state && label === undefined) return;
    if (this.threadLane && party.state === "running") this.recorder.leave(t, this.threadLane, party.id);
    party.state = state;
    party.since = t;
    if (state) this.recorder.enter(t, party.lane, party.id, state, label);
    else this.recorder.leave(t, party.lane, party.id);
    if (this.threadLane && state === "running") this.recorder.enter(t, this.threadLane, party.id, "running");
  }

  /** The stretch that ended in an error is drawn as failed, from where it began until now. */
  failParty(party: Party): void {
    const t = this.now();
    if (this.threadLane && party.state === "running") this.recorder.leave(t, this.threadLane, party.id);
    this.recorder.enter(party.since, party.lane, party.id, "failed");
    party.state = "failed";
    this.setState(party, null, t);
  }

  /** Resume `party` in a task of its own; it is `ready` until the thread gets to it. */
  wake(party: Party, fn: () => void): void {
    if (this.aborted) return;
    if (party.state === "blocked") this.setState(party, "ready");
    this.#queue.post(party, fn);
  }

  /** Run `fn` as `party` now (we are at the start of a task, e.g. a timer callback). */
  runAs(party: Party, fn: () => void): void {
    if (this.aborted) return;
    this.#resume(party, fn);
    this.#queue.probe();
  }

  #resume(party: Party, fn: () => void): void {
    this.#afterSegment();
    this.#current = party;
    if (!party.done && party.state !== "waiting") this.setState(party, "running");
    party.waitingFor = undefined;
    party.waitingOn = undefined;
    fn();
  }

  /** A stretch of code ended. A party still "running" is now awaiting something: blocked. */
  #afterSegment(): void {
    const party = this.#current;
    this.#current = null;
    if (party && !party.done && party.state === "running") {
      this.setState(party, "blocked");
      party.waitingFor ??= "a result it awaits";
    }
    this.#checkFinished();
  }

  taskStarted(count = 1): void {
    this.#liveTasks += count;
    this.#submitted += count;
  }

  /** `count` tasks ended (or were cancelled before they started). */
  taskEnded(count = 1): void {
    this.#liveTasks -= count;
    this.#checkFinished();
  }

  /** A task failed; `where` is its located error. Whether anyone asked is decided at the end. */
  taskFailed(failure: TaskFailure, error: unknown): void {
    this.failures.add(failure, error);
  }

  /** Call main() as the driver; the run ends when it has settled and every task has ended. */
  start(main: () => unknown): Promise<Run> {
    const done = new Promise<Run>((resolve) => this.#onFinish.push(resolve));
    this.runAs(this.driver, () => {
      let result: unknown;
      try {
        result = main();
      } catch (error) {
        return this.#driverEnded(error, true);
      }
      Promise.resolve(result).then(
        () => this.#driverEnded(),
        (error: unknown) => this.#driverEnded(error, true),
      );
    });
    return done;
  }

  #driverEnded(error?: unknown, threw = error !== undefined): void {
    if (threw) {
      this.#driverError = this.failures.driverError(error, this.locate);
      this.failParty(this.driver);
    }
    this.driver.done = true;
    this.setState(this.driver, null);
    this.#driverSettled = true;
    this.#checkFinished();
  }

  #checkFinished(): void {
    if (this.#finished || !this.#driverSettled || this.#liveTasks > 0 || this.pending > 0) return;
    this.#finish(this.#driverError === undefined, this.#driverError);
  }

  /**
   * ok is Python's exit status: main() did not fail (nor the run, stopped or stuck). Task
   * errors are on their tasks; those nobody asked about print their "Exception in task" line.
   */
  #finish(ok: boolean, error?: RunError): void {
    const wall = this.now();
    for (const failure of this.failures.unobserved()) {
      this.recorder.print(failure.t, failure.lane, failure.task, exceptionLine(failure), "stderr");
    }
    this.#finished = this.recorder.finish(wall, ok, error);
    this.#queue.close();
    this.#onFinish.forEach((f) => f(this.#finished as Run));
  }

  /** Stop: nothing more runs; the run ends now, not ok. */
  abort(message = "Stopped before the program finished."): void {
    if (this.#finished) return;
    this.aborted = true;
    this.#finish(false, { message });
  }

  /** End the run with an error that is not any one task's (a deadlock, a limit). */
  fail(error: RunError): void {
    if (this.#finished) return;
    this.aborted = true;
    this.#finish(false, error);
  }

  get finished(): boolean {
    return this.#finished !== undefined;
  }

  get progress(): { submitted: number; done: number } {
    return { submitted: this.#submitted, done: this.#submitted - this.#liveTasks };
  }

  snapshot(): Run {
    return this.#finished ?? this.recorder.snapshot(this.now());
  }

  /**
   * True when nothing the runtime knows of can make progress (for deadlock detection).
   * `stuckPending`: how many of `pending` are calls to workers blocked on Lanes objects.
   */
  quiet(stuckPending = 0): boolean {
    return this.#queue.empty && this.pending <= stuckPending;
  }

  blockedParties(): Party[] {
    return this.#parties.filter((p) => !p.done && (p.state === "blocked" || p.state === null));
  }

  newTask(id: string, lane: string, label: string): Party {
    const party = newParty(id, lane, label);
    this.#parties.push(party);
    return party;
  }
}
