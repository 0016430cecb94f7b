import { describe, expect, it } from "vitest";
import { sleep } from "./api";
import { doWork } from "./work";

describe("argument messages", () => {
  it("quote a string given to sleep, and say what to write", () => {
    expect(() => sleep("100" as unknown as number)).toThrow('sleep(ms) needs a finite number of milliseconds ≥ 0, got "100" (a string: write the number without quotes)');
  });

  it("show a bad number as it is", () => {
    expect(() => sleep(-5)).toThrow(/got -5$/);
    expect(() => doWork(Number.NaN)).toThrow(/got NaN$/);
  });
});
