import { describe, expect, it } from "vitest";
import { RemoteError, locateError } from "./locate-error";

describe("RemoteError: a worker's error on the page", () => {
  it("keeps the worker's name, message, place and stack", () => {
    const error = new RemoteError("chunk 3 is broken", "TypeError", 5, 11, "    at crunch (program.ts:5:11)");
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.message, error.line, error.column, error.stack]).toEqual(["TypeError", "chunk 3 is broken", 5, 11, "    at crunch (program.ts:5:11)"]);
    expect(locateError(error, "blob:x", { position: (line, column) => ({ line, column }) })).toEqual({ message: "TypeError: chunk 3 is broken", line: 5, column: 11 });
  });

  it("leaves the stack trace limit as it found it", () => {
    const before = (Error as { stackTraceLimit?: number }).stackTraceLimit;
    new RemoteError("x", "Error", 1, 1, "    at f (program.ts:1:1)");
    new RemoteError("x", "Error");
    expect((Error as { stackTraceLimit?: number }).stackTraceLimit).toBe(before);
  });

  it("without the worker's stack, still has one of its own", () => {
    expect(new RemoteError("x", "Error").stack).toContain("x");
  });
});
