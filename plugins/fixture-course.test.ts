// The acceptance of issue 15 over a course of one's own (e2e/fixtures/course-small: course.yaml,
// two parts, three lessons): it is valid as it is, and each mistake an instructor made, added to
// it one at a time, is refused or warned about with the file and the line.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../src/lessons/problems.ts";
import { fakeRun } from "../src/lessons/test-runs.ts";
import { verifyExercises } from "./check-lessons.ts";
import { loadLessons } from "./load-lessons.ts";

const FIXTURE = "e2e/fixtures/course-small";
const LESSON = (title: string, extra = "") => `---\ntitle: ${title}\nsummary: S.\n${extra}---\n\nProse.\n`;

/** A copy of the fixture course with `change` applied, loaded as the build loads it (paths relative to the copy). */
function withMistake(change: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), "lanes-course-mistake-"));
  try {
    cpSync(FIXTURE, dir, { recursive: true });
    change(dir);
    return loadLessons(dir, { root: dir, typecheck: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const edit = (dir: string, file: string, fn: (text: string) => string) => writeFileSync(join(dir, file), fn(readFileSync(join(dir, file), "utf8")));
const listIn = (dir: string, slug: string) => edit(dir, "course.yaml", (t) => t.replace("      - cores", `      - cores\n      - ${slug}`));

const MISTAKES: { mistake: string; change: (dir: string) => void; expected: RegExp }[] = [
  {
    mistake: "a file name with a space",
    change: (dir) => (writeFileSync(join(dir, "My Lesson.md"), LESSON("Mine")), listIn(dir, '"My Lesson"')),
    expected: /^My Lesson\.md:1:1 The file name "My Lesson\.md" cannot be a lesson's address: .*rename it to my-lesson\.md/,
  },
  {
    mistake: "a file with only frontmatter",
    change: (dir) => (writeFileSync(join(dir, "empty.md"), "---\ntitle: Empty\nsummary: S.\n---\n"), listIn(dir, "empty")),
    expected: /^empty\.md:4:1 warning: The lesson has only frontmatter/,
  },
  {
    mistake: "two lessons with the same order (no course.yaml)",
    change: (dir) => {
      unlinkSync(join(dir, "course.yaml"));
      for (const [file, n] of [["sleepers.md", 1], ["a-pool-of-waiters.md", 2], ["cores.md", 2]] as const) edit(dir, file, (t) => t.replace("---\ntitle:", `---\norder: ${n}\ntitle:`));
    },
    expected: /^cores\.md:2:1 warning: This lesson and a-pool-of-waiters\.md both have order 2, so the home page puts them by title \("A pool of waiters" first\)/,
  },
  {
    mistake: "an unclosed quote in the frontmatter at line 3",
    change: (dir) => edit(dir, "cores.md", (t) => t.replace("summary: CPU work", 'summary: "CPU work')),
    expected: /^cores\.md:3:10 Frontmatter is not valid YAML: A double quote opened here is never closed/,
  },
  {
    mistake: "a hint with an unquoted colon",
    change: (dir) => edit(dir, "a-pool-of-waiters.md", (t) => t.replace('  - "How many downloads may wait at once? Look at the pool."', "  - Look at the pool: how many may wait?")),
    expected: /^a-pool-of-waiters\.md:43:5 Check field "hints\[0\]" must be text, but its colon .*put the text in quotes, e\.g\. "Look at the pool: how many may wait\?"/,
  },
  {
    mistake: "raw HTML in prose",
    change: (dir) => appendFileSync(join(dir, "cores.md"), "\nA <b>bold</b> claim.\n"),
    expected: /^cores\.md:23:\d+ warning: Raw HTML is not shown on the page/,
  },
  {
    mistake: "a javascript: link",
    change: (dir) => appendFileSync(join(dir, "cores.md"), "\n[click](javascript:alert(1))\n"),
    expected: /^cores\.md:23:\d+ warning: The link "javascript:alert\(1\)" is removed/,
  },
  {
    mistake: "a lesson of 260 kB (the 1 MB bundle case is entry-size.test.ts)",
    change: (dir) => appendFileSync(join(dir, "cores.md"), `\n${"A paragraph of prose that goes on. ".repeat(7_500)}\n`),
    expected: /^cores\.md:1:1 warning: The lesson is 26\d kB, more than 200 kB/,
  },
  {
    mistake: "a lesson in no part of course.yaml",
    change: (dir) => writeFileSync(join(dir, "stray.md"), LESSON("Stray")),
    expected: /^stray\.md:1:1 The lesson is in no part of course\.yaml/,
  },
  {
    mistake: "a course.yaml naming a lesson that does not exist",
    change: (dir) => listIn(dir, "corse"),
    expected: /^course\.yaml:16:9 There is no lesson "corse" .*Did you mean "cores"\?/,
  },
  {
    mistake: "an accent that is not a CSS colour",
    change: (dir) => edit(dir, "course.yaml", (t) => t.replace('accent: "#c2185b"', "accent: magentaish")),
    expected: /^course\.yaml:5:9 The accent "magentaish" is not a CSS colour\. Write a CSS colour, e\.g\. accent: "#7a3cff"/,
  },
  {
    mistake: "an accent whose # starts a YAML comment",
    change: (dir) => edit(dir, "course.yaml", (t) => t.replace('accent: "#c2185b"', "accent: #c2185b")),
    expected: /^course\.yaml:5:1 The accent is empty: YAML reads # as the start of a comment, so a colour written with # must be in quotes: accent: "#c2185b"\./,
  },
  {
    mistake: "a logo that does not exist",
    change: (dir) => edit(dir, "course.yaml", (t) => t.replace("logo: logo.svg", "logo: logo.png")),
    expected: /^course\.yaml:6:7 There is no file "logo\.png" in the course folder/,
  },
  {
    mistake: "a logo outside the course folder",
    change: (dir) => edit(dir, "course.yaml", (t) => t.replace("logo: logo.svg", "logo: ../logo.svg")),
    expected: /^course\.yaml:6:7 The logo "\.\.\/logo\.svg" is outside the course folder/,
  },
  {
    mistake: "a logo that is not an image",
    change: (dir) => (writeFileSync(join(dir, "logo.png"), "not a picture"), edit(dir, "course.yaml", (t) => t.replace("logo: logo.svg", "logo: logo.png"))),
    expected: /^course\.yaml:6:7 The logo "logo\.png" is named \.png but is not a PNG image/,
  },
  {
    mistake: "a logo file that is a lesson-less text file",
    change: (dir) => edit(dir, "course.yaml", (t) => t.replace("logo: logo.svg", "logo: README.md")),
    expected: /^course\.yaml:6:7 The logo "README\.md" is not an image Lanes can show \(\.md\)/,
  },
];

describe("the fixture course", () => {
  it("is valid as it is: three lessons in two parts, the README left out", () => {
    const loaded = loadLessons(FIXTURE, { typecheck: false });
    expect(loaded.problems).toEqual([]);
    expect(loaded.course.title).toBe("Pools in a weekend");
    expect(loaded.course.accent?.light.accent).toBe("#c2185b");
    expect(loaded.course.logo).toMatch(/^course\/logo-[0-9a-f]{8}\.svg$/);
    expect(loaded.logo?.path).toMatch(/course-small\/logo\.svg$/);
    expect(loaded.course.parts.map((p) => [p.title, p.lessons])).toEqual([
      ["Waiting", ["sleepers", "a-pool-of-waiters"]],
      ["Computing", ["cores"]],
    ]);
  });

  it("type-checks", () => {
    expect(loadLessons(FIXTURE).problems).toEqual([]);
  }, 60_000);

  it.each(MISTAKES)("refuses or warns about $mistake, with file and line", ({ change, expected }) => {
    expect(withMistake(change).problems.map(formatProblem)).toContainEqual(expect.stringMatching(expected));
  }, 30_000); // parsing the big lesson takes seconds on a loaded machine

  it("ignores a README.md of notes with no frontmatter", () => {
    expect(withMistake((dir) => writeFileSync(join(dir, "README.md"), "Notes: no frontmatter at all.\n")).problems).toEqual([]);
  });

  it("blames a ts check that throws on the check's own line", async () => {
    const check = "\n```ts check\nexport default function check(runs: Run[]): true | string {\n  throw new Error(`no ${runs.length}`);\n}\n```\n";
    const loaded = withMistake((dir) => edit(dir, "a-pool-of-waiters.md", (t) => t.replace(/( {2}- speedUp: .*\n```\n)/, `$1${check}`)));
    const runCode = async (_code: string, runners: Parameters<typeof fakeRun>[0][]) => runners.map((r) => fakeRun(r, { wallMs: r === "main" ? 400 : 100, output: ["page 4"] }));
    const problems = (await verifyExercises(loaded, runCode)).map(formatProblem);
    expect(problems).toEqual([expect.stringMatching(/^a-pool-of-waiters\.md:50:1 The ts check of "waiters" threw Error: no 2 \(on the runs of the solution\)\. Fix the check/)]);
  });
});
