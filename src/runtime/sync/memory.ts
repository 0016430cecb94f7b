// Where the primitives keep their state. With cross-origin isolation that is a SharedArrayBuffer,
// so the page and every worker see the same bytes; without it (a host that cannot send COOP/COEP)
// a plain ArrayBuffer, which is enough for the main and async runners: one thread, one copy.
// Atomics works on both kinds; only waiting differs (see waiting.ts).

/** True where SharedArrayBuffer exists: a cross-origin-isolated page, its workers, Node. */
export const sharedMemoryAvailable: boolean = typeof SharedArrayBuffer === "function";

/** `bytes` of zeroed memory: shared where it can be, else a plain buffer for one thread. */
export function allocate(bytes: number): ArrayBufferLike {
  return sharedMemoryAvailable ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

export function isShared(buffer: ArrayBufferLike): buffer is SharedArrayBuffer {
  return sharedMemoryAvailable && buffer instanceof SharedArrayBuffer;
}

/** The sentence shown when shared state must cross to a worker and cannot. */
export const NO_SHARED_MEMORY =
  "This page is not cross-origin isolated, so the browser gives it no SharedArrayBuffer, and " +
  "shared arrays, locks, queues and the other primitives cannot be shared with workers (each " +
  "worker would get a copy). Open this lesson in its own tab, or have the site send the headers " +
  "Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp. " +
  "Under the main and async runners they work as they are.";
