import { TraceBatchWriter, batchTransfer, type CounterEvent, type TaskRef, type TraceBatch } from "../../trace/events";
import type { State, Wakeup } from "../../trace/run";

/** Stream at most this often while a batch runs, so a live timeline sees long tasks progress. */
const STREAM_EVERY_MS = 50;

/**
 * Trace events of a worker, batched: most travel with the batch reply; during a long batch
 * they are streamed every STREAM_EVERY_MS (checked as events happen: a blocked worker cannot
 * run timers, and needs none).
 */
export class EventBuffer {
  #writer = new TraceBatchWriter();
  #lastSent = 0;

  constructor(private readonly send: (batch: TraceBatch, transfer: ArrayBuffer[]) => void) {}

  state(t: number, lane: string, task: TaskRef, state: State | null, label?: string): void {
    this.#writer.state(t, lane, task, state, label);
    this.#maybeStream(t);
  }

  /** A wake-up, its times in this worker's clock (converted on the page like every event). */
  wakeup(wakeup: Wakeup): void {
    this.#writer.wakeup(wakeup);
  }

  /** A counter track's sample, its time in this worker's clock. */
  counter(sample: CounterEvent): void {
    this.#writer.counter(sample);
    this.#maybeStream(sample.t);
  }

  output(t: number, lane: string, task: TaskRef, text: string): void {
    this.#writer.output(t, lane, task, text);
    this.#maybeStream(t);
  }

  /** See TraceBatchWriter.retractOpen. */
  retractOpen(t: number, lane: string, task: TaskRef, state: State): boolean {
    return this.#writer.retractOpen(t, lane, task, state);
  }

  /** Send what is recorded now (before this thread blocks for long). */
  flush(): void {
    this.#lastSent = performance.now();
    const batch = this.#writer.take();
    if (batch) this.send(batch, batchTransfer(batch));
  }

  /** What is left, for the batch reply. */
  take(): TraceBatch | null {
    return this.#writer.take();
  }

  #maybeStream(t: number): void {
    if (t - this.#lastSent < STREAM_EVERY_MS) return;
    this.#lastSent = t;
    const batch = this.#writer.take();
    if (batch) this.send(batch, batchTransfer(batch));
  }
}
