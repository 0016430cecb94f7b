import { transform } from "sucrase";
import { describe, expect, it } from "vitest";
import { decodeSegment, originalPosition } from "./source-map";

describe("decodeSegment", () => {
  it("reads single-digit values", () => {
    expect(decodeSegment("AAAA")).toEqual([0, 0, 0, 0]);
    expect(decodeSegment("CAAD")).toEqual([1, 0, 0, -1]);
  });

  it("reads multi-digit values with their sign", () => {
    expect(decodeSegment("2H")).toEqual([123]);
    expect(decodeSegment("3H")).toEqual([-123]);
  });

  it("refuses a character that is not Base64", () => {
    expect(() => decodeSegment("A!")).toThrow(/not a Base64 digit/);
  });
});

describe("originalPosition", () => {
  it("follows a token back to where it was written", () => {
    // line 1: generated column 4 came from source column 10.
    expect(originalPosition("AAAA,IAAU", { line: 1, column: 4 })).toEqual({ line: 1, column: 10 });
  });

  it("keeps the distance into a token", () => {
    expect(originalPosition("AAAA,IAAU", { line: 1, column: 6 })).toEqual({ line: 1, column: 12 });
  });

  it("accumulates source columns across lines", () => {
    // Line 2's segment is relative to line 1's last source column (10).
    expect(originalPosition("AAAA,IAAU;AACV", { line: 2, column: 0 })).toEqual({ line: 2, column: 0 });
    expect(originalPosition("AAAA,IAAU;EACA", { line: 2, column: 2 })).toEqual({ line: 2, column: 10 });
  });

  it("maps a place it knows nothing about to itself", () => {
    expect(originalPosition("AAAA", { line: 9, column: 3 })).toEqual({ line: 9, column: 3 });
  });

  it("undoes the columns sucrase removed with the types", () => {
    const source = "let a = 1;\nconst m: Map<string, number> = new Map(), n = (m as any) ?? 1;";
    const { code, sourceMap } = transform(source, {
      transforms: ["typescript"],
      disableESTransforms: true,
      filePath: "p.ts",
      sourceMapOptions: { compiledFilename: "p.js" },
    });
    const line = code.split("\n")[1] ?? "";
    const at = (text: string, from: string) => ({ line: 2, column: from.indexOf(text) });
    expect(originalPosition(sourceMap?.mappings ?? "", at("n =", line))).toEqual(at("n =", source.split("\n")[1] ?? ""));
    expect(originalPosition(sourceMap?.mappings ?? "", at("??", line))).toEqual(at("??", source.split("\n")[1] ?? ""));
  });
});
