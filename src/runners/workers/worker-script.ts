// Where a Lanes worker's script comes from. Workers are started from the stage, a sandboxed
// frame with an opaque origin, which may not start a worker from the site's URL (another
// origin, to it). Measured in Chromium 156: it can start a *classic* worker from a Blob URL of
// its own (a module worker from the same Blob fails to load: its fetch is same-origin only, and
// a Blob of an opaque origin is not), and that worker can import() the stage's Blob modules.
// The stage fetches nothing (it bypasses the service worker: offline, or on a host whose
// headers the service worker adds, it would get nothing), so the worker's own module is a
// Blob of the stage too, made from the code the app handed over (setWorkerCode). Without it
// (a run on the app's page) the worker imports the site's worker module by its URL. One Blob
// per realm.
import workerEntryUrl from "./worker-entry.ts?worker&url";

let blobUrl: string | undefined;
let entryUrl: string | undefined;
/** The stage's Trusted Types policy turns Lanes' own script URLs into what `new Worker` accepts. */
let trust: (url: string) => string = (url) => url;

/** Called once by the stage, before any worker starts: the workers' entry module, as one self-contained ES module. */
export function setWorkerCode(code: string): void {
  entryUrl = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
}

/** Called once by the stage, before any worker starts. */
export function trustScriptUrlsWith(policy: (url: string) => string): void {
  trust = policy;
}

/** The URL to start a Lanes worker from: a classic worker (no `type: "module"`), see above. */
export function workerScriptUrl(): string {
  if (!blobUrl) {
    const entry = entryUrl ?? new URL(workerEntryUrl, location.href).href;
    // The script ends before its import() does, and a message that arrives meanwhile would
    // find no listener and be lost: hold them until the module (Comlink.expose) is there, then
    // deliver them in order. A failed import would only reject a promise: rethrown, it is the
    // worker's error event.
    const script = `const held = []; const hold = (event) => held.push(event);
self.addEventListener("message", hold);
import(${JSON.stringify(entry)}).then(() => {
  self.removeEventListener("message", hold);
  for (const event of held) self.dispatchEvent(new MessageEvent("message", { data: event.data, ports: [...event.ports] }));
}, (error) => setTimeout(() => { throw error; }));
`;
    blobUrl = URL.createObjectURL(new Blob([script], { type: "text/javascript" }));
  }
  return trust(blobUrl);
}
