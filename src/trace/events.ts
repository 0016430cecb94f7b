// The compact encoding trace events travel in from a worker to the page.
// A busy worker records tens of thousands of events a second; one object per event would cost
// an allocation to build and a full object-graph walk to structured-clone. Instead a batch is:
//
//   strings: string[]       every lane id, task id and output text of the batch, each once
//   data:    Float64Array   STRIDE (4) numbers per event: [t, lane, task, op]
//                            t     sender's performance.now(), converted on the page
//                            lane  index into strings
//                            task  index into strings, or -(n+1) for a task whose id is the
//                                  decimal integer n (pool tasks: no string table entry each)
//                            op    0..4   open a span in STATES[op] (after closing the open one)
//                                  -1     close the open span only (OP_LEAVE)
//                                  -2-i   an output line whose text is strings[i]
//                                  16+8i+s  open a span in STATES[s] named strings[i] (a wait's label)
//   wakeups?: a few wake-ups as objects (only contended waits make them; see Run.wakeups),
//             their times in the sender's clock like t
//   counters?: samples of counter tracks as objects (only objects made with `track: true`
//             make them; see Run.counters), their times in the sender's clock like t
//
// `data` is one buffer, so it can be transferred (zero copy) or cloned as a single memcpy;
// `strings` stays tiny because ids repeat. Every batch is self-contained (its own string table),
// so batches may be dropped or applied independently.
import { STATES, type CounterKind, type State, type Wakeup } from "./run";

/** One sample of a counter track as it travels (see Run.counters). */
export interface CounterEvent {
  object: string;
  kind: CounterKind;
  max?: number;
  t: number;
  value: number;
}

export interface TraceBatch {
  strings: string[];
  data: Float64Array;
  wakeups?: Wakeup[];
  counters?: CounterEvent[];
}

export const STRIDE = 4;
export const OP_LEAVE = -1;
const OP_PRINT_BASE = -2;
const OP_LABELLED_BASE = 16;

export type TraceEvent =
  | { kind: "state"; t: number; lane: string; task: string; state: State | null; label?: string }
  | { kind: "output"; t: number; lane: string; task: string; text: string };

/** Receives decoded events without an object per event (see forEachEvent). */
export interface TraceSink {
  state(t: number, lane: string, task: string, state: State | null, label?: string): void;
  output(t: number, lane: string, task: string, text: string): void;
  /**
   * Optional: a state opened and closed by the very next event (same lane, same task), given as
   * one call — most pool tasks are exactly this. Without it, the two state() calls are made.
   */
  span?(start: number, end: number, lane: string, task: string, state: State): void;
}

/**
 * A task as a sender names it: its id, or for a task whose id is the decimal string of an
 * integer, that integer (pool tasks: no string built or parsed per task).
 */
export type TaskRef = string | number;

const STATE_OP = new Map<State, number>(STATES.map((s, i) => [s, i]));
/** Task ids that travel as numbers: canonical decimal integers below 2^31. */
const NUMERIC_ID = /^(0|[1-9]\d{0,8})$/;

/** Builds batches on the sending side; take() hands one over and starts the next. */
export class TraceBatchWriter implements TraceSink {
  #strings: string[] = [];
  #index = new Map<string, number>();
  #data = new Float64Array(256);
  #used = 0;
  /** The last task's slot, cached; undefined at a batch's start ("" is a task too: a worker's top-level code). */
  #lastTask: TaskRef | undefined;
  #lastTaskSlot = 0;
  #wakeups: Wakeup[] = [];
  #counters: CounterEvent[] = [];

  state(t: number, lane: string, task: TaskRef, state: State | null, label?: string): void {
    const op = state === null ? OP_LEAVE : STATE_OP.get(state);
    if (op === undefined) throw new Error(`Unknown trace state "${String(state)}".`);
    const labelled = label === undefined || op === OP_LEAVE ? op : OP_LABELLED_BASE + 8 * this.#intern(label) + op;
    this.#push(t, this.#intern(lane), this.#taskSlot(task), labelled);
  }

  wakeup(wakeup: Wakeup): void {
    this.#wakeups.push(wakeup);
  }

  counter(sample: CounterEvent): void {
    this.#counters.push(sample);
  }

  output(t: number, lane: string, task: TaskRef, text: string): void {
    this.#push(t, this.#intern(lane), this.#taskSlot(task), OP_PRINT_BASE - this.#intern(text));
  }

