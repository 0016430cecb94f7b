import type { Party } from "./party";

/**
 * Resumes parties one per task (MessageChannel: no 4 ms timer clamp), then probes after each,
 * so the end of every stretch of code is seen as soon as the thread is free again.
 */
export class WakeQueue {
  #items: { party: Party; fn: () => void }[] = [];
  #head = 0;
  #channel = new MessageChannel();
  #closed = false;

  constructor(
    private readonly resume: (party: Party, fn: () => void) => void,
    private readonly afterSegment: () => void,
  ) {
    this.#channel.port1.onmessage = () => this.#tick();
  }

  get empty(): boolean {
    return this.#head >= this.#items.length;
  }

  post(party: Party, fn: () => void): void {
    if (this.#closed) return;
    this.#items.push({ party, fn });
    this.#schedule();
  }

  /** Ask for a tick with nothing to resume: it only closes the current stretch of code. */
  probe(): void {
    this.#schedule();
  }

  close(): void {
    this.#closed = true;
    this.#items = [];
    this.#head = 0;
    this.#channel.port1.onmessage = null;
    this.#channel.port1.close();
  }

  #schedule(): void {
    if (this.#closed) return;
    this.#channel.port2.postMessage(0);
  }

  #tick(): void {
    if (this.#closed) return;
    const item = this.#items[this.#head];
    if (!item) {
      this.afterSegment();
      return;
    }
    this.#items[this.#head] = undefined as never;
    this.#head += 1;
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    this.resume(item.party, item.fn);
    // With nothing else queued, a probe closes this stretch once its microtasks are done.
    if (this.empty) this.#schedule();
  }
}
