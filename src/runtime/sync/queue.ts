// Queue: the textbook bounded buffer, a lock and two conditions ("not empty", "not full") over a
// ring in shared memory. Items are copied in as bytes (item-codec.ts): a record is a header
// (the item's length, the putter's task code and the epoch time of the put) and the item's
// bytes, written at `tail` and read at `head`, wrapping around the ring. The header's putter
// is the tail of the wake-up arrow to the getter that waited for this item: with two producers,
// "whoever put last" would often name the wrong one.
// The two conditions are sequence counters in the queue's own cells (as in condition.ts), so
// their waits can be labelled "queue full (4/4)" rather than with a condition's name.
// `unfinished` counts items put and not yet marked done (join/taskDone); it is atomic, so
// taskDone needs no lock.
import { sampleCounter, trackOption, type Trackable } from "./counter-track";
import { Lock } from "./lock";
import { currentTaskCode, SyncObject, syncError, type SyncState } from "./sync-object";
import { decodeItem, encodeItem } from "./item-codec";
import { FULFILLED_VOID, fulfilledWith } from "../fulfilled";
import { block, deadlineOf, notify, type BlockRequest } from "./waiting";

const COUNT = 0;
const HEAD = 1;
const TAIL = 2;
const USED = 3;
const UNFINISHED = 4;
const NOT_EMPTY = 5;
const NOT_FULL = 6;
const ALL_DONE = 7;
const CAPACITY = 8;
/** Tasks sleeping in get / in put: a notify (a system call) only when someone sleeps. */
const GETTERS = 9;
const PUTTERS = 10;
const CELLS = 11;

/** A record's header: length (u32), putter's task code (i32), put time (f64 epoch ms). */
const HEADER = 16;

/** Bytes of item data a queue holds at most (items are bounded by `capacity` and by this). */
const RING_BYTES = 1 << 20;

/** A queue's inner lock: its waits read "waiting for queue `q`". */
class QueueLock extends Lock {
  protected override waitWord = "queue";
}

/** Options of a {@link Queue}. */
export interface QueueOptions {
  /** How many items it holds before `put` waits; default: no limit (up to 1 MiB of items). */
  capacity?: number;
  /** Draw its length on the timeline, as a counter track under the lanes (default false). */
  track?: boolean;
}

/** What a Queue is made of, as it crosses to a worker. */
export interface QueueState extends SyncState {
  lock: SyncState;
}

/**
 * A first-in, first-out queue between tasks; with a `capacity`, `put` waits while it is full.
 * Items are copied (structured-clonable data: numbers, strings, arrays, plain objects, Map, Set,
 * Date, typed arrays). Python's `queue.Queue` (`asyncio.Queue`, `multiprocessing.Queue`).
 * - main: a `get` waiting for an item only a later task would put can never end: deadlock.
 * - async: waiting tasks let the others run. workers: waiting blocks the worker.
 */
export class Queue<T = unknown> extends SyncObject implements Trackable {
  readonly #lock: Lock;
  /** Whether its length is drawn as a counter track (counter-track.ts). */
  tracked = false;
  readonly #ring: Uint8Array;

  constructor(options: QueueOptions = {}, from?: QueueState) {
    super("Queue", CELLS, from, RING_BYTES);
    this.#ring = new Uint8Array(this.buffer, this.extraOffset, RING_BYTES);
    this.#lock = new QueueLock(from?.lock);
    this.#lock.rename(this.name);
    if (from) return;
    const capacity = options.capacity ?? 0;
    if (!Number.isInteger(capacity) || capacity < 0) throw syncError("ValueError", `A queue's capacity must be a whole number ≥ 1 (or none, for no limit), got ${String(options.capacity)}.`);
    this.cells[CAPACITY] = capacity;
    this.tracked = trackOption(options.track, "A queue");
  }

  override rename(name: string): void {
    super.rename(name);
    this.#lock.rename(name);
  }

