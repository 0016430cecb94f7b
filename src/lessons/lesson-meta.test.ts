import { describe, expect, it } from "vitest";
import { compileLesson } from "./compile-lesson.ts";

/** Problems of a lesson whose frontmatter is `lines` (line 2 onwards). */
function frontmatterProblems(slug: string, ...lines: string[]) {
  return compileLesson(`lessons/${slug}.md`, `---\n${lines.join("\n")}\n---\nBody.`).problems.map((p) => `${p.line}:${p.column} ${p.message}`);
}

describe("lesson frontmatter", () => {
  it("accepts every field", () => {
    expect(frontmatterProblems("x", "title: T", "summary: S.", "order: 2", "runners: [main, workers]", "level: advanced", "minutes: 10", "tags: [locks]", "timeLimitMs: 3000")).toEqual([]);
  });

  it("accepts a numbered file name instead of order", () => {
    expect(frontmatterProblems("03-x", "title: T", "summary: S.")).toEqual([]);
  });

  it("names an unknown field with its line and the field meant", () => {
    expect(frontmatterProblems("01-x", "title: T", "summary: S.", "tag: [a]")).toEqual([expect.stringMatching(/^4:1 Unknown frontmatter field "tag"\. Did you mean "tags"\? Use one of: title, summary/)]);
  });

  it("does not call a misspelt field missing as well", () => {
    expect(frontmatterProblems("01-x", "titel: T", "summary: S.")).toEqual([expect.stringMatching(/^2:1 Unknown frontmatter field "titel"\. Did you mean "title"\?/)]);
  });

  it("says a missing title is missing, and what it is for", () => {
    expect(frontmatterProblems("01-x", "summary: S.")).toEqual(['2:1 Frontmatter field "title" is missing: add it. It is the lesson\'s title, shown as its heading and in the lesson list.']);
  });

  it("says a missing summary is missing", () => {
    expect(frontmatterProblems("01-x", "title: T")).toEqual([expect.stringMatching(/^2:1 Frontmatter field "summary" is missing: add it\./)]);
  });

  it("refuses an order that is text, at its value's column", () => {
    expect(frontmatterProblems("x", "title: T", "summary: S.", "order: first")).toEqual([expect.stringMatching(/^4:8 Frontmatter field "order" must be a number, not the text "first"\./)]);
  });

  it("refuses a fractional order", () => {
    expect(frontmatterProblems("x", "title: T", "summary: S.", "order: 1.5")).toEqual([expect.stringMatching(/^4:8 Frontmatter field "order" must be a whole number, not the number 1.5\./)]);
  });

  it("asks for an order when the file name has no number", () => {
    expect(frontmatterProblems("locks", "title: T", "summary: S.")).toEqual([expect.stringMatching(/^2:1 The lesson has no place in the course: list it in a part of course.yaml, add order: 1 .* 01-locks\.md\.$/)]);
  });

  it("takes its order from the course, which needs no number in the file name", () => {
    const { lesson, problems } = compileLesson("lessons/locks.md", "---\ntitle: T\nsummary: S.\n---\nProse.\n", { courseOrder: 7 });
    expect([lesson.meta.order, problems]).toEqual([7, []]);
  });

  it("warns that order: is ignored when the course places the lesson", () => {
    const { lesson, problems } = compileLesson("lessons/locks.md", "---\ntitle: T\nsummary: S.\norder: 2\n---\nProse.\n", { courseOrder: 7 });
    expect(lesson.meta.order).toBe(7);
    expect(problems.map((p) => `${p.severity} ${p.line}:${p.column} ${p.message}`)).toEqual([expect.stringMatching(/^warning 4:1 order: is ignored: the course's order/)]);
  });

  it("refuses minutes that are not a whole number of minutes", () => {
    expect(frontmatterProblems("01-x", "title: T", "summary: S.", "minutes: 7.5")).toEqual([expect.stringMatching(/^4:10 Frontmatter field "minutes" must be a whole number, not the number 7.5\. It is about how many minutes/)]);
  });

  it("refuses an unknown runner, at the list item, with the runner meant", () => {
    expect(frontmatterProblems("01-x", "title: T", "summary: S.", "runners: [main, worker]")).toEqual([
      '4:17 Frontmatter field "runners[1]" must be one of main, async, workers, not the text "worker". Did you mean "workers"?',
    ]);
  });

  it("refuses runners given as one word", () => {
    expect(frontmatterProblems("01-x", "title: T", "summary: S.", "runners: main")).toEqual([expect.stringMatching(/^4:10 Frontmatter field "runners" must be a list, not the text "main"\./)]);
  });

  it("refuses an unknown level", () => {
    expect(frontmatterProblems("01-x", "title: T", "summary: S.", "level: expert")).toEqual([expect.stringMatching(/^4:8 Frontmatter field "level" must be one of beginner, intermediate, advanced/)]);
  });

  it("refuses tags that are not text", () => {
    expect(frontmatterProblems("01-x", "title: T", "summary: S.", "tags: [1, a]")).toEqual([expect.stringMatching(/^4:8 Frontmatter field "tags\[0\]" must be text, not the number 1\./)]);
  });

  it("refuses a time limit of zero", () => {
    expect(frontmatterProblems("01-x", "title: T", "summary: S.", "timeLimitMs: 0")).toEqual([expect.stringMatching(/^4:14 Frontmatter field "timeLimitMs" is not valid: /)]);
  });

  it("reports invalid YAML at its line", () => {
    expect(frontmatterProblems("01-x", "title: T", "summary: [unclosed")).toEqual([expect.stringMatching(/^3:\d+ Frontmatter is not valid YAML: /)]);
  });

  it("refuses a field given twice", () => {
    expect(frontmatterProblems("01-x", "title: T", "title: U", "summary: S.")).toEqual([expect.stringMatching(/^3:1 Frontmatter is not valid YAML: .*unique/)]);
  });

  it("keeps the valid fields of a frontmatter with an error", () => {
    const { lesson } = compileLesson("lessons/01-x.md", "---\ntitle: Kept\nsummary: S.\nlevel: expert\n---\n");
    expect(lesson.meta.title).toBe("Kept");
  });
});
