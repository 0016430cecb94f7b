// The object behind `import … from "lanes"`: one per realm (the page, each worker).
import { Pool, asCompleted, print, sleep, spawn, work } from "./api";
import { LOOP_GUARD_NAME, loopGuard } from "./loop-guard";

export { Pool, asCompleted, print, sleep, spawn, work };
export type { PoolOptions, Thread } from "./api";

export const RUNTIME_KEY = "lanes.runtime";

export const runtime = { Pool, asCompleted, print, sleep, spawn, work } as const;

/** What the lanes shim exports: the runtime, and the loop guard compiled programs call. */
export const shimmed = { ...runtime, [LOOP_GUARD_NAME]: loopGuard };

/** Make the runtime reachable for the lanes shim module of this realm. */
export function installRuntime(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(RUNTIME_KEY)] = shimmed;
}
