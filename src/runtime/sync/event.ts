// Event: one flag cell. wait sleeps while it reads 0; set stores 1 and wakes every sleeper.
import { SyncObject, type SyncState } from "./sync-object";
import { block, deadlineOf, notify } from "./waiting";

const FLAG = 0;

/**
 * A flag tasks can wait for: `set` wakes every waiting task, `clear` lowers it again.
 * Python's `threading.Event` / `asyncio.Event`.
 * - main: waiting for an event only a later task would set can never end: deadlock.
 */
export class Event extends SyncObject {
  constructor(from?: SyncState) {
    super("Event", 1, from);
  }

  /** True once set, until cleared. */
  isSet(): boolean {
    return Atomics.load(this.cells, FLAG) === 1;
  }

  /** Raise the flag: every waiting task continues. */
  set(): void {
    // Only the set that raised the flag woke anyone: a second set leaves the arrow's tail alone.
    if (Atomics.exchange(this.cells, FLAG, 1) === 0) this.signal();
    notify(this.cells, FLAG);
  }

  /** Lower the flag: later waits wait again. */
  clear(): void {
    Atomics.store(this.cells, FLAG, 0);
  }

  /** Wait until the flag is set; resolves true, or false if `timeoutMs` passed first. */
  wait(timeoutMs?: number): Promise<boolean> {
    const deadline = deadlineOf(timeoutMs, "Event.wait(timeoutMs)");
    return Promise.resolve(
      block({
        attempt: () => this.isSet(),
        cells: this.cells,
        index: FLAG,
        expected: 0,
        deadline,
        subject: this,
        describe: () => `waiting for event \`${this.name}\``,
      }),
    );
  }
}
