// Barrier: a generation counter. Each arrival adds to `count`; the last of `parties` resets the
// count and bumps the generation, waking all; the others sleep while the generation is the one
// they arrived in. Resetting the count before the bump matters: a party can only start the next
// round after it has seen the bump, so it always counts into a fresh round.
import { barrierMade, joinBarrier, type BreakableBarrier } from "./barrier-parties";
import { currentTaskCode, SyncObject, syncError, type SyncState } from "./sync-object";
import { block, deadlineOf, notify } from "./waiting";

const COUNT = 0;
const GENERATION = 1;
const BROKEN = 2;
const PARTIES = 3;
/** Why it broke: a wait timed out or abort() (TIMED_OUT_OR_ABORTED), or a party's task failed. */
const CAUSE = 4;
const TIMED_OUT_OR_ABORTED = 0;
const PARTY_FAILED = 1;

/**
 * A meeting point for `parties` tasks: each `wait` returns once all have arrived.
 * Python's `threading.Barrier`. A wait that times out, or `abort()`, breaks the barrier:
 * every waiting and later `wait` then throws BrokenBarrierError until `reset()`. Unlike Python,
 * a task that fails breaks the barriers it is a party to (that it waited at, or was given as an
 * argument), so the others learn at once that it will never arrive (see barrier-parties.ts).
 * - main: tasks run one at a time, so a barrier of more than one task can never fill: deadlock.
 */
export class Barrier extends SyncObject implements BreakableBarrier {
  constructor(parties: number, from?: SyncState) {
    super("Barrier", 5, from);
    barrierMade(this);
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
    joinBarrier(currentTaskCode(), this);
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
    this.#break(TIMED_OUT_OR_ABORTED);
  }

  /** A party's task failed: it will never arrive, so nobody must wait for it. */
  breakForFailedParty(): void {
    if (!this.broken) this.#break(PARTY_FAILED);
  }

  #break(cause: number): void {
    Atomics.store(this.cells, CAUSE, cause);
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
    const why = Atomics.load(this.cells, CAUSE) === PARTY_FAILED ? "a task that was a party to it failed, so it can never be passed" : "a wait timed out or it was aborted";
    return syncError("BrokenBarrierError", `Barrier \`${this.name}\` is broken (${why}): reset() it to use it again.`);
  }
}
