import { describe, expect, it } from "vitest";
import { locateInStack, placeAndUserStack, userStack } from "./stack-location";

const MODULE = "blob:http://localhost:4173/5b8c0f1e-9d1a-4c55-a3c1-3f3f3b1e2a10";
const OTHER = "blob:http://localhost:4173/0d6f2a77-1111-4c55-a3c1-000000000000";

// As Chromium prints it for an error thrown in a task run by a pool on the page.
const v8Stack = [
  "Error: no page 7",
  "    at check (http://localhost:4173/assets/index-Bx81a2.js:1:2345)",
  `    at fetchPage (${MODULE}:7:11)`,
  "    at Array.map (<anonymous>)",
  `    at new Crawler (${MODULE}:9:5)`,
  "    at async Promise.all (index 0)",
  `    at async main (${MODULE}:12:3)`,
  `    at ${MODULE}:3:1`,
].join("\n");

const firefoxStack = [
  `fetchPage@${MODULE}:7:11`,
  `async*main@${MODULE}:12:3`,
  "run@http://localhost:4173/assets/index-Bx81a2.js:1:999",
].join("\n");

describe("locateInStack", () => {
  it("finds the innermost frame in the student's module", () => {
    expect(locateInStack(v8Stack, MODULE)).toEqual({ line: 7, column: 11 });
  });

  it("finds a frame without a function name", () => {
    expect(locateInStack(`Error: top\n    at ${MODULE}:3:1`, MODULE)).toEqual({ line: 3, column: 1 });
  });

  it("ignores frames of another module with a similar URL", () => {
    expect(locateInStack(`Error\n    at f (${MODULE}0:1:1)\n    at g (${MODULE}:5:2)`, MODULE)).toEqual({ line: 5, column: 2 });
  });

  it("finds nothing when the module is not on the stack", () => {
    expect(locateInStack(v8Stack, OTHER)).toBeUndefined();
  });

  it("finds nothing for an empty module URL", () => {
    expect(locateInStack(v8Stack, "")).toBeUndefined();
  });

  it("reads Firefox and Safari frames", () => {
    expect(locateInStack(firefoxStack, MODULE)).toEqual({ line: 7, column: 11 });
  });
});

describe("userStack", () => {
  it("keeps only the student's frames, named after their program", () => {
    expect(userStack(v8Stack, MODULE)).toBe(
      [
        "    at fetchPage (program.ts:7:11)",
        "    at new Crawler (program.ts:9:5)",
        "    at main (program.ts:12:3)",
        "    at program.ts:3:1",
      ].join("\n"),
    );
  });

  it("rewrites Firefox frames in the same style", () => {
    expect(userStack(firefoxStack, MODULE)).toBe("    at fetchPage (program.ts:7:11)\n    at main (program.ts:12:3)");
  });

  it("is empty when none of the frames are the student's", () => {
    expect(userStack(v8Stack, OTHER)).toBe("");
  });
});

describe("placeAndUserStack", () => {
  it("gives what locateInStack and userStack give, from one reading", () => {
    for (const stack of [v8Stack, firefoxStack, `Error: see ${MODULE}:1:1\n    at f (${MODULE}0:1:1)\n    at g (${MODULE}:5:2)`]) {
      const place = locateInStack(stack, MODULE);
      expect(placeAndUserStack(stack, MODULE)).toEqual({ ...(place ? { place } : {}), stack: userStack(stack, MODULE) });
    }
  });

  it("finds no place and no frames when the module is not on the stack", () => {
    expect(placeAndUserStack(v8Stack, OTHER)).toEqual({ stack: "" });
  });
});
