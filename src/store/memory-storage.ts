/** A Storage in memory for tests, with a quota in characters (keys and values, as browsers count). */
export class MemoryStorage implements Storage {
  items = new Map<string, string>();
  constructor(public quotaChars = Number.POSITIVE_INFINITY) {}
  get length() {
    return this.items.size;
  }
  used(): number {
    let total = 0;
    for (const [k, v] of this.items) total += k.length + v.length;
    return total;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    const after = this.used() - (this.items.has(key) ? key.length + this.items.get(key)!.length : 0) + key.length + value.length;
    if (after > this.quotaChars) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.items.set(key, String(value));
  }
}