  override state(): QueueState {
    return { ...super.state(), lock: this.#lock.state() };
  }

  /** The most items it holds (Infinity: no limit). */
  get capacity(): number {
    return this.cells[CAPACITY] || Infinity;
  }

  /** Items in the queue now (it may change the moment after you read it). */
  get size(): number {
    return Atomics.load(this.cells, COUNT);
  }

  /** Add `item` at the end, waiting while the queue is full; throws `Full` if `timeoutMs` passed first. */
  put(item: T, timeoutMs?: number): Promise<void> {
    let deadline: number;
    let bytes: Uint8Array;
    try {
      deadline = deadlineOf(timeoutMs, "Queue.put(item, timeoutMs)");
      bytes = this.#encode(item);
    } catch (error) {
      return Promise.reject(error); // as from an async function
    }
    // The fast path: the lock free and room in the ring, all done now, without a promise of
    // its own or a turn of the microtask queue while holding the lock.
    const held = this.#lock.tryAcquire();
    if (held && this.#fits(bytes)) {
      this.#write(bytes);
      this.#lock.release();
      this.#wake(NOT_EMPTY, GETTERS);
      return FULFILLED_VOID;
    }
    return this.#putSlow(bytes, deadline, timeoutMs, held);
  }

  async #putSlow(bytes: Uint8Array, deadline: number, timeoutMs: number | undefined, held: boolean): Promise<void> {
    if (!held) await this.#lock.acquire();
    try {
      const room = await this.#waitWhile(() => !this.#fits(bytes), NOT_FULL, PUTTERS, deadline, () => `queue \`${this.name}\` full (${this.size}/${this.capacity === Infinity ? "1 MiB" : this.capacity})`);
      if (!room) throw syncError("Full", `Queue \`${this.name}\` stayed full for ${String(timeoutMs)} ms.`);
      this.#write(bytes);
    } finally {
      this.#lock.release();
    }
    this.#wake(NOT_EMPTY, GETTERS);
  }

  /** Take the first item, waiting while the queue is empty; throws `Empty` if `timeoutMs` passed first. */
  get(timeoutMs?: number): Promise<T> {
    let deadline: number;
    try {
      deadline = deadlineOf(timeoutMs, "Queue.get(timeoutMs)");
    } catch (error) {
      return Promise.reject(error);
    }
    const held = this.#lock.tryAcquire();
    if (held && this.size > 0) {
      const bytes = this.#read();
      this.#lock.release();
      this.#wake(NOT_FULL, PUTTERS);
      try {
        return fulfilledWith(decodeItem(bytes) as T); // decoded data: never a thenable
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.#getSlow(deadline, timeoutMs, held);
  }

  async #getSlow(deadline: number, timeoutMs: number | undefined, held: boolean): Promise<T> {
    let bytes: Uint8Array;
    if (!held) await this.#lock.acquire();
    try {
      const some = await this.#waitWhile(() => this.size === 0, NOT_EMPTY, GETTERS, deadline, () => `queue \`${this.name}\` empty, waiting for an item`, () => this.#headPut());
      if (!some) throw syncError("Empty", `Queue \`${this.name}\` stayed empty for ${String(timeoutMs)} ms.`);
      bytes = this.#read();
    } finally {
      this.#lock.release();
    }
    this.#wake(NOT_FULL, PUTTERS);
    return decodeItem(bytes) as T;
  }

  /** Add `item` if there is room now; resolves false (and adds nothing) if the queue is full. */
  async tryPut(item: T): Promise<boolean> {
    const bytes = this.#encode(item);
    await this.#lock.acquire();
    try {
      if (!this.#fits(bytes)) return false;
      this.#write(bytes);
    } finally {
      this.#lock.release();
    }
    this.#wake(NOT_EMPTY, GETTERS);
    return true;
  }

  /** Take the first item if there is one now; resolves undefined if the queue is empty. */
  async tryGet(): Promise<T | undefined> {
    let bytes: Uint8Array;
    await this.#lock.acquire();
    try {
      if (this.size === 0) return undefined;
      bytes = this.#read();
    } finally {
      this.#lock.release();
    }
    this.#wake(NOT_FULL, PUTTERS);
    return decodeItem(bytes) as T;
  }

  /** Mark one item taken with `get` as fully processed (Python's `task_done`). */
  taskDone(): void {
    let v = Atomics.load(this.cells, UNFINISHED);
    for (;;) {
      if (v <= 0) throw syncError("ValueError", `taskDone() called more times than items were put in queue \`${this.name}\`.`);
      const seen = Atomics.compareExchange(this.cells, UNFINISHED, v, v - 1);
      if (seen === v) break;
      v = seen;
    }
    if (v === 1) {
      Atomics.add(this.cells, ALL_DONE, 1);
      this.signal();
      notify(this.cells, ALL_DONE);
    }
  }

  /** Wait until every item put has been marked done with `taskDone`. */
  async join(): Promise<void> {
    const cells = this.cells;
    while (Atomics.load(cells, UNFINISHED) > 0) {
      const seen = Atomics.load(cells, ALL_DONE);
      if (Atomics.load(cells, UNFINISHED) === 0) break;
      await block({
        attempt: () => Atomics.load(cells, ALL_DONE) !== seen,
        cells,
        index: ALL_DONE,
        expected: seen,
        deadline: Infinity,
        subject: this,
        describe: () => `joining queue \`${this.name}\` (${Atomics.load(cells, UNFINISHED)} not done)`,
      });
    }
  }

  #encode(item: T): Uint8Array {
    const bytes = encodeItem(item);
    if (bytes.length + HEADER > RING_BYTES) throw new RangeError(`A queue item is at most 1 MiB once copied; this one is ${bytes.length} bytes. Put smaller pieces.`);
    return bytes;
  }

  #fits(bytes: Uint8Array): boolean {
    const cap = this.cells[CAPACITY] ?? 0;
    if (cap > 0 && this.size >= cap) return false;
    return RING_BYTES - Atomics.load(this.cells, USED) >= bytes.length + HEADER;
  }

