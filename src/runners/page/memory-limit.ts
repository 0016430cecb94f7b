// Out of memory. A program that allocates without bound (`while (true) a.push(new Array(1e6))`)
// does not crash its page at once: the JavaScript heap fills up to its limit (about 4 GB here)
// and the page spends its time collecting garbage that is all alive, until the time limit
// ends it, or the browser kills the page's process. Neither tells the student what happened.
// So a run watches its page's heap (Chromium's performance.memory, exact in the stage's own
// process) and ends the run at MEMORY_LIMIT_BYTES with a sentence that says why. Where the
// browser gives no figure, the run is ended when its page dies (run-in-stage.ts).

/** A run whose page holds more than this in its JavaScript heap is out of memory. Lessons use megabytes. */
export const MEMORY_LIMIT_BYTES = 1024 ** 3;

/** Reading the heap costs a few µs: at most this often. */
const READ_EVERY_MS = 20;

/** The sentence every out-of-memory ending starts with: in the stage, in a worker, or for a page that died. */
export const OUT_OF_MEMORY =
  "Out of memory: the program allocated without bound, most likely an array, a string or a map that grows forever (a push in a loop that never ends). " +
  "Lanes ended the run and is fine: fix the program and run it again.";

// Taken when this module loads, before any program runs in this realm: a program that replaces
// performance.memory cannot hide what it holds (the stage's code is evaluated before the program's).
const realmPerformance = globalThis.performance;
const readMemory = typeof Performance === "function" ? Object.getOwnPropertyDescriptor(Performance.prototype, "memory")?.get : undefined;
const firstInfo = readMemory?.call(realmPerformance) as object | undefined;
const readUsed = firstInfo ? Object.getOwnPropertyDescriptor(Object.getPrototypeOf(firstInfo) as object, "usedJSHeapSize")?.get : undefined;

/** This page's JavaScript heap in use, in bytes, or undefined where the browser does not say (not Chromium). */
export function heapInUse(): number | undefined {
  if (!readMemory || !readUsed) return undefined;
  const used = readUsed.call(readMemory.call(realmPerformance)) as unknown;
  return typeof used === "number" && used > 0 ? used : undefined;
}

/** Watches one run's page: `over(now)` says whether its heap is past the limit (read at most every READ_EVERY_MS). */
export class MemoryWatch {
  #readAt = -Infinity;

  constructor(
    private readonly limitBytes = MEMORY_LIMIT_BYTES,
    private readonly read: () => number | undefined = heapInUse,
  ) {}

  over(now: number): boolean {
    if (now - this.#readAt < READ_EVERY_MS) return false;
    this.#readAt = now;
    const used = this.read();
    return used !== undefined && used > this.limitBytes;
  }
}

/** The run's error when its page went past the limit: the sentence, the limit, and the loop it was in (the loop guard says). */
export function outOfMemoryMessage(loopLine?: number): string {
  const where = loopLine ? `, in the loop at line ${loopLine}` : "";
  return `${OUT_OF_MEMORY} Its page held more than ${MEMORY_LIMIT_BYTES / 1024 ** 3} GB${where}.`;
}
