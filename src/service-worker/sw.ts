// Lanes' service worker: what a static host cannot do. Two jobs, both for every file it serves:
// 1. Headers. Lanes needs cross-origin isolation (COOP + COEP) for SharedArrayBuffer, and its
//    Content-Security-Policy to confine student code. A host that cannot send them (GitHub
//    Pages) still gets them: the worker adds them to its responses, so from the second load on
//    the page is isolated (the page reloads once, src/offline/register-service-worker.ts).
// 2. Offline. The whole build is precached when the worker installs, and served from the cache
//    first: after one visit every lesson, the editor, the workers and work() need no network.
//    A new build is a new worker with a new cache; it waits until the page says so (no
//    skipWaiting of its own), so a version never changes under a running program.
// Pyodide (13 MB, only for Python runs) is cached on first use instead of on install.
import type { ServiceWorkerConfig } from "./config";
import { pageFor, pathBelowBase } from "./pages";
import { headersFor, withHeaders } from "./site-headers";
import { ACTIVATE_MESSAGE } from "./messages";

declare const self: ServiceWorkerGlobalScope;
/** Replaced by the build with the config as a JSON literal. */
declare const __LANES_SW_CONFIG__: ServiceWorkerConfig;

const config = __LANES_SW_CONFIG__;
const PRECACHE = `lanes-precache-${config.version}`;
const ON_FIRST_USE = `lanes-on-first-use-${config.onFirstUse.version}`;
const precached = new Set(config.precache);
const scope = new URL(config.base, self.location.origin).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(PRECACHE);
      // `reload`: from the host, not from the HTTP cache, which may hold the previous build's
      // index.html. addAll is all or nothing: a failed install is retried on the next visit.
      await cache.addAll(config.precache.map((file) => new Request(scope + file, { cache: "reload" })));
      // The first worker activates at once (there is no older one to wait for) and claims the
      // page, which then reloads once to be isolated. A later one waits for ACTIVATE_MESSAGE.
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([PRECACHE, ON_FIRST_USE]);
      for (const name of await caches.keys()) if (name.startsWith("lanes-") && !keep.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === ACTIVATE_MESSAGE) void self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  const path = url.origin === self.location.origin ? pathBelowBase(url.pathname, config.base) : undefined;
  if (event.request.method !== "GET" || path === undefined) return; // the browser's own path
  event.respondWith(respond(event.request, path));
});

async function respond(request: Request, path: string): Promise<Response> {
  const file = precached.has(path) ? path : request.mode === "navigate" ? pageFor(path, precached) : undefined;
  if (file !== undefined) {
    const cached = await caches.match(scope + file, { cacheName: PRECACHE });
    if (cached) return served(cached, file, file === "404.html" ? 404 : undefined);
  }
  if (path.startsWith(config.onFirstUse.prefix)) return served(await cachedOnFirstUse(request), path);
  return served(await fetch(request), path);
}

async function cachedOnFirstUse(request: Request): Promise<Response> {
  const cache = await caches.open(ON_FIRST_USE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

function served(response: Response, path: string, status?: number): Response {
  const rebuilt = withHeaders(response, headersFor(path, config.headers));
  if (status === undefined || rebuilt.status === status) return rebuilt;
  return new Response(rebuilt.body, { status, statusText: "Not Found", headers: rebuilt.headers });
}
