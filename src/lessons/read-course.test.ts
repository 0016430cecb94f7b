import { describe, expect, it } from "vitest";
import { implicitCourse, readCourse } from "./read-course.ts";

const SLUGS = ["01-waiting", "locks", "queues"];
const problemsOf = (text: string, slugs = SLUGS) => readCourse("lessons/course.yaml", text, slugs).problems.map((p) => `${p.line}:${p.column} ${p.message}`);
const GOOD = ["title: T", "intro: I.", "parts:", "  - title: One", "    lessons: [01-waiting, locks]", "  - title: Two", "    summary: S.", "    lessons:", "      - queues"].join("\n");

describe("readCourse", () => {
  it("reads the parts and numbers the lessons in course order", () => {
    const read = readCourse("lessons/course.yaml", GOOD, SLUGS);
    expect(read.problems).toEqual([]);
    expect(read.course?.parts.map((p) => p.title)).toEqual(["One", "Two"]);
    expect([...read.order]).toEqual([["01-waiting", 1], ["locks", 2], ["queues", 3]]);
  });

  it("accepts a part whose lessons are still being written", () => {
    expect(problemsOf(GOOD.replace("lessons:\n      - queues", "lessons: []"), ["01-waiting", "locks"])).toEqual([]);
  });

  it("names an unknown key, at its line, with the key meant", () => {
    expect(problemsOf(GOOD.replace("intro: I.", "intro: I.\ntitel: X"))).toEqual([expect.stringMatching(/^3:1 Unknown course field "titel"\. Did you mean "title"\?/)]);
  });

  it("names an unknown key inside a part", () => {
    expect(problemsOf(GOOD.replace("    summary: S.", "    sumary: S."))).toEqual([expect.stringMatching(/^7:5 Unknown course field "sumary"\./)]);
  });

  it("says a missing intro is missing, and what it is for", () => {
    expect(problemsOf(GOOD.replace("intro: I.\n", ""))).toEqual([expect.stringMatching(/Course field "intro" is missing: add it\. It is a paragraph or two under the title/)]);
  });

  it("refuses a lesson that does not exist, at its line, with the lesson meant", () => {
    expect(problemsOf(GOOD.replace("      - queues", "      - queue"))).toEqual([expect.stringMatching(/^9:9 There is no lesson "queue" \(no queue\.md beside the course\)\. Did you mean "queues"\?/)]);
  });

  it("refuses a lesson listed twice", () => {
    expect(problemsOf(GOOD.replace("      - queues", "      - queues\n      - locks"))).toEqual([expect.stringMatching(/^10:9 The lesson "locks" is listed twice/)]);
  });

  it("reports invalid YAML at its line", () => {
    expect(problemsOf("title: T\nintro: [unclosed\nparts: []")).toEqual([expect.stringMatching(/^\d+:\d+ The course is not valid YAML: /)]);
  });
});

describe("implicitCourse", () => {
  it("puts every lesson in one part, in order", () => {
    expect(implicitCourse(["a", "b"]).parts).toEqual([{ title: "Lessons", lessons: ["a", "b"] }]);
  });
});
