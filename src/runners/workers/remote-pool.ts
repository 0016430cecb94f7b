import { decodeValue, encodeValue } from "../../runtime/codec";
import { realmClock } from "../../trace/clock";
import type { ModuleRef } from "../../compile/stack-location";
import { RemoteError } from "../locate-error";
import type { PageRun } from "../page/page-run";
import { argsPreview } from "../page/task-label";
import { batchSize, depthFor, perTaskMs, updateCost, type TaskCost } from "./batch-size";
import type { SerializedError, TaskBatch } from "./protocol";
import { slicePieces, TaskQueue, toBatch, type Piece, type TaskGroup } from "./task-queue";
import { readWait } from "./wait-table";
import type { WorkerSlot } from "./worker-slot";
import { WorkerStopped, workerLostError } from "./worker-lost";

/**
 * A pool's queue on the page and its workers: tasks go out in adaptively sized batches, one
 * task at a time per worker, and come back with their results and trace events.
 */
/** A batch on its way to a worker or running there. */
interface SentBatch {
  pieces: Piece[];
  ids: Float64Array;
  seq: number;
  /** Set when the worker gave back the batch's tasks from this position on (they were sent elsewhere). */
  keep?: number;
}

export class RemotePool {
  #queue = new TaskQueue();
  /** Tasks a worker gave back (protocol.ts ReturnedMessage): they go out before the queue's. */
  #givenBack: Piece[] = [];
  /** Per worker, its batches in flight. */
  #sent: SentBatch[][];
  #inFlight: number[];
  #cost: TaskCost | undefined;
  #ready: Promise<void>[];
  #idle: (() => void)[] = [];
  /** Set when a worker of this pool was lost: every task not finished fails with it. */
  #broken: Error | undefined;
  /** The lane of the worker that broke the pool (where its unobserved failures are reported). */
  #brokenLane: string | undefined;

  constructor(
    private readonly run: PageRun,
    readonly slots: WorkerSlot[],
    private readonly lanes: string[],
    moduleUrl: string,
    helpers: readonly ModuleRef[] = [],
  ) {
    this.#inFlight = slots.map(() => 0);
    this.#sent = slots.map(() => []);
    slots.forEach((slot, i) => (slot.onReturned = (ids) => this.#takeBack(i, ids)));
    this.#ready = slots.map(async (slot, i) => {
      // Start-up is drawn on the lane, so a first task starting late on an empty lane is explained.
      const began = run.now();
      const { timeOrigin } = await slot.ready;
      const toRunTime = realmClock(performance.timeOrigin, run.t0, timeOrigin);
      slot.onEvents = (batch) => run.recorder.applyEvents(batch, toRunTime);
      await slot.load(moduleUrl, lanes[i] ?? "", run.tracing, helpers);
      run.recorder.addStartup({ lane: lanes[i] ?? "", start: began, end: run.now() });
    });
    this.#ready.forEach((p) => p.catch(() => undefined));
  }

