import { formatValues } from "../../runtime/format-value";

/** How a task is named in the timeline: `fetchPage(3)`. Long argument lists are cut short. */
export function taskLabel(fnName: string, args: readonly unknown[]): { name: string; args: string } {
  return { name: fnName || "anonymous", args: argsPreview(args) };
}

/** A short preview of a task's arguments: `3`, `"a", 2`. */
export function argsPreview(args: readonly unknown[]): string {
  // pool.map over thousands of numbers labels each task: keep the common case cheap.
  const only = args.length === 1 ? args[0] : undefined;
  const text =
    typeof only === "number" || typeof only === "boolean"
      ? String(only)
      : args.map((a) => formatValues([typeof a === "string" ? JSON.stringify(a) : a])).join(", ");
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
