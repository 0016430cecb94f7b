// multiprocessing.Value / Array / Lock across process workers: cells of one SharedArrayBuffer
// per run, which every process worker of the run is handed. Reads and writes are plain loads
// and stores (so `counter.value += 1` in two processes loses updates, as in CPython); a lock is
// an Int32 that compareExchange takes.

/** A Value's or Array's typecode -> how its element is read and written, and its size. */
const KINDS = {
  b: ["Int8", 1],
  B: ["Uint8", 1],
  h: ["Int16", 2],
  H: ["Uint16", 2],
  i: ["Int32", 4],
  I: ["Uint32", 4],
  l: ["Int32", 4], // a C long is 32 bits in WebAssembly
  L: ["Uint32", 4],
  q: ["BigInt64", 8],
  Q: ["BigUint64", 8],
  f: ["Float32", 4],
  d: ["Float64", 8],
} as const;
export type Typecode = keyof typeof KINDS;

const INITIAL_BYTES = 64 * 1024;
const MAX_BYTES = 256 * 1024 * 1024;

export class SharedCells {
  private next = 0;
  private readonly view: DataView;
  private readonly ints: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(INITIAL_BYTES, { maxByteLength: MAX_BYTES })) {
    // Length-tracking views: they follow the buffer as it grows.
    this.view = new DataView(buffer);
    this.ints = new Int32Array(buffer);
  }

  /** The size of one element of `typecode`, or 0 when Lanes has no such typecode. */
  static size(typecode: string): number {
    return (KINDS as Record<string, readonly [string, number]>)[typecode]?.[1] ?? 0;
  }

  /** Room for `bytes`, aligned to 8: its offset. Only the main process allocates. */
  alloc(bytes: number): number {
    const at = this.next;
    this.next = at + Math.ceil(Math.max(bytes, 4) / 8) * 8;
    if (this.next > MAX_BYTES) throw new Error(`Lanes' shared memory holds ${MAX_BYTES / 2 ** 20} MB at most.`);
    if (this.next > this.buffer.byteLength) this.buffer.grow(Math.min(MAX_BYTES, Math.max(this.next, this.buffer.byteLength * 2)));
    return at;
  }

  get(typecode: Typecode, offset: number): number | bigint {
    const [kind] = KINDS[typecode];
    return (this.view[`get${kind}`] as (o: number, le: boolean) => number | bigint).call(this.view, offset, true);
  }

  set(typecode: Typecode, offset: number, value: number | bigint): void {
    const [kind] = KINDS[typecode];
    const big = kind.startsWith("Big");
    (this.view[`set${kind}`] as (o: number, v: number | bigint, le: boolean) => void).call(this.view, offset, big ? BigInt(value) : Number(value), true);
  }

  /** Take the lock at `offset` if it is free. */
  tryLock(offset: number): boolean {
    return Atomics.compareExchange(this.ints, offset / 4, 0, 1) === 0;
  }

  /** Free the lock at `offset`; false if it was not held. */
  unlock(offset: number): boolean {
    return Atomics.exchange(this.ints, offset / 4, 0) === 1;
  }
}
