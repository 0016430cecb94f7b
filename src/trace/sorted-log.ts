// An append-only log kept sorted by a numeric key, for the recorder's finished spans and output.
// Items mostly arrive in key order (spans close roughly in start order, lines print in time
// order), but not always: a long span opened early closes late, a worker's batch lands after
// page output recorded meanwhile. Sorting everything on every live snapshot (~10×/s, 100k spans)
// would be O(n log n) each time; instead the log remembers how long its sorted prefix is and
// only sorts what came after it, then merges that tail in.

export class SortedLog<T> {
  #items: T[] = [];
  /** items[0..sorted) are in key order. */
  #sorted = 0;

  constructor(private readonly key: (item: T) => number) {}

  get length(): number {
    return this.#items.length;
  }

  /** O(1). Keeps the prefix growing while items arrive in order, so sorted() has nothing to do. */
  push(item: T): void {
    const last = this.#items[this.#items.length - 1];
    const inOrder = last === undefined || this.key(last) <= this.key(item);
    this.#items.push(item);
    if (inOrder && this.#sorted === this.#items.length - 1) this.#sorted = this.#items.length;
  }

  /**
   * The items in key order, ties in insertion order. Cost: nothing when items came in order;
   * otherwise O(k log k) for the k items pushed since the prefix broke, plus an O(n) merge.
   * Returns the log's own array: callers copy it before handing it out.
   */
  sorted(): readonly T[] {
    if (this.#sorted < this.#items.length) {
      const tail = this.#items.slice(this.#sorted).sort((a, b) => this.key(a) - this.key(b));
      this.#items = mergeSorted(this.#items.slice(0, this.#sorted), tail, this.key);
      this.#sorted = this.#items.length;
    }
    return this.#items;
  }
}

/** A new array with both sorted inputs merged by key; on ties `a`'s items come first (stable). */
export function mergeSorted<T>(a: readonly T[], b: readonly T[], key: (item: T) => number): T[] {
  const out: T[] = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as T;
    const y = b[j] as T;
    if (key(y) < key(x)) {
      out[k++] = y;
      j++;
    } else {
      out[k++] = x;
      i++;
    }
  }
  while (i < a.length) out[k++] = a[i++] as T;
  while (j < b.length) out[k++] = b[j++] as T;
  return out;
}
