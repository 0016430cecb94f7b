import * as Comlink from "comlink";
import type { ModuleRef } from "../../compile/stack-location";
import type { TraceBatch } from "../../trace/events";
import { GivenTasks } from "./given-tasks";
import { MAX_BATCH } from "./batch-size";
import type { BatchReply, ClosedMessage, EventsMessage, InitReply, ReturnedMessage, TaskBatch, WorkerApi } from "./protocol";
import { checkBatch, givenBackTasks, ownTask } from "./validate-events";
import { WorkerStopped } from "./worker-lost";
import { answerGiveBack, createWaitCells } from "./wait-table";
import { workerScriptUrl } from "./worker-script";

/** More tasks than a pool's batches ever hold (batch-size.ts MAX_BATCH, two in flight). */
const MAX_GIVEN_BACK = 2 * MAX_BATCH;

/**
 * One Web Worker and its Comlink proxy. Comlink never settles a call whose worker was
 * terminated, so every call races the worker's death: Stop rejects what is pending at once.
 */
export class WorkerSlot {
  readonly ready: Promise<InitReply>;
  alive = true;
  /** The program this worker is importing ahead and has not finished importing. */
  importing: string | undefined;
  /** Where this worker's streamed trace events go while a run uses it. */
  onEvents: ((batch: TraceBatch) => void) | null = null;
  /** Where the tasks this worker gives back go (a task of it is blocked: protocol.ts ReturnedMessage). */
  onReturned: ((ids: number[]) => void) | null = null;
  /** What this worker is blocked on (wait-table.ts), for the deadlock detector. */
  readonly waits = createWaitCells();
  /** The lane this worker's events must be on (the run's, from load()). */
  #lane = "";
  /** The tasks this worker was sent in this run: its events may name no other (validate-events.ts). */
  readonly #given = new GivenTasks();
  /** The number of the next batch sent to this worker (TaskBatch.seq): rising for its whole life. */
  #seq = 0;
  /** The tasks it gave back in this run (each may be given back once). */
  readonly #givenBack = new Set<number>();
  readonly #worker: Worker;
  readonly #api: Comlink.Remote<WorkerApi>;
  readonly #dead: Promise<never>;
  #kill: (reason: Error) => void = () => undefined;

  constructor(index: number, itersPerMs: number) {
    this.#worker = new Worker(workerScriptUrl(), { name: `lanes worker ${index}` });
    this.#dead = new Promise<never>((_, reject) => (this.#kill = reject));
    this.#dead.catch(() => undefined);
    this.#worker.addEventListener("message", (event: MessageEvent<Partial<Pick<EventsMessage, "lanesEvents"> & Pick<ReturnedMessage, "lanesReturned"> & ClosedMessage> | null>) => {
      // The student's code runs in the worker and can post on this channel too: a batch is
      // read only once checked, and a bad one ends the worker (its tasks fail with the reason).
      const batch = event.data?.lanesEvents;
      if (batch) this.#receive(batch);
      const returned = event.data?.lanesReturned;
      if (returned !== undefined) this.#giveBack(returned);
      // The worker's last word before self.close(): nothing will ever answer again. The task it
      // names is believed only if it is one of its own.
      const closed = event.data?.lanesClosed;
      if (closed) this.terminate(new WorkerStopped("closed", "it called self.close()", ownTask(closed.task, this.#given)));
    });
    this.#worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.terminate(new WorkerStopped("crashed", event.message || "it could not start"));
    });
    this.#api = Comlink.wrap<WorkerApi>(this.#worker);
    this.ready = this.call(() => this.#api.init({ itersPerMs, ...(this.waits ? { waits: this.waits } : {}) }));
  }

  call<T>(send: (api: Comlink.Remote<WorkerApi>) => Promise<T>): Promise<T> {
    if (!this.alive) return this.#dead;
    return Promise.race([send(this.#api), this.#dead]);
  }

  /** Start importing a program ahead of `load`; a failure here is reported by `load`. */
  preload(moduleUrl: string): void {
    this.importing = moduleUrl;
    const done = () => {
      if (this.importing === moduleUrl) this.importing = undefined;
    };
    this.ready.then(() => this.call((api) => api.preload(moduleUrl))).then(done, done);
  }

  /** Import a run's copy of the program, unless this worker already has it. */
  async load(moduleUrl: string, lane: string, trace: boolean, helpers: readonly ModuleRef[] = []): Promise<void> {
    this.#lane = lane;
    this.#given.clear();
    this.#givenBack.clear();
    await this.ready;
    await this.call((api) => api.load(moduleUrl, lane, trace, helpers));
  }

  /**
   * Run a batch of tasks on this worker. Its ids are noted first, so the events the worker
   * streams for them are its own; the reply's events cross the same channel as streamed ones
   * (the student's code can forge a reply too) and are checked the same way.
   */
  /** The next batch number (TaskBatch.seq) for this worker. */
  nextSeq(): number {
    return ++this.#seq;
  }

  /** Answer the worker's give-back: the batches up to `seq` were taken back (wait-table.ts). */
  answerGiveBack(seq: number): void {
    if (this.waits) answerGiveBack(this.waits, seq);
  }

  async runBatch(batch: TaskBatch): Promise<BatchReply> {
    this.#given.add(batch.ids);
    const reply = await this.call((api) => api.runBatch(batch));
    if (typeof reply !== "object" || reply === null) return this.#crash("its reply to a batch of tasks is not one Lanes sends");
    if (!Number.isInteger(reply.ran) || reply.ran < 0 || reply.ran > batch.ids.length) return this.#crash("its reply to a batch of tasks does not say how many it ran");
    if (reply.events) {
      const checked = checkBatch(reply.events, this.#lane, this.#given);
      if (!checked.ok) return this.#crash(checked.message);
      reply.events = checked.batch;
    }
    return reply;
  }

  terminate(reason = new Error("The worker was stopped.")): void {
    if (!this.alive) return;
    this.alive = false;
    this.onEvents = null;
    this.#worker.terminate();
    this.#kill(reason);
  }

  /** Tasks given back must be this worker's, each once; anything else ends it (student code can post here too). */
  #giveBack(ids: unknown): void {
    const valid = givenBackTasks(ids, this.#given, this.#givenBack, MAX_GIVEN_BACK);
    if (!valid) return void this.#crash("it gave back tasks that are not its own to give");
    for (const id of valid) this.#givenBack.add(id);
    // Always answered: the worker waits for the answer before it starts another batch.
    if (this.onReturned) this.onReturned(valid);
    else this.answerGiveBack(0);
  }

  #receive(batch: unknown): void {
    const checked = checkBatch(batch, this.#lane, this.#given);
    if (checked.ok) this.onEvents?.(checked.batch);
    else this.terminate(new WorkerStopped("crashed", checked.message));
  }

  /** End this worker for `message` (what it sent that Lanes does not accept): its tasks fail with it. */
  #crash(message: string): Promise<never> {
    this.terminate(new WorkerStopped("crashed", message));
    return this.#dead;
  }
}
