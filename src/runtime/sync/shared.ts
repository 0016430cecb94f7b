// shared.int32(n) and friends: typed arrays over one SharedArrayBuffer. Sent to a worker, a
// SharedArrayBuffer is shared, not copied (structured clone keeps the same memory), so
// `counter[0] += 1` in four workers really races, and Atomics.add really does not.
import { allocate, sharedMemoryAvailable } from "./memory";

/**
 * Arrays made by `shared` on a page without SharedArrayBuffer: plain arrays, fine on one thread;
 * sending one to a worker is refused (transfer.ts), since the worker would get a copy.
 */
export const unshareable = new WeakSet<object>();

type TypedArrayOf<K extends keyof Kinds> = InstanceType<Kinds[K]>;
interface Kinds {
  int8: Int8ArrayConstructor;
  uint8: Uint8ArrayConstructor;
  int16: Int16ArrayConstructor;
  uint16: Uint16ArrayConstructor;
  int32: Int32ArrayConstructor;
  uint32: Uint32ArrayConstructor;
  float32: Float32ArrayConstructor;
  float64: Float64ArrayConstructor;
  bigint64: BigInt64ArrayConstructor;
  biguint64: BigUint64ArrayConstructor;
}

const KINDS: Kinds = {
  int8: Int8Array,
  uint8: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  float32: Float32Array,
  float64: Float64Array,
  bigint64: BigInt64Array,
  biguint64: BigUint64Array,
};

function make<K extends keyof Kinds>(kind: K): (length: number) => TypedArrayOf<K> {
  return (length) => {
    if (!Number.isInteger(length) || length < 0 || length > 2 ** 27) {
      throw new RangeError(`shared.${kind}(length) needs a whole number of elements from 0 to 134,217,728, got ${String(length)}.`);
    }
    const Ctor = KINDS[kind] as unknown as new (buffer: ArrayBufferLike) => TypedArrayOf<K>;
    const array = new Ctor(allocate(length * KINDS[kind].BYTES_PER_ELEMENT));
    if (!sharedMemoryAvailable) unshareable.add(array);
    return array;
  };
}

/**
 * Typed arrays in shared memory, zero-filled: every task that is passed one sees the same
 * elements. `counter[0] += 1` from several workers loses updates (read, add, write can
 * interleave); `Atomics.add(counter, 0, 1)` does not. Python's `multiprocessing.Value`/`Array`.
 * - main and async: one thread; the array is shared by all tasks anyway.
 * - workers: real shared memory (SharedArrayBuffer), so the races are real.
 */
export const shared = {
  int8: make("int8"),
  uint8: make("uint8"),
  int16: make("int16"),
  uint16: make("uint16"),
  int32: make("int32"),
  uint32: make("uint32"),
  float32: make("float32"),
  float64: make("float64"),
  bigint64: make("bigint64"),
  biguint64: make("biguint64"),
};
