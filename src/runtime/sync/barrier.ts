// Barrier: a generation counter. Each arrival adds to `count`; the last of `parties` resets the
// count and bumps the generation, waking all; the others sleep while the generation is the one
// they arrived in. Resetting the count before the bump matters: a party can only start the next
// round after it has seen the bump, so it always counts into a fresh round.
import { SyncObject, syncError, type SyncState } from "./sync-object";
import { block, deadlineOf, notify } from "./waiting";

const COUNT = 0;
const GENERATION = 1;
const BROKEN = 2;
const PARTIES = 3;

/**
 * A meeting point for `parties` tasks: each `wait` returns once all have arrived.
 * Python's `threading.Barrier`. A wait that times out, or `abort()`, breaks the barrier:
 * every waiting and later `wait` then throws BrokenBarrierError until `reset()`.
 * - main: tasks run one at a time, so a barrier of more than one task can never fill: deadlock.
 */
export class Barrier extends SyncObject {
  constructor(parties: number, from?: SyncState) {
    super("Barrier", 4, from);
    if (from) return;
    if (!Number.isInteger(parties) || parties < 1) throw syncError("ValueError", `A barrier needs a whole number of parties ≥ 1, got ${String(parties)}.`);
    this.cells[PARTIES] = parties;
  }

  /** How many tasks must arrive. */
  get parties(): number {
    return this.cells[PARTIES] ?? 0;
  }

  /** How many are waiting now. */
  get waiting(): number {
    return Atomics.load(this.cells, COUNT);
  }

  get broken(): boolean {
    return Atomics.load(this.cells, BROKEN) === 1;
  }

  /**
   * Wait until all parties have arrived; resolves to this task's arrival index (0 … parties − 1).
   * A timeout breaks the barrier (BrokenBarrierError, here and in every waiting task).
   */
  async wait(timeoutMs?: number): Promise<number> {
    const deadline = deadlineOf(timeoutMs, "Barrier.wait(timeoutMs)");
    const cells = this.cells;
    if (this.broken) throw this.#brokenError();
    const generation = Atomics.load(cells, GENERATION);
    const index = Atomics.add(cells, COUNT, 1);
    if (index === this.parties - 1) {
      Atomics.store(cells, COUNT, 0);
      Atomics.add(cells, GENERATION, 1);
      this.signal();
      notify(cells, GENERATION);
      return index;
    }
    const passed = await block({
      attempt: () => Atomics.load(cells, GENERATION) !== generation || this.broken,
      cells,
      index: GENERATION,
      expected: generation,
      deadline,
      subject: this,
      describe: () => `waiting at barrier \`${this.name}\` (${this.waiting}/${this.parties} arrived)`,
    });
    if (Atomics.load(cells, GENERATION) !== generation) return index;
    if (!passed) this.abort();
    throw this.#brokenError();
  }

  /** Break the barrier: every waiting task throws BrokenBarrierError. */
  abort(): void {
    Atomics.store(this.cells, BROKEN, 1);
    this.signal();
    notify(this.cells, GENERATION);
  }

  /** Mend a broken barrier, empty; tasks waiting on it now throw BrokenBarrierError. */
  reset(): void {
    Atomics.store(this.cells, BROKEN, 1);
    notify(this.cells, GENERATION);
    Atomics.store(this.cells, COUNT, 0);
    Atomics.add(this.cells, GENERATION, 1);
    Atomics.store(this.cells, BROKEN, 0);
  }

  #brokenError(): Error {
    return syncError("BrokenBarrierError", `Barrier \`${this.name}\` is broken (a wait timed out or it was aborted): reset() it to use it again.`);
  }
}
