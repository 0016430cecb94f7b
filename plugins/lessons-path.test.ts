import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveLessonsPath } from "./lessons-path.ts";

const root = process.cwd();

describe("resolveLessonsPath", () => {
  it("takes a folder as the course", () => {
    expect(resolveLessonsPath("e2e/fixtures/lessons/good", root)).toEqual({ dir: resolve("e2e/fixtures/lessons/good") });
  });

  it("takes a lesson file as that lesson alone, in its folder", () => {
    expect(resolveLessonsPath("e2e/fixtures/lessons/good/02-smallest.md", root)).toEqual({ dir: resolve("e2e/fixtures/lessons/good"), only: resolve("e2e/fixtures/lessons/good/02-smallest.md") });
  });

  it("says what to name when the path does not exist", () => {
    expect(() => resolveLessonsPath("lessons/nope.md", root)).toThrow(/^There is no folder or file lessons\/nope\.md: name a folder of lessons/);
  });

  it("refuses a file that is not a lesson", () => {
    expect(() => resolveLessonsPath("lessons/course.yaml", root)).toThrow(/lessons\/course\.yaml is not a lesson file/);
  });
});
