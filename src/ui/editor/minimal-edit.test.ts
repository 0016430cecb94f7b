import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minimalEdit, type TextEdit } from "./minimal-edit";

const apply = (text: string, edit: TextEdit | null) => (edit ? text.slice(0, edit.start) + edit.text + text.slice(edit.end) : text);

describe("minimalEdit", () => {
  it("is null for equal texts", () => {
    expect(minimalEdit("abc", "abc")).toBeNull();
  });

  it("replaces only the changed middle", () => {
    expect(minimalEdit("sleep(50);\nprint(1);\n", "sleep(80);\nprint(1);\n")).toEqual({ start: 6, end: 7, text: "8" });
  });

  it("inserts and deletes without touching the rest", () => {
    expect(minimalEdit("ab", "aXb")).toEqual({ start: 1, end: 1, text: "X" });
    expect(minimalEdit("aXb", "ab")).toEqual({ start: 1, end: 2, text: "" });
  });

  it("does not let prefix and suffix overlap on repeated text", () => {
    expect(minimalEdit("aaa", "aaaa")).toEqual({ start: 3, end: 3, text: "a" });
    expect(minimalEdit("aaaa", "aa")).toEqual({ start: 2, end: 4, text: "" });
  });

  it("never cuts a surrogate pair in two", () => {
    const edit = minimalEdit("x😀y", "x😃y");
    expect(edit).toEqual({ start: 1, end: 3, text: "😃" });
  });

  it("always turns before into after", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => apply(a, minimalEdit(a, b)) === b));
    fc.assert(fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (a, b) => apply(a, minimalEdit(a, b)) === b));
  });
});
