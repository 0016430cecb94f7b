import { describe, expect, it } from "vitest";
import { runtime } from "../runtime";
import { LANES_TYPES } from "../runtime/lanes-types";
import { LANES_TYPE_NAMES, LANES_VALUES, isLanesExport } from "./lanes-exports";

function declared(kinds: string): string[] {
  return [...LANES_TYPES.matchAll(new RegExp(`^  export (?:${kinds}) (\\w+)`, "gm"))].map((m) => m[1] ?? "");
}

describe("the names a program may import from lanes", () => {
  it("are exactly the runtime's values", () => {
    expect(new Set(LANES_VALUES)).toEqual(new Set(Object.keys(runtime)));
  });

  it("are exactly the declaration file's values and types", () => {
    expect(new Set(LANES_VALUES)).toEqual(new Set(declared("function|class|const")));
    expect(new Set(LANES_TYPE_NAMES)).toEqual(new Set(declared("interface|type")));
  });

  it("do not include the compiler's own helpers or a typo", () => {
    expect(isLanesExport("sleep")).toBe(true);
    expect(isLanesExport("PoolOptions")).toBe(true);
    expect(isLanesExport("slep")).toBe(false);
    expect(isLanesExport("default")).toBe(false);
  });
});
