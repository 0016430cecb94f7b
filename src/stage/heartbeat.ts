// The app's ear on a stage's heartbeat. A program that allocates without bound in a worker
// (or faster than the stage's memory watch looks) makes the browser kill the stage's whole
// process; the app hears nothing of it (measured, Chromium 150: no `close` on the stage's port,
// no event on the frame), and the run would go on until its time limit. So the stage's alarm
// worker, a thread that runs no program and that a held page thread does not stop, beats every
// BEAT_MS on a port of its own; when a stage that has beaten falls silent for SILENT_MS, its
// process is gone. (A stage without SharedArrayBuffer has no alarm worker and never beats: it
// is never called silent.)

export const BEAT_MS = 250;
/** Ten beats missed: long past any pause of a thread that only runs timers, even on a loaded machine. */
export const SILENT_MS = 2500;
const LISTEN_EVERY_MS = 500;

export class Heartbeat {
  readonly #port: MessagePort;
  #lastBeat: number | undefined;
  #watch: ReturnType<typeof setInterval> | undefined;

  /** The app keeps `port`; its other end (`remote`) goes to the stage, to be beaten on. */
  constructor(
    readonly remote: MessagePort,
    port: MessagePort,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#port = port;
    port.onmessage = () => (this.#lastBeat = this.now());
  }

  /**
   * Call `onSilent` once when the stage, having beaten, falls silent for SILENT_MS. When the app
   * itself did not run for that long (a laptop asleep, a frozen tab), it could not hear the beats
   * either: the stage's silence since then says nothing, and the count starts over.
   */
  listen(onSilent: () => void): void {
    clearInterval(this.#watch);
    let looked = this.now();
    this.#watch = setInterval(() => {
      const now = this.now();
      if (now - looked > SILENT_MS && this.#lastBeat !== undefined) this.#lastBeat = now;
      looked = now;
      if (!this.silent()) return;
      this.stop();
      onSilent();
    }, LISTEN_EVERY_MS);
  }

  /** Whether the stage beat once and then not for SILENT_MS. */
  silent(): boolean {
    return this.#lastBeat !== undefined && this.now() - this.#lastBeat > SILENT_MS;
  }

  stop(): void {
    clearInterval(this.#watch);
    this.#watch = undefined;
  }

  close(): void {
    this.stop();
    this.#port.onmessage = null;
    this.#port.close();
  }

  static open(): Heartbeat {
    const channel = new MessageChannel();
    return new Heartbeat(channel.port2, channel.port1);
  }
}