  /**
   * Called holding the lock: wait (releasing it meanwhile) until `blocked()` is false. The
   * sleeper count goes up before the lock is released, so a signaller that changes the state
   * after that sees it (it reads the count after its own change, under the same lock).
   */
  async #waitWhile(blocked: () => boolean, seq: number, sleepers: number, deadline: number, describe: () => string, signalled?: BlockRequest["signalled"]): Promise<boolean> {
    const cells = this.cells;
    while (blocked()) {
      const seen = Atomics.load(cells, seq);
      Atomics.add(cells, sleepers, 1);
      this.#lock.release();
      let woke: boolean;
      try {
        woke = await block({ attempt: () => Atomics.load(cells, seq) !== seen, cells, index: seq, expected: seen, deadline, subject: this, describe, signalled });
      } finally {
        Atomics.sub(cells, sleepers, 1);
        await this.#lock.acquire();
      }
      if (!woke && blocked()) return false;
    }
    return true;
  }

  /**
   * After a put (or get), outside the lock: bump the condition's sequence, so a sleeper that
   * read it before releasing the lock does not sleep through this, and wake one if any sleeps.
   * Waking outside the lock spares the woken task a wait for the lock its waker still holds.
   */
  #wake(seq: number, sleepers: number): void {
    Atomics.add(this.cells, seq, 1);
    if (Atomics.load(this.cells, sleepers) === 0) return;
    this.signal();
    notify(this.cells, seq, 1);
  }

  #write(bytes: Uint8Array): void {
    const cells = this.cells;
    const tail = cells[TAIL] ?? 0;
    const header = new DataView(new ArrayBuffer(HEADER));
    header.setUint32(0, bytes.length, true);
    header.setInt32(4, currentTaskCode(), true);
    header.setFloat64(8, performance.timeOrigin + performance.now(), true);
    this.#copyIn(new Uint8Array(header.buffer), tail);
    this.#copyIn(bytes, (tail + HEADER) % RING_BYTES);
    cells[TAIL] = (tail + HEADER + bytes.length) % RING_BYTES;
    Atomics.add(cells, USED, bytes.length + HEADER);
    Atomics.add(cells, UNFINISHED, 1);
    Atomics.add(cells, COUNT, 1);
    if (this.tracked) sampleCounter(this, "queue length", this.size, this.capacity); // under the lock: exact
  }

  #read(): Uint8Array {
    const cells = this.cells;
    const head = cells[HEAD] ?? 0;
    const length = new DataView(this.#copyOut(head, HEADER).buffer).getUint32(0, true);
    const bytes = this.#copyOut((head + HEADER) % RING_BYTES, length);
    cells[HEAD] = (head + HEADER + length) % RING_BYTES;
    Atomics.sub(cells, USED, length + HEADER);
    Atomics.sub(cells, COUNT, 1);
    if (this.tracked) sampleCounter(this, "queue length", this.size, this.capacity);
    return bytes;
  }

  /**
   * Who put the first item, and when: read without the lock by a getter that just woke, to
   * name its wake-up arrow (another getter may take that item first: then this getter waits
   * again, and its next wake-up is drawn instead).
   */
  #headPut(): { task: number; epochMs: number } | undefined {
    if (this.size === 0) return undefined;
    const header = new DataView(this.#copyOut(this.cells[HEAD] ?? 0, HEADER).buffer);
    return { task: header.getInt32(4, true), epochMs: header.getFloat64(8, true) };
  }

  #copyIn(bytes: Uint8Array, at: number): void {
    const first = Math.min(bytes.length, RING_BYTES - at);
    this.#ring.set(bytes.subarray(0, first), at);
    if (first < bytes.length) this.#ring.set(bytes.subarray(first), 0);
  }

  /** A copy (never a view: the ring is reused, and TextDecoder refuses shared memory). */
  #copyOut(at: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    const first = Math.min(length, RING_BYTES - at);
    out.set(this.#ring.subarray(at, at + first));
    if (first < length) out.set(this.#ring.subarray(0, length - first), first);
    return out;
  }
}
