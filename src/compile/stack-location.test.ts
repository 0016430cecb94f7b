import { describe, expect, it } from "vitest";
import { lanesShimSource } from "./lanes-shim";
import { locateInStack, userStack } from "./stack-location";

const URL = "blob:http://localhost:4173/5b8c0f1e-9d1a-4c55-a3c1-3f3f3b1e2a10";
const stack = [
  "Error: no page 7",
  "    at http://localhost:4173/assets/worker-entry-abc.js:1:2345",
  `    at fetchPage (${URL}:7:11)`,
  `    at async main (${URL}:12:3)`,
  `    at ${URL}:3:1`,
].join("\n");

describe("stack locations", () => {
  it("finds the first frame in the student's module", () => {
    expect(locateInStack(stack, URL)).toEqual({ line: 7, column: 11 });
  });

  it("finds nothing when the module is not on the stack", () => {
    expect(locateInStack(stack, "blob:http://localhost:4173/other")).toBeUndefined();
    expect(locateInStack(stack, "")).toBeUndefined();
  });

  it("keeps only the student's frames, named after their program", () => {
    expect(userStack(stack, URL)).toBe(["    at fetchPage (program.ts:7:11)", "    at main (program.ts:12:3)", "    at program.ts:3:1"].join("\n"));
  });
});

describe("lanesShimSource", () => {
  it("re-exports each runtime name from the realm's global", () => {
    const src = lanesShimSource(["sleep", "Pool"], "lanes.runtime");
    expect(src).toContain('globalThis[Symbol.for("lanes.runtime")]');
    expect(src).toContain("export const sleep = runtime.sleep;");
    expect(src).toContain("export const Pool = runtime.Pool;");
  });

  it("refuses a name that is not an identifier", () => {
    expect(() => lanesShimSource(["a-b"], "k")).toThrow(/not an identifier/);
  });
});
