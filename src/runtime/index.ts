// The object behind `import … from "lanes"`: one per realm (the page, each worker).
import { Pool, asCompleted, print, sleep, spawn, work } from "./api";

export { Pool, asCompleted, print, sleep, spawn, work };
export type { PoolOptions, Thread } from "./api";

export const RUNTIME_KEY = "lanes.runtime";

export const runtime = { Pool, asCompleted, print, sleep, spawn, work } as const;

/** Make the runtime reachable for the lanes shim module of this realm. */
export function installRuntime(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(RUNTIME_KEY)] = runtime;
}
