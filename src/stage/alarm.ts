// The run's alarm: a tiny worker that sets a shared cell when the run's deadline passes. The
// loop guard reads the cell on every call (runtime/loop-guard.ts), so a loop notices its limit
// within one iteration, without reading the clock each time; the stage's own thread cannot
// ring it, as it is the thread the loop holds.
import { readAlarmFrom } from "../runtime/loop-guard";
import { trustedScriptUrl } from "./harden-environment";

const SOURCE = `let timer;
self.onmessage = (event) => {
  const { cell, afterMs } = event.data;
  clearTimeout(timer);
  timer = setTimeout(() => Atomics.store(cell, 0, 1), afterMs);
};`;

export interface Alarm {
  /** Ring in `ms` from now (an earlier setting is dropped). */
  arm(ms: number): void;
  /** Ring now (Stop): loops end at their next guard call. */
  ring(): void;
}

/** Start the alarm worker and have the loop guard read its cell; without SharedArrayBuffer, a no-op. */
export function startAlarm(): Alarm {
  if (typeof SharedArrayBuffer !== "function") return { arm: () => undefined, ring: () => undefined };
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const url = URL.createObjectURL(new Blob([SOURCE], { type: "text/javascript" }));
  const worker = new Worker(trustedScriptUrl(url), { name: "lanes alarm" });
  readAlarmFrom(cell);
  return {
    arm(ms) {
      Atomics.store(cell, 0, 0);
      worker.postMessage({ cell, afterMs: Math.max(0, ms) });
    },
    ring() {
      Atomics.store(cell, 0, 1);
    },
  };
}
