import { describe, expect, it } from "vitest";
import { runtime } from "./index";
import { LANES_TYPES } from "./lanes-types";

function declaredValues(dts: string): string[] {
  return [...dts.matchAll(/^\s*export (?:function|class|const) (\w+)/gm)].map((m) => m[1] ?? "");
}

describe("the editor's lanes types", () => {
  it("declare exactly the values the runtime exports", () => {
    expect(new Set(declaredValues(LANES_TYPES))).toEqual(new Set(Object.keys(runtime)));
  });

  it("document every declared value", () => {
    for (const name of declaredValues(LANES_TYPES)) {
      const before = LANES_TYPES.slice(0, LANES_TYPES.search(new RegExp(`export (?:function|class|const) ${name}\\b`)));
      expect(before.trimEnd().endsWith("*/"), `${name} has no JSDoc`).toBe(true);
    }
  });
});
