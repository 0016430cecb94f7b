import { describe, expect, it } from "vitest";
import { cancelledText } from "./cancelled-tasks";

const task = (id: number, cancelled = false) => ({ id: String(id), name: "convert", args: `"f${id}"`, ...(cancelled ? { cancelled: true as const } : {}) });

describe("cancelledText", () => {
  it("is null when no task was cancelled, or no tasks are known", () => {
    expect(cancelledText([task(0), task(1)])).toBeNull();
    expect(cancelledText(undefined)).toBeNull();
  });

  it("names the cancelled tasks in order, and only them", () => {
    expect(cancelledText([task(0), task(1), task(2, true), task(3, true)])).toBe('2 tasks cancelled, never started: convert("f2"), convert("f3")');
    expect(cancelledText([task(0), task(5, true)])).toBe('1 task cancelled, never started: convert("f5")');
  });

  it("names six and counts the rest of a long tail", () => {
    const tasks = Array.from({ length: 1000 }, (_, i) => task(i, i >= 10));
    const text = cancelledText(tasks)!;
    expect(text.startsWith('990 tasks cancelled, never started: convert("f10"),')).toBe(true);
    expect(text.endsWith('convert("f15"), and 984 more')).toBe(true);
  });
});
