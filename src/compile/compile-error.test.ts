import { describe, expect, it } from "vitest";
import { CompileError, positionOf } from "./compile-error";

describe("CompileError", () => {
  it("is an Error named CompileError", () => {
    const error = new CompileError("bad", 3, 5);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("CompileError");
  });

  it("becomes a RunError with its place", () => {
    expect(new CompileError("bad", 3, 5).toRunError()).toEqual({ message: "bad", line: 3, column: 5, phase: "compile" });
  });

  it("says when its top-level code failed as it loaded", () => {
    expect(new CompileError("boom", 1, 1, "load").toRunError().phase).toBe("load");
  });

  it("leaves out a place it does not have", () => {
    expect(new CompileError("no main").toRunError()).toEqual({ message: "no main", phase: "compile" });
  });
});

describe("positionOf", () => {
  it("counts from 1 at the start of the text", () => {
    expect(positionOf("abc", 0)).toEqual({ line: 1, column: 1 });
  });

  it("starts a new line after a line break", () => {
    expect(positionOf("ab\ncd\nef", 4)).toEqual({ line: 2, column: 2 });
  });

  it("places the end of the text after its last character", () => {
    expect(positionOf("ab\n", 3)).toEqual({ line: 2, column: 1 });
  });
});
