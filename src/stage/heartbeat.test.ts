import { afterEach, describe, expect, it, vi } from "vitest";
import { Heartbeat, SILENT_MS } from "./heartbeat";

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("Heartbeat", () => {
  let heartbeat: Heartbeat | undefined;
  afterEach(() => {
    heartbeat?.close();
    vi.useRealTimers();
  });

  it("is silent only once the stage beat and then stopped for SILENT_MS", async () => {
    let now = 0;
    const channel = new MessageChannel();
    heartbeat = new Heartbeat(channel.port2, channel.port1, () => now);
    now = 60_000;
    expect(heartbeat.silent(), "a stage that never beat (no alarm worker) is never silent").toBe(false);
    channel.port2.postMessage(0);
    await tick();
    now += SILENT_MS - 1;
    expect(heartbeat.silent()).toBe(false);
    now += 2;
    expect(heartbeat.silent()).toBe(true);
    channel.port2.postMessage(0);
    await tick();
    expect(heartbeat.silent(), "a beat again").toBe(false);
  });

  /** The app's watch running for `ms` (its interval faked), its clock moving with it. */
  function runFor(ms: number, clock: { now: number }): void {
    for (let t = 0; t < ms; t += 500) {
      clock.now += 500;
      vi.advanceTimersByTime(500);
    }
  }

  it("tells its listener once when the beats stop", async () => {
    const clock = { now: 0 };
    const channel = new MessageChannel();
    heartbeat = new Heartbeat(channel.port2, channel.port1, () => clock.now);
    channel.port2.postMessage(0);
    await tick();
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    let told = 0;
    heartbeat.listen(() => (told += 1));
    runFor(SILENT_MS, clock);
    expect(told).toBe(0);
    runFor(2000, clock);
    expect(told).toBe(1);
  });

  it("does not call a stage silent when the app itself was paused (a laptop asleep)", async () => {
    const clock = { now: 0 };
    const channel = new MessageChannel();
    heartbeat = new Heartbeat(channel.port2, channel.port1, () => clock.now);
    channel.port2.postMessage(0);
    await tick();
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    let told = 0;
    heartbeat.listen(() => (told += 1));
    clock.now = 60_000; // the app's own watch comes back a minute late: no beat could have been heard
    vi.advanceTimersByTime(500);
    expect(told).toBe(0);
    runFor(SILENT_MS + 500, clock); // and then the stage stays silent while the app runs
    expect(told).toBe(1);
  });
});
