// A worker's trace batch (trace/events.ts), checked before the recorder reads it. The worker
// runs the student's code, which can post anything structured clone allows on the worker's
// own channel: a batch is untrusted input. One that is not well formed, too large, or speaks
// for another lane is refused with a sentence; the slot then ends that worker (its tasks fail
// with the sentence) instead of letting forEachEvent throw on the page, or a forged line land
// on another worker's lane.
import { STATES, type CounterKind } from "../../trace/run";
import { STRIDE, OP_LEAVE, type TraceBatch } from "../../trace/events";

/** Per batch. A worker flushes its events every few ms: real batches hold hundreds, not these. */
export const BATCH_LIMITS = { events: 250_000, strings: 50_000, text: 100_000, wakeups: 10_000, counters: 100_000 } as const;

const COUNTER_KINDS: readonly CounterKind[] = ["queue length", "permits in use"];

const OP_PRINT_BASE = -2;
const OP_LABELLED_BASE = 16;

export type CheckedBatch = { ok: true; batch: TraceBatch } | { ok: false; message: string };

const refused = (what: string): CheckedBatch => ({ ok: false, message: `The worker sent trace events Lanes does not accept: ${what}.` });

const isIndex = (n: number, length: number) => Number.isInteger(n) && n >= 0 && n < length;

function wakeupsValid(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > BATCH_LIMITS.wakeups) return false;
  const end = (e: unknown) => typeof e === "object" && e !== null && typeof (e as { task?: unknown }).task === "string" && Number.isFinite((e as { t?: unknown }).t);
  return value.every((w: unknown) => typeof w === "object" && w !== null && typeof (w as { object?: unknown }).object === "string" && end((w as { from?: unknown }).from) && end((w as { to?: unknown }).to));
}

/** Counter-track samples (Queue/Semaphore with `track: true`): named, of a known kind, numbers. */
function countersValid(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > BATCH_LIMITS.counters) return false;
  return value.every((c: unknown) => {
    if (typeof c !== "object" || c === null) return false;
    const { object, kind, max, t, value: n } = c as Record<string, unknown>;
    return (
      typeof object === "string" && object.length <= BATCH_LIMITS.text &&
      COUNTER_KINDS.includes(kind as CounterKind) &&
      (max === undefined || Number.isFinite(max)) && Number.isFinite(t) && Number.isFinite(n)
    );
  });
}

/** `value` as a batch from the worker whose lane is `lane`: every event on that lane only. */
export function checkBatch(value: unknown, lane: string): CheckedBatch {
  if (typeof value !== "object" || value === null) return refused("the batch is not an object");
  const { strings, data, wakeups, counters } = value as Partial<Record<keyof TraceBatch, unknown>>;
  if (!Array.isArray(strings) || !(data instanceof Float64Array)) return refused("the batch is not a string table and a Float64Array");
  if (strings.length > BATCH_LIMITS.strings) return refused(`${strings.length} strings in one batch, more than the ${BATCH_LIMITS.strings} allowed`);
  for (const s of strings as unknown[]) {
    if (typeof s !== "string") return refused("the string table holds something that is not a string");
    if (s.length > BATCH_LIMITS.text) return refused(`a string of ${s.length} characters, more than the ${BATCH_LIMITS.text} allowed`);
  }
  if (data.length % STRIDE !== 0) return refused(`${data.length} numbers is not a whole number of events`);
  if (data.length / STRIDE > BATCH_LIMITS.events) return refused(`${data.length / STRIDE} events in one batch, more than the ${BATCH_LIMITS.events} allowed`);
  if (wakeups !== undefined && !wakeupsValid(wakeups)) return refused("its wake-ups are not a short list of wake-ups");
  if (counters !== undefined && !countersValid(counters)) return refused("its counter samples are not a list of named samples of a known kind");
  const table = strings as string[];
  for (let at = 0; at < data.length; at += STRIDE) {
    const [t, laneIndex, task, op] = [data[at]!, data[at + 1]!, data[at + 2]!, data[at + 3]!];
    if (!Number.isFinite(t)) return refused(`event ${at / STRIDE} has no finite time`);
    if (!isIndex(laneIndex, table.length) || table[laneIndex] !== lane) return refused(`event ${at / STRIDE} is not on the worker's own lane`);
    if (!(task < 0 ? Number.isInteger(task) && task >= -(2 ** 31) : isIndex(task, table.length))) return refused(`event ${at / STRIDE} names no task`);
    if (!Number.isInteger(op)) return refused(`event ${at / STRIDE} has an unknown op`);
    const valid =
      op === OP_LEAVE ||
      (op <= OP_PRINT_BASE && isIndex(OP_PRINT_BASE - op, table.length)) ||
      (op >= 0 && op < STATES.length) ||
      (op >= OP_LABELLED_BASE && (op - OP_LABELLED_BASE) % 8 < STATES.length && isIndex(Math.floor((op - OP_LABELLED_BASE) / 8), table.length));
    if (!valid) return refused(`event ${at / STRIDE} has an unknown op or refers to no string`);
  }
  const batch: TraceBatch = { strings: table, data };
  if (wakeups !== undefined) batch.wakeups = wakeups as TraceBatch["wakeups"];
  if (counters !== undefined) batch.counters = counters as TraceBatch["counters"];
  return { ok: true, batch };
}
