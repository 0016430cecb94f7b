import { formatValues } from "../../runtime/format-value";

/** How a task is named in the timeline: `fetchPage(3)`. Long argument lists are cut short. */
export function taskLabel(fnName: string, args: readonly unknown[]): { name: string; args: string } {
  const text = args.map((a) => formatValues([typeof a === "string" ? JSON.stringify(a) : a])).join(", ");
  return { name: fnName || "anonymous", args: text.length > 40 ? `${text.slice(0, 39)}…` : text };
}