  /** Events go straight into a typed array that doubles when full: no per-event garbage. */
  #push(t: number, lane: number, task: number, op: number): void {
    if (this.#used + STRIDE > this.#data.length) {
      const bigger = new Float64Array(this.#data.length * 2);
      bigger.set(this.#data);
      this.#data = bigger;
    }
    const d = this.#data;
    const at = this.#used;
    d[at] = t;
    d[at + 1] = lane;
    d[at + 2] = task;
    d[at + 3] = op;
    this.#used = at + STRIDE;
  }

  /**
   * Takes back the last event if it opened `state` for `task` on `lane` at exactly `t`, and says
   * whether it did. For a sender that knows nothing else was open for the task: a span that
   * opens and closes within one clock tick is empty, and the page drops empty spans, so neither
   * event needs to travel (a pool of no-op tasks is mostly such spans).
   */
  retractOpen(t: number, lane: string, task: TaskRef, state: State): boolean {
    const at = this.#used - STRIDE;
    if (at < 0) return false;
    const d = this.#data;
    if (d[at] !== t || d[at + 3] !== STATE_OP.get(state)) return false;
    if (d[at + 1] !== this.#index.get(lane) || d[at + 2] !== this.#slotOf(task)) return false;
    this.#used = at;
    return true;
  }

  /** Events waiting in the current batch. */
  get length(): number {
    return this.#used / STRIDE;
  }

  /** The batch so far, or null if nothing was recorded since the last take(). */
  take(): TraceBatch | null {
    if (this.#used === 0 && this.#wakeups.length === 0 && this.#counters.length === 0) return null;
    const batch: TraceBatch = { strings: this.#strings, data: this.#data.slice(0, this.#used) };
    if (this.#wakeups.length > 0) {
      batch.wakeups = this.#wakeups;
      this.#wakeups = [];
    }
    if (this.#counters.length > 0) {
      batch.counters = this.#counters;
      this.#counters = [];
    }
    this.#strings = [];
    this.#index = new Map();
    this.#used = 0;
    this.#lastTask = undefined;
    return batch;
  }

  /** A task's events come in runs (running, then leave): remember the last one's slot. */
  #taskSlot(task: TaskRef): number {
    if (task === this.#lastTask) return this.#lastTaskSlot;
    const slot = numericSlot(task) ?? this.#intern(String(task));
    this.#lastTask = task;
    this.#lastTaskSlot = slot;
    return slot;
  }

  /** The slot `task` has in this batch, without adding it: undefined if it has none. */
  #slotOf(task: TaskRef): number | undefined {
    if (task === this.#lastTask) return this.#lastTaskSlot;
    return numericSlot(task) ?? this.#index.get(String(task));
  }

  #intern(s: string): number {
    let i = this.#index.get(s);
    if (i === undefined) {
      i = this.#strings.length;
      this.#strings.push(s);
      this.#index.set(s, i);
    }
    return i;
  }
}

/** -(n+1) for a task that travels as the number n, or undefined if it travels as a string. */
function numericSlot(task: TaskRef): number | undefined {
  if (typeof task === "number") return Number.isInteger(task) && task >= 0 && task < 2 ** 31 ? -(task + 1) : undefined;
  return NUMERIC_ID.test(task) ? -(Number(task) + 1) : undefined;
}

/** What to list as transferables when posting a batch, so its numbers move instead of copy. */
export function batchTransfer(batch: TraceBatch): ArrayBuffer[] {
  const buffer = batch.data.buffer;
  return buffer instanceof ArrayBuffer ? [buffer] : [];
}

/**
 * Calls the sink once per event, in recorded order, with times as sent.
 * A malformed batch throws: it can only come from a bug in the worker side, not from user code.
 */
export function forEachEvent(batch: TraceBatch, sink: TraceSink): void {
  const { strings, data } = batch;
  if (data.length % STRIDE !== 0) throw new Error(`Malformed trace batch: ${data.length} numbers is not a multiple of ${STRIDE}.`);
  const str = (i: number, at: number): string => {
    const s = strings[i];
    if (s === undefined) throw new Error(`Malformed trace batch: event ${at / STRIDE} refers to string ${i} of ${strings.length}.`);
    return s;
  };
  for (let at = 0; at < data.length; at += STRIDE) {
    const t = data[at] as number;
    const lane = str(data[at + 1] as number, at);
    const taskSlot = data[at + 2] as number;
    const task = taskSlot < 0 ? String(-taskSlot - 1) : str(taskSlot, at);
    const op = data[at + 3] as number;
    if (op === OP_LEAVE) sink.state(t, lane, task, null);
    else if (op <= OP_PRINT_BASE) sink.output(t, lane, task, str(OP_PRINT_BASE - op, at));
    else if (op >= OP_LABELLED_BASE) {
      const state = STATES[(op - OP_LABELLED_BASE) % 8];
      if (state === undefined) throw new Error(`Malformed trace batch: event ${at / STRIDE} has unknown op ${op}.`);
      sink.state(t, lane, task, state, str(Math.floor((op - OP_LABELLED_BASE) / 8), at));
    } else {
      const state = STATES[op];
      if (state === undefined) throw new Error(`Malformed trace batch: event ${at / STRIDE} has unknown op ${op}.`);
      const next = at + STRIDE;
      if (sink.span && next < data.length && data[next + 3] === OP_LEAVE && data[next + 1] === data[at + 1] && data[next + 2] === taskSlot) {
        sink.span(t, data[next] as number, lane, task, state);
        at = next;
      } else sink.state(t, lane, task, state);
    }
  }
}

/** Events as objects: for tests and debugging, not the hot path. */
export function decodeEvents(batch: TraceBatch): TraceEvent[] {
  const events: TraceEvent[] = [];
  forEachEvent(batch, {
    state: (t, lane, task, state, label) => events.push(label === undefined ? { kind: "state", t, lane, task, state } : { kind: "state", t, lane, task, state, label }),
    output: (t, lane, task, text) => events.push({ kind: "output", t, lane, task, text }),
  });
  return events;
}
