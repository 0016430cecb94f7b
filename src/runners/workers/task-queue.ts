// The page-side queue of a worker pool. A Pool.map of 10,000 items is one group, not 10,000
// task objects: batches are cut from groups as they go out, so the page's cost per task is a
// few array writes (the part of the pool the page's thread pays for while workers compute).
import type { TaskBatch } from "./protocol";

/** Tasks submitted together: one call (submit, spawn), or every item of a Pool.map. */
export interface TaskGroup {
  /** Export name of the function in the student's module. */
  readonly fn: string;
  /** Task ids are first, first + 1, …, first + count − 1 (Run task ids are their decimal strings). */
  readonly first: number;
  readonly count: number;
  /** Task i is fn(items[i]) (Pool.map)… */
  readonly items?: readonly unknown[];
  /** …or fn(...args[i]). */
  readonly args?: readonly (readonly unknown[])[];
  /** Task i of the group ended; `lane` is the worker's lane it ran on (if it started). */
  settled(index: number, ok: boolean, value: unknown, lane?: string): void;
}

/** A stretch of one group's tasks that travels in a batch. */
export interface Piece {
  group: TaskGroup;
  from: number;
  count: number;
}

export class TaskQueue {
  #groups: TaskGroup[] = [];
  #head = 0;
  /** Tasks of the head group already taken. */
  #offset = 0;
  #size = 0;

  push(group: TaskGroup): void {
    if (group.count <= 0) return;
    this.#groups.push(group);
    this.#size += group.count;
  }

  /** Tasks waiting. */
  get size(): number {
    return this.#size;
  }

  /**
   * Take the group's tasks that have not gone out yet off the queue: they will never start.
   * Returns them as `from` (index in the group) and `count`; count 0 if none were left.
   */
  cancel(group: TaskGroup): { from: number; count: number } {
    const at = this.#groups.indexOf(group, this.#head);
    if (at < 0) return { from: group.count, count: 0 };
    const from = at === this.#head ? this.#offset : 0;
    const count = group.count - from;
    this.#size -= count;
    if (at === this.#head) {
      this.#head += 1;
      this.#offset = 0;
    } else this.#groups.splice(at, 1);
    return { from, count };
  }

  /** Every task still queued, group by group (a broken pool fails them all). */
  drain(): Piece[] {
    return this.take(this.#size);
  }

  /** Up to `n` tasks, in submission order, as pieces of their groups. */
  take(n: number): Piece[] {
    const pieces: Piece[] = [];
    while (n > 0 && this.#head < this.#groups.length) {
      const group = this.#groups[this.#head] as TaskGroup;
      const count = Math.min(n, group.count - this.#offset);
      pieces.push({ group, from: this.#offset, count });
      n -= count;
      this.#size -= count;
      this.#offset += count;
      if (this.#offset === group.count) {
        this.#head += 1;
        this.#offset = 0;
      }
    }
    if (this.#head > 1024) {
      this.#groups = this.#groups.slice(this.#head); // forget what went out, now and then
      this.#head = 0;
    }
    return pieces;
  }
}

/** The tasks at positions [from, to) of a batch made of `pieces`, as pieces of their groups. */
export function slicePieces(pieces: readonly Piece[], from: number, to: number): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const piece of pieces) {
    const start = Math.max(from, at);
    const end = Math.min(to, at + piece.count);
    if (start < end) out.push({ group: piece.group, from: piece.from + (start - at), count: end - start });
    at += piece.count;
  }
  return out;
}

/** The message for a batch of pieces: one function name and flat items when they allow it. */
export function toBatch(pieces: readonly Piece[]): TaskBatch {
  let total = 0;
  let sameFn = true;
  let allItems = true;
  const fn = pieces[0]?.group.fn ?? "";
  for (const piece of pieces) {
    total += piece.count;
    if (piece.group.fn !== fn) sameFn = false;
    if (!piece.group.items) allItems = false;
  }
  const ids = new Float64Array(total);
  const fns = sameFn ? undefined : new Array<string>(total);
  const only = pieces.length === 1 ? pieces[0] : undefined;
  // The common case, a piece of a map: its items are one slice.
  const items = allItems ? (only ? only.group.items!.slice(only.from, only.from + only.count) : new Array<unknown>(total)) : undefined;
  const args = allItems ? undefined : new Array<readonly unknown[]>(total);
  let at = 0;
  for (const { group, from, count } of pieces) {
    for (let i = from; i < from + count; i++, at++) {
      ids[at] = group.first + i;
      if (fns) fns[at] = group.fn;
      if (args) args[at] = group.items ? [group.items[i]] : (group.args?.[i] ?? []);
      else if (!only) (items as unknown[])[at] = group.items![i];
    }
  }
  return { ids, fn: fns ?? fn, ...(items ? { items } : { args: args as unknown[][] }) };
}
