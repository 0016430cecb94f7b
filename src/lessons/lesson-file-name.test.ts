import { describe, expect, it } from "vitest";
import { isLessonFileName, slugProblem, suggestedSlug } from "./lesson-file-name.ts";

describe("isLessonFileName", () => {
  it("takes markdown files as lessons", () => {
    expect(isLessonFileName("01-waiting.md")).toBe(true);
  });

  it("leaves a README (notes for teaching assistants) and other files out", () => {
    expect(["README.md", "readme.md", "course.yaml", "notes.txt"].map(isLessonFileName)).toEqual([false, false, false, false]);
  });
});

describe("slugProblem", () => {
  it("accepts letters, digits, dashes and underscores", () => {
    expect(slugProblem("02-computing_needs-Cores")).toBeUndefined();
  });

  it("refuses a name with a space, saying what the address would be and the name to use", () => {
    expect(slugProblem("My Lesson")).toBe(
      'The file name "My Lesson.md" cannot be a lesson\'s address: /lessons/My Lesson would be "Page not found". A lesson\'s file name may have only letters, digits, - and _ (no spaces, dots or accents): rename it to my-lesson.md, whose address is /lessons/my-lesson.',
    );
  });

  it("refuses dots and accents", () => {
    expect(slugProblem("v1.2")).toMatch(/rename it to v1-2\.md/);
    expect(slugProblem("Über")).toMatch(/rename it to uber\.md/);
  });
});

describe("suggestedSlug", () => {
  it("collapses runs of other characters into one dash", () => {
    expect(suggestedSlug("  Locks & Queues!! ")).toBe("locks-queues");
  });

  it("falls back to a name when nothing is left", () => {
    expect(suggestedSlug("???")).toBe("lesson");
  });
});
