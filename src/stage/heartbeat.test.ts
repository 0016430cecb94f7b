import { afterEach, describe, expect, it } from "vitest";
import { Heartbeat, SILENT_MS } from "./heartbeat";

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("Heartbeat", () => {
  let heartbeat: Heartbeat | undefined;
  afterEach(() => heartbeat?.close());

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

  it("tells its listener once when the beats stop", async () => {
    let now = 0;
    const channel = new MessageChannel();
    heartbeat = new Heartbeat(channel.port2, channel.port1, () => now);
    channel.port2.postMessage(0);
    await tick();
    let told = 0;
    heartbeat.listen(() => (told += 1));
    now = SILENT_MS + 1;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(told).toBe(1);
  });
});