  /** Queue tasks (one submit, or a whole map) and send what the workers can take now. */
  submit(group: TaskGroup): void {
    if (this.#broken) return failAll([{ group, from: 0, count: group.count }], this.#broken, this.#brokenLane);
    this.#queue.push(group);
    this.#pump();
  }

  /** See TaskQueue.cancel: the group's tasks not sent yet (or given back) never start. Their ranges in the group. */
  cancel(group: TaskGroup): { from: number; count: number }[] {
    const back = this.#givenBack.filter((piece) => piece.group === group).map(({ from, count }) => ({ from, count }));
    this.#givenBack = this.#givenBack.filter((piece) => piece.group !== group);
    const queued = this.#queue.cancel(group);
    return queued.count > 0 ? [...back, queued] : back;
  }

  get queued(): number {
    return this.#queue.size + this.#givenBack.reduce((sum, piece) => sum + piece.count, 0);
  }

  /** Resolves when nothing is queued or in flight (Pool.close). */
  whenIdle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /**
   * For the deadlock detector: how many calls in flight are on workers blocked (without a
   * timeout) on a Lanes object, and a number that changes whenever any worker's wait does.
   */
  stuck(): { calls: number; generation: number } {
    let calls = 0;
    let generation = 0;
    this.slots.forEach((slot, i) => {
      if (!slot.waits) return;
      const wait = readWait(slot.waits);
      generation += wait.generation;
      if (wait.state === "blocked") calls += this.#inFlight[i] ?? 0;
    });
    return { calls, generation };
  }

  /** The workers blocked without a timeout now: the task (its code, sync-object.ts) and the object's id. */
  blocked(): { task: number; object: number }[] {
    const found: { task: number; object: number }[] = [];
    for (const slot of this.slots) {
      const wait = slot.waits && readWait(slot.waits);
      if (wait?.state === "blocked") found.push({ task: wait.task, object: wait.object });
    }
    return found;
  }

  /**
   * A worker is gone (closed, crashed, or its import of the program threw): the pool is broken.
   * Its batch and every task still queued fail with one error that names the worker and task.
   */
  #lose(index: number, slot: WorkerSlot, pieces: Piece[], stopped: WorkerStopped): void {
    const imported = stopped.cause !== undefined;
    const first = pieces[0];
    const running = stopped.task ?? (first ? String(first.group.first + first.from) : undefined);
    const piece = pieces.find((p) => String(p.group.first + p.from) === running) ?? first;
    const detail = imported ? placed(this.run.locate(stopped.cause)) : stopped.message;
    const lane = this.lanes[index];
    const worker = lane ? lane.replace(":", " ") : "a worker";
    if (lane && running) this.run.recorder.leave(this.run.now(), lane, running); // it ran until now
    const error = workerLostError(imported ? "import" : stopped.how, worker, imported || !piece ? undefined : taskName(piece), detail);
    this.#broken ??= error;
    this.#brokenLane ??= this.lanes[index];
    slot.terminate(error);
    failAll(pieces, error, this.lanes[index]);
    failAll(this.#queue.drain(), this.#broken, this.#brokenLane);
  }

  #isIdle(): boolean {
    return this.queued === 0 && this.#inFlight.every((n) => n === 0);
  }

  #pump(): void {
    const estimate = perTaskMs(this.#cost);
    const depth = depthFor(estimate);
    this.slots.forEach((slot, i) => {
      // Nothing more for a worker whose task is blocked: it could only start it after the wait.
      if (slot.waits && readWait(slot.waits).state !== "free") return;
      while (slot.alive && (this.#inFlight[i] ?? 0) < depth && this.queued > 0) {
        const batch = this.#take(batchSize(estimate, this.queued, this.slots.length));
        void this.#send(i, slot, batch);
      }
    });
  }

  /** Up to `n` tasks: the given-back ones first (they were due before the queue's), then the queue's. */
  #take(n: number): Piece[] {
    const pieces: Piece[] = [];
    while (n > 0 && this.#givenBack.length > 0) {
      const piece = this.#givenBack[0]!;
      if (piece.count <= n) {
        pieces.push(this.#givenBack.shift()!);
        n -= piece.count;
      } else {
        pieces.push({ group: piece.group, from: piece.from, count: n });
        this.#givenBack[0] = { group: piece.group, from: piece.from + n, count: piece.count - n };
        n = 0;
      }
    }
    return n > 0 ? [...pieces, ...this.#queue.take(n)] : pieces;
  }

  /**
   * A worker's task is blocked and it gave back the tail of the batch it runs (the oldest in
   * flight: it runs them in order): that tail and every later batch sent to it go out again,
   * and the worker is told which batches it must not run (worker-entry.ts giveBack).
   */
  #takeBack(index: number, ids: readonly number[]): void {
    const [current, ...later] = this.#sent[index] ?? [];
    try {
      if (current && current.keep === undefined && ids.length > 0) {
        const back = new Set(ids);
        const from = current.ids.findIndex((id) => back.has(id));
        if (from >= 0) {
          current.keep = from;
          this.#givenBack.push(...slicePieces(current.pieces, from, current.ids.length));
        }
      }
      for (const sent of later) {
        if (sent.keep !== undefined) continue;
        sent.keep = 0;
        this.#givenBack.push(...sent.pieces);
      }
    } finally {
      // Answered whatever happened: the worker waits for it before it starts another batch.
      this.slots[index]?.answerGiveBack(Math.max(0, ...later.map((sent) => sent.seq)));
    }
    if (!this.run.aborted) this.#pump();
  }

  async #send(index: number, slot: WorkerSlot, pieces: Piece[]): Promise<void> {
    this.#inFlight[index] = (this.#inFlight[index] ?? 0) + 1;
    this.run.pending += 1;
    let sent: SentBatch | undefined;
    try {
      // Encoded first: shared state that cannot cross (no isolation) fails at once, with why.
      const batch = { ...encodeBatch(toBatch(pieces)), seq: slot.nextSeq() };
      sent = { pieces, ids: batch.ids, seq: batch.seq };
      this.#sent[index]?.push(sent);
      await this.#ready[index]!.catch((error: unknown) => {
        if (error instanceof WorkerStopped) throw error; // it died before it could import
        throw new WorkerStopped("crashed", "", undefined, error); // its import threw: `cause`
      });
      const reply = await slot.runBatch(batch);
      const ran = reply.ran;
      // The tasks it did not run were given back before it replied (one channel, in order); a
      // worker that says otherwise, or ran a task it gave back, is refused.
      if (ran < batch.ids.length && sent.keep === undefined) {
        sent.keep = ran;
        this.#givenBack.push(...slicePieces(pieces, ran, batch.ids.length));
      }
      if (sent.keep !== undefined && ran !== sent.keep) throw new WorkerStopped("crashed", "it ran tasks it had given back");
      if (ran > 0) this.#cost = updateCost(this.#cost, reply.busyMs, ran);
      if (reply.events) slot.onEvents?.(reply.events);
      settle(slicePieces(pieces, 0, ran), reply.values, reply.failures, this.lanes[index]);
    } catch (error) {
      if (this.run.aborted) return;
      // What it gave back is no longer its own to fail.
      const own = sent?.keep === undefined ? pieces : slicePieces(pieces, 0, sent.keep);
      if (error instanceof WorkerStopped) this.#lose(index, slot, own, error);
      else failAll(own, batchError(error, own[0]?.group.fn ?? ""), this.lanes[index]);
    } finally {
      const list = this.#sent[index];
      if (list && sent) list.splice(list.indexOf(sent), 1);
      this.#inFlight[index] = (this.#inFlight[index] ?? 1) - 1;
      this.run.pending -= 1;
      if (!this.run.aborted) this.#pump();
      if (this.#isIdle()) this.#idle.splice(0).forEach((resolve) => resolve());
    }
  }
}

