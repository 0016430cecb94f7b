// Registers Lanes' service worker (src/service-worker/sw.ts, built to <base>sw.js), reloads once
// on a first visit to a host without COOP/COEP (isolation-reload.ts), and offers a new version
// when one has installed: the student chooses when, and never in the middle of a run.
import { ACTIVATE_MESSAGE } from "../service-worker/messages";
import { afterFirstScreen } from "../first-screen";
import { whenIdle } from "../stage/run-in-stage";
import { sessionStorageOrUndefined, takeIsolationReload } from "./isolation-reload";
import { offerUpdate } from "./update-ready";

const BASE = import.meta.env.BASE_URL;

export function startServiceWorker(): void {
  // The dev server serves modules, not a build: nothing to precache, and it sends the headers.
  if (!import.meta.env.PROD || !("serviceWorker" in navigator) || !window.isSecureContext) return;
  // Installing precaches the whole site (megabytes): on a first visit that would compete with
  // the lesson's own editor for the network and two cores. A page that is already isolated
  // loses nothing by waiting for its first screen; one that is not needs the worker's headers
  // (isolation-reload.ts) and registers at once.
  if (window.crossOriginIsolated) void afterFirstScreen().then(register);
  else register();
}

function register(): void {
  const container = navigator.serviceWorker;
  let updating = false;
  container.addEventListener("controllerchange", () => {
    if (updating) window.location.reload();
    else void reloadForIsolation();
  });
  container
    .register(`${BASE}sw.js`, { scope: BASE })
    .then((registration) => {
      void reloadForIsolation(); // a load that a controlled tab made without the headers
      watchForUpdates(registration, (worker) =>
        offerUpdate(() => {
          updating = true;
          void whenIdle().then(() => worker.postMessage(ACTIVATE_MESSAGE));
        }),
      );
    })
    .catch((error: unknown) => console.warn("[lanes] The service worker could not be registered: Lanes works, but not offline.", error));
}

async function reloadForIsolation(): Promise<void> {
  await whenIdle();
  const state = { isolated: window.crossOriginIsolated, controlled: navigator.serviceWorker.controller !== null, session: sessionStorageOrUndefined() };
  if (takeIsolationReload(state)) window.location.reload();
}

/** Calls `offer` with a new version's worker once it has installed (precached) and waits. */
function watchForUpdates(registration: ServiceWorkerRegistration, offer: (worker: ServiceWorker) => void): void {
  // Without a controller this is the first install, not an update.
  const isUpdate = () => navigator.serviceWorker.controller !== null;
  if (registration.waiting && isUpdate()) offer(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed" && isUpdate()) offer(worker);
    });
  });
}
