// The object behind `import … from "lanes"`: one per realm (the page, each worker).
import { Pool, asCompleted, print, sleep, spawn, work } from "./api";
import { AWAIT_SITE_NAME, AWAIT_SITES_NAME, awaitSite, awaitSiteIterable } from "./await-site";
import { LOOP_GUARD_NAME, loopGuard } from "./loop-guard";
import { NAME_OBJECT, nameObject } from "./object-name";
import { Barrier, BoundedSemaphore, Condition, Event, Lock, Queue, Semaphore, registerSyncTransfer, shared } from "./sync";

export { Pool, asCompleted, print, sleep, spawn, work };
export { Barrier, BoundedSemaphore, Condition, Event, Lock, Queue, Semaphore, shared };
export type { PoolOptions, Thread } from "./api";
export type { QueueOptions, SemaphoreOptions } from "./sync";

export const RUNTIME_KEY = "lanes.runtime";

export const runtime = { Pool, asCompleted, print, sleep, spawn, work, Lock, Semaphore, BoundedSemaphore, Condition, Event, Barrier, Queue, shared } as const;

/** What the lanes shim exports: the runtime, and the functions compiled programs call (loop guard, await sites, object names). */
export const shimmed = { ...runtime, [LOOP_GUARD_NAME]: loopGuard, [AWAIT_SITE_NAME]: awaitSite, [AWAIT_SITES_NAME]: awaitSiteIterable, [NAME_OBJECT]: nameObject };

/** Make the runtime reachable for the lanes shim module of this realm, and its values sendable. */
export function installRuntime(): void {
  registerSyncTransfer();
  (globalThis as Record<symbol, unknown>)[Symbol.for(RUNTIME_KEY)] = shimmed;
}
