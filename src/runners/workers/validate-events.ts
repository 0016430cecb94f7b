// A worker's trace batch (trace/events.ts), checked before the recorder reads it. The worker
// runs the student's code, which can post anything structured clone allows on the worker's
// own channel: a batch is untrusted input. One that is not well formed, too large, or speaks
// for another lane or for a task the worker was not given (another worker's, or none at all)
// is refused with a sentence; the slot then ends that worker (its tasks fail with the
// sentence) instead of letting forEachEvent throw on the page, or a forged line land on
// another worker's lane or task.
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

/** The tasks a worker was given in this run (given-tasks.ts), by numeric id. */
export interface OwnTasks {
  has(id: number): boolean;
}

/**
 * The one task a worker may name by string: "", no task (its copy of the program's top-level
 * code, as it imports it). Every task it is given travels as a number (a pool task's id).
 */
const NO_TASK = "";

/** A wake-up's woken task, as the worker names it: "" or the decimal id of a task it was given. */
const ownTaskId = (task: string, own: OwnTasks) => task === NO_TASK || (/^(0|[1-9]\d{0,15})$/.test(task) && own.has(Number(task)));

/** The task a worker's self-close message names, as a Run task id, if it is one of the worker's own. */
export function ownTask(task: unknown, own: OwnTasks): string | undefined {
  const id = typeof task === "number" ? String(task) : task;
  return typeof id === "string" && id !== NO_TASK && ownTaskId(id, own) ? id : undefined;
}

/**
 * The tasks a worker gives back (protocol.ts ReturnedMessage), if the message is one Lanes sends:
 * an array, no longer than `limit`, of ids of tasks it was given and has not given back before.
 */
export function givenBackTasks(value: unknown, own: OwnTasks, before: ReadonlySet<number>, limit: number): number[] | undefined {
  if (!Array.isArray(value) || value.length > limit) return undefined;
  const seen = new Set<number>();
  for (const id of value as unknown[]) {
    if (typeof id !== "number" || !own.has(id) || before.has(id) || seen.has(id)) return undefined;
    seen.add(id);
  }
  return [...seen];
}

/**
 * Wake-ups: the woken end (`to`) is this worker's own task; the waker (`from`) may be any task
 * of the run (another worker's release woke this one), so only its shape is checked.
 */
function wakeupsValid(value: unknown, own: OwnTasks): boolean {
  if (!Array.isArray(value) || value.length > BATCH_LIMITS.wakeups) return false;
  const end = (e: unknown) => typeof e === "object" && e !== null && typeof (e as { task?: unknown }).task === "string" && Number.isFinite((e as { t?: unknown }).t);
  return value.every((w: unknown) => {
    if (typeof w !== "object" || w === null) return false;
    const { object, from, to } = w as Record<string, unknown>;
    return typeof object === "string" && end(from) && end(to) && ownTaskId((to as { task: string }).task, own);
  });
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

/**
 * `value` as a batch from the worker whose lane is `lane` and whose tasks are `own`: every event
 * on that lane only, and for one of those tasks (or for no task: its top-level code).
 */
export function checkBatch(value: unknown, lane: string, own: OwnTasks): CheckedBatch {
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
  if (wakeups !== undefined && !wakeupsValid(wakeups, own)) return refused("its wake-ups are not a short list of wake-ups of the worker's own tasks");
  if (counters !== undefined && !countersValid(counters)) return refused("its counter samples are not a list of named samples of a known kind");
  const table = strings as string[];
  for (let at = 0; at < data.length; at += STRIDE) {
    const [t, laneIndex, task, op] = [data[at]!, data[at + 1]!, data[at + 2]!, data[at + 3]!];
    if (!Number.isFinite(t)) return refused(`event ${at / STRIDE} has no finite time`);
    if (!isIndex(laneIndex, table.length) || table[laneIndex] !== lane) return refused(`event ${at / STRIDE} is not on the worker's own lane`);
    if (!(task < 0 ? Number.isInteger(task) && task >= -(2 ** 31) : isIndex(task, table.length))) return refused(`event ${at / STRIDE} names no task`);
    if (task < 0 ? !own.has(-task - 1) : table[task] !== NO_TASK) {
      const named = task < 0 ? String(-task - 1) : JSON.stringify(table[task]!.slice(0, 30));
      return refused(`event ${at / STRIDE} is for task ${named}, which this worker was not given`);
    }
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