/** Every task of `pieces` fails with `error` (the same object: main() may catch it once). */
function failAll(pieces: readonly Piece[], error: Error, lane: string | undefined): void {
  for (const { group, from, count } of pieces) {
    for (let i = from; i < from + count; i++) group.settled(i, false, error, lane);
  }
}

/** `crunch(3)`: the task at `index` of its group, as the timeline names it. */
function taskName({ group, from }: Piece): string {
  const args = group.items ? [group.items[from]] : (group.args?.[from] ?? []);
  return `${group.fn}(${argsPreview(args)})`;
}

/** Hand each task of a reply to its group: values by position, failures as errors. */
function settle(pieces: readonly Piece[], values: unknown[], failures: { index: number; error: SerializedError }[], lane: string | undefined): void {
  const failed = failures.length === 0 ? undefined : new Map(failures.map((f) => [f.index, f.error]));
  let at = 0;
  for (const { group, from, count } of pieces) {
    for (let i = from; i < from + count; i++, at++) {
      const error = failed?.get(at);
      if (!error) group.settled(i, true, decodeValue(values[at]));
      else group.settled(i, false, remoteError(error), lane);
    }
  }
}

/** Arguments through the boundary's codec: a Lock or a shared array nested anywhere crosses as itself. */
function encodeBatch(batch: TaskBatch): TaskBatch {
  if (batch.items) batch.items = encodeValue(batch.items) as unknown[];
  if (batch.args) batch.args = encodeValue(batch.args) as unknown[][];
  return batch;
}

function placed(where: { message: string; line?: number }): string {
  return where.line !== undefined ? `${where.message} (line ${where.line})` : where.message;
}

function batchError(error: unknown, fn: string): Error {
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof DOMException && error.name === "DataCloneError") {
    return new TypeError(`The arguments of ${fn} cannot be copied to a worker (${text}). Send plain data: numbers, strings, arrays, plain objects.`);
  }
  return error instanceof Error ? error : new Error(text);
}

/** A task's error from its worker, rebuilt with its place (in a helper file, when it says so). */
function remoteError(error: SerializedError): RemoteError {
  const rebuilt = new RemoteError(error.message, error.name, error.line, error.column, error.stack);
  if (error.file !== undefined) rebuilt.file = error.file;
  return rebuilt;
}
