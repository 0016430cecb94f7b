// The codec registry of the page/worker boundary, after Comlink's `transferHandlers`: each
// handler says which values it takes (`canHandle`), what travels instead (`serialize`: plain,
// structured-clonable data, SharedArrayBuffers included) and how the other side rebuilds the
// value (`deserialize`). Task arguments and results pass through encodeValue/decodeValue, which
// look inside arrays and plain objects, so a Lock nested in `{ locks: [a, b] }` crosses too.
// Values no handler takes are left as they are for structured clone (no copy is made of an
// argument with nothing to encode: the common case, numbers and strings, costs one typeof).

/** One kind of value that crosses the boundary by its own rules. */
export interface TransferHandler<T = unknown, S = unknown> {
  canHandle(value: unknown): value is T;
  /** May throw to refuse, with a message that says why and what to do. */
  serialize(value: T): S;
  deserialize(data: S): T;
}

/** Handlers by name; the same names must be registered in every realm. */
export const transferHandlers = new Map<string, TransferHandler>();

/** The key of an encoded value: `{ [CODEC_KEY]: handler name, data }`. */
const CODEC_KEY = "$lanesCodec";

interface Encoded {
  [CODEC_KEY]: string;
  data: unknown;
}

/** `value` ready for postMessage: every value a handler takes, replaced by its serialized form. */
export function encodeValue(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  for (const [name, handler] of transferHandlers) {
    if (handler.canHandle(value)) return { [CODEC_KEY]: name, data: handler.serialize(value) } satisfies Encoded;
  }
  return mapChildren(value, encodeValue);
}

/** The inverse of encodeValue, on the receiving side. */
export function decodeValue(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (CODEC_KEY in value) {
    const { [CODEC_KEY]: name, data } = value as Encoded;
    const handler = typeof name === "string" ? transferHandlers.get(name) : undefined;
    if (!handler) throw new TypeError(`A value of kind ${JSON.stringify(name)} arrived, and this side does not know how to rebuild it.`);
    return handler.deserialize(data);
  }
  return mapChildren(value, decodeValue);
}

/** Arrays and plain objects, rebuilt only if a child changed. Other objects go as they are. */
function mapChildren(value: object, map: (child: unknown) => unknown): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      const mapped = map(child);
      if (mapped !== child) (out ??= value.slice())[i] = mapped;
    }
    return out ?? value;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    const mapped = map(child);
    if (mapped !== child) (out ??= { ...(value as Record<string, unknown>) })[key] = mapped;
  }
  return out ?? value;
}
