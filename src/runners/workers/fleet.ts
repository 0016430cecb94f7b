import { calibration } from "../../runtime/work";
import { WorkerSlot } from "./worker-slot";

/** Workers a run may use in all (every pool's and every spawn's): past this, Pool and spawn refuse. */
export const MAX_WORKERS_PER_RUN = 64;

/** Idle workers kept between runs (and started after a Stop): never more than the cores. */
export function warmSetSize(): number {
  return Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 16));
}

/** The sentence `new Pool` and `spawn` fail with when a run would go past MAX_WORKERS_PER_RUN. */
export function tooManyWorkersMessage(wanted: number, used: number): string {
  return (
    `This run already uses ${used} workers and asked for ${wanted} more: a run may use at most ${MAX_WORKERS_PER_RUN} in all (every Pool's workers and every spawn count). ` +
    "Use one pool for many tasks (pool.submit or pool.map) instead of a pool or a spawn per task."
  );
}

/**
 * The page's warm workers. Starting a worker costs 15–25 ms (up to 160 ms for the first), so
 * workers outlive runs: the same program reuses them; a changed program gets fresh ones (a
 * clean realm, no globals left behind), started at once so the next run finds them warm.
 */
class Fleet {
  #idle: WorkerSlot[] = [];
  #source: string | undefined;
  #started = 0;
  /** Workers taken by the run in progress. */
  #taken = 0;

  /** Workers started and waiting for a run. */
  get idleCount(): number {
    return this.#idle.filter((slot) => slot.alive).length;
  }

  /** Called before each workers run. */
  prepare(source: string): void {
    this.#taken = 0;
    if (source === this.#source) return;
    const first = this.#source === undefined;
    this.#source = source;
    if (first) return; // the warm workers have imported nothing yet: keep them
    const count = Math.min(this.#idle.length, warmSetSize());
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
    if (this.#taken + count > MAX_WORKERS_PER_RUN) throw new RangeError(tooManyWorkersMessage(count, this.#taken));
    this.#taken += count;
    this.#idle = this.#idle.filter((slot) => slot.alive);
    const taken = this.#idle.splice(0, count);
    while (taken.length < count) taken.push(this.#start());
    return taken;
  }

  /** Take workers back after a run; one that died in it (closed, crashed) is replaced. */
  release(slots: WorkerSlot[]): void {
    for (const slot of slots) {
      slot.onEvents = null;
      slot.onReturned = null;
      if (!slot.alive) this.warm(1);
      else if (!this.#idle.includes(slot)) this.#idle.push(slot);
    }
    // The fleet shrinks back to the warm set: a run's 256 workers must not stay for good.
    for (const extra of this.#idle.splice(warmSetSize())) extra.terminate();
  }

  /** Stop: terminate these workers (pending calls reject) and start replacements, up to the warm set only. */
  replace(slots: WorkerSlot[]): void {
    slots.forEach((slot) => slot.terminate());
    this.#idle = this.#idle.filter((slot) => slot.alive);
    this.warm(Math.min(slots.length, warmSetSize() - this.#idle.length));
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
