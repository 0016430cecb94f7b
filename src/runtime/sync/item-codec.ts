// A Queue's items live in shared memory as bytes, so a blocked worker can take one without its
// event loop (no message can reach a thread inside Atomics.wait). Browsers expose no
// structured-clone-to-bytes, so items are written as JSON with tags for what JSON lacks
// (undefined, NaN, ±Infinity, -0, bigint, Date, Map, Set, typed arrays), which covers the
// structured-clonable data programs put in queues. Cost: one JSON round trip per item.
const TAG = "$lanes";
const encoder = new TextEncoder();
const decoder = new TextDecoder();

type Tagged = { [TAG]: string; v?: unknown };

const TYPED = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;

// A plain number, the commonest item, skips JSON: a zero byte (JSON text never starts with
// one) and its eight bytes. NaN, ±Infinity and -0 take the tagged JSON path as before.
const NUMBER = 0;

/** `item` as bytes; throws a TypeError that says what cannot be queued. */
export function encodeItem(item: unknown): Uint8Array {
  if (typeof item === "number" && Number.isFinite(item) && !Object.is(item, -0)) {
    const bytes = new Uint8Array(9);
    bytes[0] = NUMBER;
    new DataView(bytes.buffer).setFloat64(1, item);
    return bytes;
  }
  let text: string | undefined;
  try {
    text = JSON.stringify({ v: item }, function (this: Record<string, unknown>, key: string, value: unknown) {
      return tag(this[key], value);
    });
  } catch (error) {
    if (error instanceof TypeError && /circular/i.test(error.message)) throw new TypeError("A queue item refers to itself (a cycle), so it cannot be copied into the queue: put plain data.");
    throw error;
  }
  return encoder.encode(text);
}

export function decodeItem(bytes: Uint8Array): unknown {
  if (bytes.length === 9 && bytes[0] === NUMBER) return new DataView(bytes.buffer, bytes.byteOffset, 9).getFloat64(1);
  const parsed = JSON.parse(decoder.decode(bytes), (_key, value: unknown) => untag(value)) as { v?: unknown };
  return parsed.v;
}

function tag(raw: unknown, value: unknown): unknown {
  switch (typeof raw) {
    case "undefined":
      return { [TAG]: "undefined" };
    case "number":
      if (Number.isNaN(raw) || !Number.isFinite(raw) || Object.is(raw, -0)) return { [TAG]: "number", v: Object.is(raw, -0) ? "-0" : String(raw) };
      return raw;
    case "bigint":
      return { [TAG]: "bigint", v: raw.toString() };
    case "function":
    case "symbol":
      throw new TypeError(`A ${typeof raw} cannot be put in a queue (items are copied): put plain data.`);
  }
  if (raw instanceof Date) return { [TAG]: "Date", v: raw.getTime() };
  if (raw instanceof Map) return { [TAG]: "Map", v: [...raw] };
  if (raw instanceof Set) return { [TAG]: "Set", v: [...raw] };
  if (ArrayBuffer.isView(raw) && !(raw instanceof DataView)) {
    if (typeof SharedArrayBuffer === "function" && raw.buffer instanceof SharedArrayBuffer) {
      throw new TypeError("A shared array cannot be put in a queue (the queue copies items): pass it to the tasks as an argument instead.");
    }
    const items = Array.from(raw as unknown as ArrayLike<number | bigint>, (x) => (typeof x === "bigint" ? x.toString() : x));
    return { [TAG]: raw.constructor.name, v: items };
  }
  if (raw !== null && typeof raw === "object" && Symbol.for("lanes.describe") in raw) {
    throw new TypeError("A lock, queue or other Lanes primitive cannot be put in a queue: pass it to the tasks as an argument instead.");
  }
  return value;
}

function untag(value: unknown): unknown {
  if (value === null || typeof value !== "object" || !(TAG in value)) return value;
  const { [TAG]: kind, v } = value as Tagged;
  switch (kind) {
    case "undefined":
      return undefined;
    case "number":
      return Number(v);
    case "bigint":
      return BigInt(v as string);
    case "Date":
      return new Date(v as number);
    case "Map":
      return new Map(v as [unknown, unknown][]);
    case "Set":
      return new Set(v as unknown[]);
  }
  const Typed = TYPED[kind as keyof typeof TYPED] as unknown as { from(items: unknown[], map?: (x: unknown) => unknown): unknown } | undefined;
  if (!Typed) return value;
  return kind.startsWith("Big") ? Typed.from(v as string[], (x) => BigInt(x as string)) : Typed.from(v as number[]);
}
