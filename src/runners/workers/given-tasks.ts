// The tasks one worker was given in the current run, so the page can refuse trace events a
// worker sends for any other task (another worker's, or one nobody gave it): the student's code
// runs in the worker and can post whatever it likes. Pool tasks reach a worker in batches of
// consecutive ids, so they are kept as sorted, disjoint ranges [start, end): a pool.map of
// 10,000 items costs each worker a few ranges, not a set entry per task.

export class GivenTasks {
  #starts: number[] = [];
  #ends: number[] = [];
  /** The range the last lookup hit: a task's events come in runs. */
  #hit = -1;

  /** A new run: the worker has been given nothing in it yet. */
  clear(): void {
    this.#starts = [];
    this.#ends = [];
    this.#hit = -1;
  }

  /** The worker is being sent these task ids (a batch's, in order). O(1) per id in order. */
  add(ids: ArrayLike<number>): void {
    for (let i = 0; i < ids.length; i++) this.#addOne(ids[i]!);
  }

  /** Whether the worker was given task `id` in this run. O(1) for the last range hit, else O(log ranges). */
  has(id: number): boolean {
    const hit = this.#hit;
    if (hit >= 0 && id >= this.#starts[hit]! && id < this.#ends[hit]!) return true;
    const at = this.#rangeAtOrBefore(id);
    if (at < 0 || id >= this.#ends[at]!) return false;
    this.#hit = at;
    return true;
  }

  #addOne(id: number): void {
    if (!Number.isInteger(id)) return;
    const last = this.#ends.length - 1;
    if (last >= 0 && this.#ends[last] === id) {
      this.#ends[last] = id + 1; // the next of a batch, or of the batch before: the usual case
      return;
    }
    if (last < 0 || id > this.#ends[last]!) {
      this.#starts.push(id);
      this.#ends.push(id + 1);
      return;
    }
    // Out of order (a group submitted earlier, sent later): insert it where it belongs.
    const at = this.#rangeAtOrBefore(id);
    if (at >= 0 && id < this.#ends[at]!) return; // already given
    const joinsBefore = at >= 0 && this.#ends[at] === id;
    const joinsAfter = this.#starts[at + 1] === id + 1;
    if (joinsBefore && joinsAfter) {
      this.#ends[at] = this.#ends[at + 1]!;
      this.#starts.splice(at + 1, 1);
      this.#ends.splice(at + 1, 1);
    } else if (joinsBefore) this.#ends[at] = id + 1;
    else if (joinsAfter) this.#starts[at + 1] = id;
    else {
      this.#starts.splice(at + 1, 0, id);
      this.#ends.splice(at + 1, 0, id + 1);
    }
    this.#hit = -1;
  }

  /** The index of the last range starting at or before `id`, or -1. */
  #rangeAtOrBefore(id: number): number {
    let low = 0;
    let high = this.#starts.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.#starts[mid]! <= id) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  }
}
