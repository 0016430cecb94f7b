import { calibration } from "../../runtime/work";
import { WorkerSlot } from "./worker-slot";

/**
 * The page's warm workers. Starting a worker costs 15–25 ms (up to 160 ms for the first), so
 * workers outlive runs: the same program reuses them; a changed program gets fresh ones (a
 * clean realm, no globals left behind), started at once so the next run finds them warm.
 */
class Fleet {
  #idle: WorkerSlot[] = [];
  #source: string | undefined;
  #started = 0;

  /** Called before each workers run. */
  prepare(source: string): void {
    if (source === this.#source) return;
    this.#source = source;
    const count = this.#idle.length;
    this.#idle.forEach((slot) => slot.terminate());
    this.#idle = [];
    this.warm(count);
  }

  /**
   * Have the idle workers import a run's program now, while the page imports it: a pool
   * created by main() then finds its workers ready (the import takes a worker 5–7 ms).
   */
  preload(moduleUrl: string): void {
    for (const slot of this.#idle) if (slot.alive) slot.preload(moduleUrl);
  }

  /**
   * Replace the idle workers still importing `moduleUrl` when its run is over (or could not
   * start): one whose top-level code never ends (an endless loop) would burn a core for good.
   */
  discard(moduleUrl: string): void {
    const stale = this.#idle.filter((slot) => slot.importing === moduleUrl);
    if (stale.length === 0) return;
    this.#idle = this.#idle.filter((slot) => !stale.includes(slot));
    stale.forEach((slot) => slot.terminate());
    this.warm(stale.length);
  }

  /** Take `count` workers, starting new ones when there are not enough idle. */
  acquire(count: number): WorkerSlot[] {
    this.#idle = this.#idle.filter((slot) => slot.alive);
    const taken = this.#idle.splice(0, count);
    while (taken.length < count) taken.push(this.#start());
    return taken;
  }

  /** Take workers back after a run; one that died in it (closed, crashed) is replaced. */
  release(slots: WorkerSlot[]): void {
    for (const slot of slots) {
      slot.onEvents = null;
      if (!slot.alive) this.warm(1);
      else if (!this.#idle.includes(slot)) this.#idle.push(slot);
    }
  }

  /** Stop: terminate these workers (pending calls reject) and start replacements. */
  replace(slots: WorkerSlot[]): void {
    slots.forEach((slot) => slot.terminate());
    this.warm(slots.length);
  }

  warm(count: number): void {
    for (let i = 0; i < count; i++) this.#idle.push(this.#start());
  }

  #start(): WorkerSlot {
    this.#started += 1;
    return new WorkerSlot(this.#started, calibration());
  }
}

export const fleet = new Fleet();
