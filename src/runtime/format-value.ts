// print() turns values into one line of text, as Python's print does with str().

const DESCRIBE = Symbol.for("lanes.describe");

export function formatValues(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === "string" ? v : formatValue(v, 0, new Set()))).join(" ");
}

/** A value as a message quotes it: strings in quotes, so `sleep("100")` reads `got "100"`, not `got 100`. */
export function describeValue(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : formatValue(value, 1, new Set());
}

function formatValue(value: unknown, depth: number, seen: Set<object>): string {
  if (value === null || value === undefined) return String(value);
  switch (typeof value) {
    case "string":
      return depth === 0 ? value : JSON.stringify(value);
    case "number":
    case "boolean":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "symbol":
      return value.toString();
    case "function":
      return `[function ${value.name || "anonymous"}]`;
  }
  const obj = value as object;
  // Lanes primitives show their name: a task of `ab(a, b)`, `print(lock)`.
  const describe = (obj as { [DESCRIBE]?: unknown })[DESCRIBE];
  if (typeof describe === "function") return String(describe.call(obj));
  if (seen.has(obj)) return "[circular]";
  if (depth > 3) return Array.isArray(obj) ? "[…]" : "{…}";
  if (obj instanceof Error) return `${obj.name}: ${obj.message}`;
  seen.add(obj);
  try {
    if (Array.isArray(obj) || ArrayBuffer.isView(obj)) {
      const items = Array.from(obj as ArrayLike<unknown>);
      const shown = items.slice(0, 100).map((v) => formatValue(v, depth + 1, seen));
      if (items.length > 100) shown.push(`… ${items.length - 100} more`);
      return `[${shown.join(", ")}]`;
    }
    if (obj instanceof Map) return `Map(${obj.size}) {${[...obj].map(([k, v]) => `${formatValue(k, depth + 1, seen)} => ${formatValue(v, depth + 1, seen)}`).join(", ")}}`;
    if (obj instanceof Set) return `Set(${obj.size}) {${[...obj].map((v) => formatValue(v, depth + 1, seen)).join(", ")}}`;
    const entries = Object.entries(obj).map(([k, v]) => `${k}: ${formatValue(v, depth + 1, seen)}`);
    const name = obj.constructor && obj.constructor !== Object ? `${obj.constructor.name} ` : "";
    return `${name}{${entries.join(", ")}}`;
  } finally {
    seen.delete(obj);
  }
}
