import * as Comlink from "comlink";
import type { ModuleRef } from "../../compile/stack-location";
import type { TraceBatch } from "../../trace/events";
import type { ClosedMessage, EventsMessage, InitReply, WorkerApi } from "./protocol";
import { checkBatch } from "./validate-events";
import { WorkerStopped } from "./worker-lost";
import { createWaitCells } from "./wait-table";
import { workerScriptUrl } from "./worker-script";

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
  /** What this worker is blocked on (wait-table.ts), for the deadlock detector. */
  readonly waits = createWaitCells();
  /** The lane this worker's events must be on (the run's, from load()). */
  #lane = "";
  readonly #worker: Worker;
  readonly #api: Comlink.Remote<WorkerApi>;
  readonly #dead: Promise<never>;
  #kill: (reason: Error) => void = () => undefined;

  constructor(index: number, itersPerMs: number) {
    this.#worker = new Worker(workerScriptUrl(), { name: `lanes worker ${index}` });
    this.#dead = new Promise<never>((_, reject) => (this.#kill = reject));
    this.#dead.catch(() => undefined);
    this.#worker.addEventListener("message", (event: MessageEvent<Partial<EventsMessage & ClosedMessage> | null>) => {
      // The student's code runs in the worker and can post on this channel too: a batch is
      // read only once checked, and a bad one ends the worker (its tasks fail with the reason).
      const batch = event.data?.lanesEvents;
      if (batch) {
        const checked = checkBatch(batch, this.#lane);
        if (checked.ok) this.onEvents?.(checked.batch);
        else this.terminate(new WorkerStopped("crashed", checked.message));
      }
      // The worker's last word before self.close(): nothing will ever answer again.
      const closed = event.data?.lanesClosed;
      if (closed) this.terminate(new WorkerStopped("closed", "it called self.close()", closed.task ? String(closed.task) : undefined));
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
    await this.ready;
    await this.call((api) => api.load(moduleUrl, lane, trace, helpers));
  }

  terminate(reason = new Error("The worker was stopped.")): void {
    if (!this.alive) return;
    this.alive = false;
    this.onEvents = null;
    this.#worker.terminate();
    this.#kill(reason);
  }
}
