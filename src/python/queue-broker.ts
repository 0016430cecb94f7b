// multiprocessing.Queue across process workers: the queues live in the main Python worker, and
// a process's put and get are messages to it (see process-pool.ts). Items are pickled bytes.

type Getter = (item: Uint8Array | null) => void;

export class QueueBroker {
  private readonly queues = new Map<number, { items: Uint8Array[]; getters: Getter[] }>();
  private nextId = 1;

  create(): number {
    const id = this.nextId++;
    this.queues.set(id, { items: [], getters: [] });
    return id;
  }

  put(id: number, item: Uint8Array): void {
    const q = this.queue(id);
    const getter = q.getters.shift();
    if (getter) getter(item);
    else q.items.push(item);
  }

  /** The next item; null when none came within `timeoutMs` (negative: wait for ever). */
  get(id: number, timeoutMs: number): Promise<Uint8Array | null> {
    const q = this.queue(id);
    const item = q.items.shift();
    if (item) return Promise.resolve(item);
    if (timeoutMs === 0) return Promise.resolve(null);
    return new Promise((resolve) => {
      const getter: Getter = (value) => {
        clearTimeout(timer);
        resolve(value);
      };
      const timer =
        timeoutMs > 0
          ? setTimeout(() => {
              q.getters.splice(q.getters.indexOf(getter), 1);
              resolve(null);
            }, timeoutMs)
          : undefined;
      q.getters.push(getter);
    });
  }

  size(id: number): number {
    return this.queue(id).items.length;
  }

  private queue(id: number) {
    const q = this.queues.get(id);
    if (!q) throw new Error(`Lanes has no queue ${id} in this run.`);
    return q;
  }
}
