// The runtime half of the loop guard (see src/compile/loop-guard.ts): compiled programs call
// this at the top of every loop body. It must not be skippable by the program:
// - its name is reserved: the compiler refuses a program that declares or names it;
// - once it has thrown (the run stopped, or is past its limit), every later call throws again,
//   so a `catch` around an inner loop cannot swallow the stop: the next guard call throws;
// - it needs no clock read to notice a limit: the stage's alarm (a worker that writes a shared
//   cell when the run's deadline passes) is read on every call, so a slow loop body (a 15 ms
//   work() per iteration) overruns the limit by one body at most, not by 4,096 of them.
// Most calls cost an increment and two reads; every CHECK_EVERY-th, once the alarm rang, or
// when it tapped (ten times a second), the guard asks the run whether it has ended or is past
// a limit, which costs a clock read (and at most every 20 ms a look at the heap).
import { host } from "./host";

/** The name compiled programs import it by (the compiler and the lanes shim agree on it). */
export const LOOP_GUARD_NAME = "$__lanesLoop";

/** Names a program may not use: they could shadow the loop guard. */
export const RESERVED_PREFIX = "$__lanes";

const CHECK_EVERY = 4096;
let calls = 0;
/** The error that ended the run, thrown again by every later call. */
let stoppedBy: unknown;
let stopped = false;
/** Cell 0 turns non-zero when the run's deadline has passed (see readAlarmFrom). */
let alarm: Int32Array<ArrayBufferLike> = new Int32Array(1);

/** The alarm's cell once the run's deadline has passed, or Stop was pressed: stays until re-armed. */
export const ALARM_RING = 1;
/** The alarm's cell when it asks for a look at the run's limits (its memory) now: the guard clears it. */
export const ALARM_TAP = 2;

/**
 * Read the stage's alarm cell (an Int32Array on a SharedArrayBuffer) on every call: when
 * another thread sets cell 0, the next call asks the run at once whether it is over.
 */
export function readAlarmFrom(cell: Int32Array): void {
  alarm = cell;
}

export function loopGuard(line: number): void {
  if (stopped) throw stoppedBy;
  if (++calls < CHECK_EVERY && alarm[0] === 0) return;
  calls = 0;
  if (alarm[0] === ALARM_TAP) Atomics.compareExchange(alarm, 0, ALARM_TAP, 0); // a ring that came meanwhile stays
  try {
    host().checkpoint?.({ loopLine: line });
  } catch (error) {
    stopped = true;
    stoppedBy = error;
    throw error;
  }
}
