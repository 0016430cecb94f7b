import { afterEach, describe, expect, it } from "vitest";
import { installHost, type Host } from "./host";
import { ALARM_RING, ALARM_TAP, loopGuard, readAlarmFrom } from "./loop-guard";

function countingHost(): { host: Host; asked: number[] } {
  const asked: number[] = [];
  const host = { checkpoint: (where?: { loopLine?: number }) => asked.push(where?.loopLine ?? 0) } as unknown as Host;
  return { host, asked };
}

describe("loopGuard and the stage's alarm", () => {
  let restore = () => undefined as void;
  afterEach(() => restore());

  it("asks the run once per tap, and clears the tap", () => {
    const { host, asked } = countingHost();
    restore = installHost(host);
    const cell = new Int32Array(new SharedArrayBuffer(4));
    readAlarmFrom(cell);
    loopGuard(3);
    expect(asked).toEqual([]);
    Atomics.store(cell, 0, ALARM_TAP);
    loopGuard(3);
    expect(asked).toEqual([3]);
    expect(Atomics.load(cell, 0)).toBe(0);
    loopGuard(3);
    expect(asked).toEqual([3]);
  });

  it("asks on every call once the alarm rang, and the ring stays", () => {
    const { host, asked } = countingHost();
    restore = installHost(host);
    const cell = new Int32Array(new SharedArrayBuffer(4));
    readAlarmFrom(cell);
    Atomics.store(cell, 0, ALARM_RING);
    loopGuard(5);
    loopGuard(5);
    expect(asked).toEqual([5, 5]);
    expect(Atomics.load(cell, 0)).toBe(ALARM_RING);
  });
});
