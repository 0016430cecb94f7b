import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../src/lessons/problems.ts";
import { loadLessons } from "./load-lessons.ts";

const FIXTURES = "e2e/fixtures/lessons";
const broken = loadLessons(`${FIXTURES}/broken`);
/** The one problem of a broken fixture, as `line:column message`. */
const problemOf = (name: string) => broken.problems.filter((p) => p.file.endsWith(name)).map((p) => formatProblem(p).replace(/^.*?\.md:/, ""));

describe("loadLessons on the broken fixtures", () => {
  it("names an unknown field and the field meant", () => {
    expect(problemOf("01-unknown-field.md")).toEqual(['5:1 Unknown frontmatter field "runner". Did you mean "runners"? Use one of: title, summary, order, runners, level, minutes, tags, timeLimitMs.']);
  });

  it("names a field of the wrong type and what it is for", () => {
    expect(problemOf("02-wrong-type.md")).toEqual([expect.stringMatching(/^4:8 Frontmatter field "order" must be a number, not the text "first"\. It is the lesson's place in the course/)]);
  });

  it("names an unknown block role and the role meant", () => {
    expect(problemOf("03-unknown-role.md")).toEqual([expect.stringMatching(/^7:7 Unknown block role "playgorund" in ```ts playgorund\. Did you mean "playground"\?/)]);
  });

  it("places a playground's type error on its line in the lesson", () => {
    expect(problemOf("04-type-error.md")).toEqual([expect.stringMatching(/^11:14 The playground "p1" does not compile against the lanes module: Argument of type 'string'/)]);
  });

  it("names a duplicate playground id and both lines", () => {
    expect(problemOf("05-duplicate-id.md")).toEqual(['13:18 Two playgrounds have the id "race" (lines 7 and 13): give this one its own id=, e.g. id=race-2.']);
  });

  it("refuses a solution without a playground before it", () => {
    expect(problemOf("06-orphan-solution.md")).toEqual([expect.stringMatching(/^7:1 A solution block belongs to the playground before it, and there is none/)]);
  });

  it("names an unknown assertion and the one meant", () => {
    expect(problemOf("07-unknown-assertion.md")).toEqual([expect.stringMatching(/^19:5 Unknown assertion "outputContains"\. Did you mean "output"\?/)]);
  });

  it("names an unknown playground option and the option meant", () => {
    expect(problemOf("08-unknown-option.md")).toEqual([expect.stringMatching(/^7:18 Unknown playground option "worker"\. Did you mean "workers"\?/)]);
  });

  it("reports paths relative to the working directory", () => {
    expect(broken.problems[0]?.file).toBe(`${FIXTURES}/broken/01-unknown-field.md`);
  });
});

describe("loadLessons on valid lessons", () => {
  it("finds no problem in the good fixtures", () => {
    expect(loadLessons(`${FIXTURES}/good`).problems).toEqual([]);
  });

  it("finds no problem in the real lessons", () => {
    expect(loadLessons("lessons").problems).toEqual([]);
  }, 30_000); // type-checks about forty programs: several seconds on a busy machine

  it("puts lessons in course order", () => {
    expect(loadLessons(`${FIXTURES}/good`).lessons.map((l) => l.lesson.meta.slug)).toEqual(["01-waiting-together", "02-smallest"]);
  });

  it("compiles each ts check to a script", () => {
    const check = loadLessons(`${FIXTURES}/good`).lessons[0]?.lesson.playgrounds[0]?.exercise?.check.fn;
    expect(check?.js).toMatch(/exports\.default = check/);
  });
});

describe("loadLessons with a course.yaml", () => {
  const LESSON = "---\ntitle: T\nsummary: S.\n---\nProse.\n";
  /** A throw-away lesson directory with these files. */
  function withDir(files: Record<string, string>, fn: (dir: string) => void) {
    const dir = mkdtempSync(join(tmpdir(), "lanes-course-"));
    try {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("orders the real lessons as lessons/course.yaml lists them, with the first lesson first", () => {
    const loaded = loadLessons("lessons", { typecheck: false }); // the order needs no compiler
    const listed = loaded.course.parts.flatMap((p) => p.lessons);
    expect(loaded.lessons.map((l) => l.lesson.meta.slug)).toEqual(listed);
    expect(listed[0]).toBe("concurrency-is-not-parallelism");
    expect(loaded.courseFile).toBe("lessons/course.yaml");
  });

  it("gives lessons without numbers their course place, and refuses a lesson in no part", () => {
    const course = "title: C\nintro: I.\nparts:\n  - title: P\n    lessons: [zebra, apple]\n";
    withDir({ "course.yaml": course, "zebra.md": LESSON, "apple.md": LESSON, "stray.md": LESSON }, (dir) => {
      const loaded = loadLessons(dir, { root: dir, typecheck: false });
      expect(loaded.lessons.slice(0, 2).map((l) => [l.lesson.meta.slug, l.lesson.meta.order])).toEqual([["zebra", 1], ["apple", 2]]);
      expect(loaded.problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
        expect.stringMatching(/^stray\.md:1 The lesson is in no part of course\.yaml: add "stray" to the lessons: of the part it belongs to\.$/),
        expect.stringMatching(/^stray\.md:2 The lesson has no place in the course/),
      ]);
    });
  });

  it("makes one part of every lesson when there is no course.yaml", () => {
    expect(loadLessons(`${FIXTURES}/good`).course.parts).toEqual([{ title: "Lessons", lessons: ["01-waiting-together", "02-smallest"] }]);
  });

  it("ignores a README.md beside the lessons (notes for teaching assistants)", () => {
    withDir({ "01-a.md": LESSON, "README.md": "# Notes for TAs\n\nNo frontmatter here.\n" }, (dir) => {
      const loaded = loadLessons(dir, { root: dir, typecheck: false });
      expect([loaded.lessons.map((l) => l.file), loaded.problems]).toEqual([["01-a.md"], []]);
    });
  });

  it("refuses a file name that is not a slug, naming the address it would have", () => {
    withDir({ "My Lesson.md": `---\ntitle: T\nsummary: S.\norder: 1\n---\nProse.\n` }, (dir) => {
      const loaded = loadLessons(dir, { root: dir, typecheck: false });
      expect(loaded.problems.map(formatProblem)).toEqual([expect.stringMatching(/^My Lesson\.md:1:1 The file name "My Lesson\.md" cannot be a lesson's address: .* rename it to my-lesson\.md, whose address is \/lessons\/my-lesson\.$/)]);
    });
  });

  it("warns about two lessons with the same order, at the later one's order: line, and puts them by title", () => {
    const lesson = (title: string) => `---\ntitle: ${title}\nsummary: S.\norder: 2\n---\nProse.\n`;
    withDir({ "b.md": lesson("Alpha"), "a.md": lesson("Beta") }, (dir) => {
      const loaded = loadLessons(dir, { root: dir, typecheck: false });
      expect(loaded.lessons.map((l) => l.file)).toEqual(["b.md", "a.md"]);
      expect(loaded.problems.map(formatProblem)).toEqual(['a.md:4:1 warning: This lesson and b.md both have order 2, so the home page puts them by title ("Alpha" first). Give each lesson its own order: (or list them in a course.yaml).']);
    });
  });

  it("warns about a number in the file name that another lesson's order takes", () => {
    withDir({ "03-x.md": LESSON, "y.md": `---\ntitle: U\nsummary: S.\norder: 3\n---\nProse.\n` }, (dir) => {
      const warnings = loadLessons(dir, { root: dir, typecheck: false }).problems.map(formatProblem);
      expect(warnings).toEqual([expect.stringMatching(/^y\.md:4:1 warning: This lesson and 03-x\.md both have order 3/)]);
    });
  });

  it("reads one lesson alone, in its course's place, the course listing it alone", () => {
    const course = "title: C\nintro: I.\nparts:\n  - title: P\n    lessons: [zebra]\n  - title: Q\n    lessons: [apple, broken]\n";
    withDir({ "course.yaml": course, "zebra.md": LESSON, "apple.md": LESSON, "broken.md": "no frontmatter" }, (dir) => {
      const loaded = loadLessons(dir, { root: dir, typecheck: false, only: join(dir, "apple.md") });
      expect(loaded.problems).toEqual([]);
      expect(loaded.lessons.map((l) => [l.file, l.lesson.meta.order])).toEqual([["apple.md", 2]]);
      expect(loaded.course.parts).toEqual([{ title: "Q", lessons: ["apple"] }]);
    });
  });
});
