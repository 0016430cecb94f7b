// Counter tracks: a queue's length and a semaphore's permits in use, drawn as a step chart under
// the lanes when the program asks for one (`new Queue({ capacity: 4, track: true })`,
// `new Semaphore(3, { track: true })`). Only then: a sample per put/get/acquire/release goes
// through the host to the trace, which an untracked object must not pay for.
//
// The flag travels with the object (transfer.ts), so a queue tracked in main() is tracked in
// every worker it is sent to. Each realm samples its own changes with its own clock, and the
// page merges them in time order.
import { host } from "../host";
import type { CounterKind } from "../../trace/run";

/** A sample as a primitive reports it; the host stamps the time. */
export interface CounterReading {
  object: string;
  kind: CounterKind;
  /** The most it can be; absent when unbounded. */
  max?: number;
  value: number;
}

/** What a trackable primitive offers this module. */
export interface Trackable {
  readonly name: string;
  /** Set by `track: true` (or on arrival in another realm): whether changes are sampled. */
  tracked: boolean;
}

/** Reads the `track` option: anything but a boolean is a mistake worth naming. */
export function trackOption(value: unknown, what: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== "boolean") throw new TypeError(`${what}'s \`track\` option is true or false (draw its counter track on the timeline, or not), got ${String(value)}.`);
  return value;
}

/** Report the counter's new value (called by the primitive just after a change, if tracked). */
export function sampleCounter(object: Trackable, kind: CounterKind, value: number, max: number): void {
  const reading: CounterReading = { object: object.name, kind, value };
  if (Number.isFinite(max)) reading.max = max;
  host().counter?.(reading);
}
