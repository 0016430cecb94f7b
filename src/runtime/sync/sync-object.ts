// What every primitive shares: its memory (a few 32-bit cells after a 16-byte signal record),
// an id that means the same object in every realm, a name for the trace, and a record of who
// signalled it last (for wake-up arrows). A primitive sent to a worker is rebuilt there over
// the same memory (see transfer.ts), so both sides operate on one object.
import { host } from "../host";
import { forgetBarrierParties } from "./barrier-parties";
import { allocate } from "./memory";
import type { WaitSubject } from "./waiting";

export type SyncKind = "Lock" | "Semaphore" | "BoundedSemaphore" | "Condition" | "Event" | "Barrier" | "Queue";

/** The memory and identity of a primitive as it travels to another realm. */
export interface SyncState {
  id: number;
  name: string;
  buffer: ArrayBufferLike;
}

/** Bytes before the cells: [epoch ms of the last signal, its task code] as two float64. */
const SIGNAL_BYTES = 16;

// Ids are unique across realms without asking anyone: a random realm prefix, then a count
// (2^21 objects per realm before one repeats), all below 2^31 so an id fits a 32-bit cell.
const REALM = Math.floor(Math.random() * 2 ** 10);
let nextId = 0;
const counters = new Map<SyncKind, number>();
/** Every primitive this realm knows, by id: the deadlock report looks holders up here. */
const known = new Map<number, WeakRef<SyncObject>>();

/** A code for the running task that fits a cell: its numeric id + 1 (main() is 1, none is 0). */
export function currentTaskCode(): number {
  const running = host();
  // A worker's host keeps the code of its task (taking a free lock writes it: no string made).
  return running.taskCode ?? codeOfTask(running.taskId?.());
}

/** The cell code of a task id (as Run.tasks has it; "main" for main(), undefined: none). */
export function codeOfTask(id: string | undefined): number {
  if (id === undefined) return REALM_TASK;
  if (id === "main") return 1;
  const n = Number(id);
  return Number.isInteger(n) && n >= 0 && n < MAX_TASK_ID ? n + 2 : REALM_TASK;
}

// Every code is below 2^30: a Lock keeps its holder's code doubled in its 32-bit word (lock.ts).
const MAX_TASK_ID = 2 ** 29;
/** Outside a run (Node tests) each realm is one party. */
const REALM_TASK = MAX_TASK_ID + 2 + Math.floor(Math.random() * 2 ** 20);

/** The task id (as in Run.tasks, "main" for the driver) of a code from currentTaskCode. */
export function taskOfCode(code: number): string | undefined {
  if (code === 1) return "main";
  if (code >= 2 && code < MAX_TASK_ID + 2) return String(code - 2);
  return undefined;
}

export function findSyncObject(id: number): SyncObject | undefined {
  return known.get(id)?.deref();
}

/** Every primitive of this realm still alive (the deadlock report looks for lock holders). */
export function knownSyncObjects(): SyncObject[] {
  const alive: SyncObject[] = [];
  for (const ref of known.values()) {
    const object = ref.deref();
    if (object) alive.push(object);
  }
  return alive;
}

/** After a run: its objects are the next run's no longer (the next program makes its own). */
export function forgetSyncObjects(): void {
  known.clear();
  forgetBarrierParties();
}

export abstract class SyncObject implements WaitSubject {
  readonly id: number;
  #name: string;
  readonly buffer: ArrayBufferLike;
  /** The primitive's 32-bit cells, for Atomics. */
  readonly cells: Int32Array;
  readonly #signal: Float64Array;

  protected constructor(
    readonly kind: SyncKind,
    cellCount: number,
    from?: SyncState,
    extraBytes = 0,
  ) {
    if (from) {
      this.id = from.id;
      this.#name = from.name;
      this.buffer = from.buffer;
    } else {
      this.id = REALM * 2 ** 21 + (nextId++ % 2 ** 21);
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      this.#name = `${kind}#${n}`;
      this.buffer = allocate(SIGNAL_BYTES + cellCount * 4 + extraBytes);
    }
    this.#signal = new Float64Array(this.buffer, 0, 2);
    this.cells = new Int32Array(this.buffer, SIGNAL_BYTES, cellCount);
    known.set(this.id, new WeakRef(this));
  }

  /** The name the trace and the deadlock report use: the variable's, else `Lock#1`. */
  get name(): string {
    return this.#name;
  }

  /** Called by the compiler for `const a = new Lock()` (see src/compile/object-names.ts). */
  rename(name: string): void {
    this.#name = name;
  }

  /** Offset of the bytes after the cells (a queue's ring). */
  protected get extraOffset(): number {
    return SIGNAL_BYTES + this.cells.length * 4;
  }

  /** What crosses to another realm. */
  state(): SyncState {
    return { id: this.id, name: this.#name, buffer: this.buffer };
  }

  /**
   * Remember that the running task released/notified/put/set now. Two signallers at once may
   * leave a mix of their two records: it only names the arrow's tail, never decides anything.
   */
  protected signal(): void {
    this.#signal[0] = performance.timeOrigin + performance.now();
    this.#signal[1] = currentTaskCode();
  }

  lastSignal(): { task: number; epochMs: number } | undefined {
    const epochMs = this.#signal[0] ?? 0;
    return epochMs > 0 ? { task: this.#signal[1] ?? 0, epochMs } : undefined;
  }

  /** print(lock) and task labels show the name: `ab(a, b)`. */
  [Symbol.for("lanes.describe")](): string {
    return this.#name;
  }
}

/** Python's RuntimeError and ValueError, as these primitives raise them. */
export function syncError(name: "RuntimeError" | "ValueError" | "BrokenBarrierError" | "Empty" | "Full", message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}
