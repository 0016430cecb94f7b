// The object behind `import … from "lanes"`: one per realm (the page, each worker).
import { Pool, asCompleted, print, sleep, spawn, work } from "./api";
import { AWAIT_SITE_NAME, AWAIT_SITES_NAME, awaitSite, awaitSiteIterable } from "./await-site";
import { LOOP_GUARD_NAME, loopGuard } from "./loop-guard";

export { Pool, asCompleted, print, sleep, spawn, work };
export type { PoolOptions, Thread } from "./api";

export const RUNTIME_KEY = "lanes.runtime";

export const runtime = { Pool, asCompleted, print, sleep, spawn, work } as const;

/** What the lanes shim exports: the runtime, and the loop guard and await sites compiled programs call. */
export const shimmed = { ...runtime, [LOOP_GUARD_NAME]: loopGuard, [AWAIT_SITE_NAME]: awaitSite, [AWAIT_SITES_NAME]: awaitSiteIterable };

/** Make the runtime reachable for the lanes shim module of this realm. */
export function installRuntime(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(RUNTIME_KEY)] = shimmed;
}
