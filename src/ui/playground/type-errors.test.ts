import { describe, expect, it } from "vitest";
import { typeErrorSentence } from "./type-errors";

describe("typeErrorSentence", () => {
  it("says nothing when there are none", () => {
    expect(typeErrorSentence([])).toBeNull();
  });

  it("names one error and its line", () => {
    expect(typeErrorSentence([4])).toBe("1 type error at line 4: it ran anyway (types are checked in the editor, not when the program runs).");
  });

  it("counts every error but names each line once, in order", () => {
    expect(typeErrorSentence([7, 3, 3])).toMatch(/^3 type errors at lines 3 and 7: /);
  });

  it("names at most five lines, then how many more", () => {
    expect(typeErrorSentence([1, 2, 3, 4, 5, 6, 7])).toMatch(/^7 type errors at lines 1, 2, 3, 4, 5 and 2 more: /);
  });
});
