// The run's alarm: a tiny worker that sets a shared cell when the run's deadline passes. The
// loop guard reads the cell on every call (runtime/loop-guard.ts), so a loop notices its limit
// within one iteration, without reading the clock each time; the stage's own thread cannot
// ring it, as it is the thread the loop holds. While a run is armed the alarm also taps the
// cell every TAP_MS (ALARM_TAP), so a loop whose every iteration allocates megabytes has its
// run's memory looked at (memory-limit.ts) ten times a second, not once per 4,096 iterations.
import { ALARM_RING, ALARM_TAP, readAlarmFrom } from "../runtime/loop-guard";
import { trustedScriptUrl } from "./harden-environment";

const TAP_MS = 100;

const SOURCE = `let timer;
let tapper;
self.onmessage = (event) => {
  if (event.data.beatEveryMs) {
    const [port] = event.ports;
    setInterval(() => port.postMessage(0), event.data.beatEveryMs);
    return;
  }
  const { cell, afterMs } = event.data;
  clearTimeout(timer);
  clearInterval(tapper);
  timer = setTimeout(() => Atomics.store(cell, 0, ${ALARM_RING}), afterMs);
  tapper = setInterval(() => Atomics.compareExchange(cell, 0, 0, ${ALARM_TAP}), ${TAP_MS});
};`;

export interface Alarm {
  /** Ring in `ms` from now (an earlier setting is dropped). */
  arm(ms: number): void;
  /** Ring now (Stop): loops end at their next guard call. */
  ring(): void;
  /** Beat on `port` every `ms`, for the app (heartbeat.ts): this worker runs no program, so it beats while the stage's thread is held. */
  beatOn(port: MessagePort, ms: number): void;
}

/** Start the alarm worker and have the loop guard read its cell; without SharedArrayBuffer, a no-op. */
export function startAlarm(): Alarm {
  if (typeof SharedArrayBuffer !== "function") return { arm: () => undefined, ring: () => undefined, beatOn: () => undefined };
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
      Atomics.store(cell, 0, ALARM_RING);
    },
    beatOn(port, ms) {
      worker.postMessage({ beatEveryMs: ms }, [port]);
    },
  };
}
