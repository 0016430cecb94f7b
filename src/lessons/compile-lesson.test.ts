import { describe, expect, it } from "vitest";
import complete from "../../e2e/fixtures/lessons/good/01-waiting-together.md?raw";
import { compileLesson } from "./compile-lesson.ts";

const FILE = "lessons/01-waiting-together.md";
const { lesson, problems } = compileLesson(FILE, complete, { transpileCheck: (s) => `/*js*/${s}` });
const playground = lesson.playgrounds[0];

/** A lesson with valid frontmatter (5 lines) and `body`. */
function compile(body: string) {
  return compileLesson("lessons/01-x.md", `---\ntitle: X\nsummary: Y.\norder: 1\n---\n${body}`);
}
const fence = (info: string, code = "export default function main() {}") => `\`\`\`${info}\n${code}\n\`\`\`\n`;

describe("compileLesson on the complete fixture lesson", () => {
  it("finds no problems", () => {
    expect(problems).toEqual([]);
  });

  it("reads every frontmatter field", () => {
    expect(lesson.meta).toEqual({
      slug: "01-waiting-together",
      title: "Waiting together",
      summary: "Six downloads and a pool of one. Async tasks can wait at the same time; a plain script waits in turn.",
      order: 1,
      runners: ["main", "async", "workers"],
      level: "beginner",
      tags: ["async", "io-bound"],
      timeLimitMs: 10000,
    });
  });

  it("reads the playground's options, the lesson's time limit filling in", () => {
    expect(playground).toMatchObject({ id: "downloads", line: 16, runners: ["main", "async"], workers: 1, timeLimitMs: 10000 });
  });

  it("gives the playground its python equivalent", () => {
    expect(playground?.python?.line).toBe(31);
    expect(playground?.python?.code).toMatch(/^import asyncio\n/);
  });

  it("gives the playground its prediction", () => {
    expect(playground?.predict).toEqual({ kind: "wall", runner: "async", question: "With a pool of one, how many milliseconds will the async run take?", tolerance: 0.25, line: 51 });
  });

  it("reads the exercise's goal, hints and assertions", () => {
    expect(playground?.exercise).toMatchObject({
      goal: "Make the async run at least twice as fast as main, still downloading the six pages.",
      hints: ["How many downloads may wait at the same moment? Look at the pool.", "A pool of three lets three downloads wait together."],
      line: 61,
    });
    expect(playground?.exercise?.check.assertions).toEqual([
      { kind: "ok", runner: "all" },
      { kind: "output", runner: "all", contains: "page 6" },
      { kind: "speedUp", runner: "async", over: "main", atLeast: 2 },
    ]);
  });

  it("keeps the ts check's source and its compiled script", () => {
    const fn = playground?.exercise?.check.fn;
    expect(fn?.line).toBe(72);
    expect(fn?.source).toContain("export default function check(runs: Run[])");
    expect(fn?.js.startsWith("/*js*/")).toBe(true);
  });

  it("gives the playground its solution", () => {
    expect(playground?.solution?.line).toBe(85);
    expect(playground?.solution?.code).toContain("new Pool({ workers: 3 })");
  });

  it("takes the playground's blocks out of the prose", () => {
    const prose = lesson.sections.map((s) => s.before + s.after).join("\n");
    for (const gone of ["import asyncio", "kind: wall", "goal:", "export default function check", "workers: 3"]) expect(prose).not.toContain(gone);
    expect(prose).toContain("Make the waits overlap.");
  });

  it("starts a section at the heading after the playground", () => {
    expect(lesson.sections).toHaveLength(2);
    expect(lesson.sections[1]?.before).toMatch(/^## Your turn/);
    expect(lesson.sections[1]?.before).toContain("Under `main`, the pool size changes nothing");
  });

  it("lists the headings without the title", () => {
    expect(lesson.headings).toEqual([{ depth: 2, text: "Your turn", slug: "your-turn", line: 57 }]);
  });
});

describe("compileLesson's block rules", () => {
  it("attaches a python block that follows the playground's other blocks", () => {
    const { lesson } = compile(fence("ts playground") + "\n" + fence("yaml predict", "kind: fastest\nquestion: Which?") + "\n" + fence("python", "pass"));
    expect(lesson.playgrounds[0]?.python?.code).toBe("pass\n");
  });

  it("leaves a python block after prose in the prose", () => {
    const { lesson } = compile(fence("ts playground") + "Some words.\n" + fence("python", "pass"));
    expect(lesson.playgrounds[0]?.python).toBeUndefined();
    expect(lesson.sections[0]?.after).toContain("pass");
  });

  it("refuses a ts check without a yaml check", () => {
    const { problems } = compile(fence("ts playground") + fence("ts check", "export default () => true;") + fence("ts solution"));
    expect(problems.map((p) => [p.line, p.message])).toEqual([[9, expect.stringContaining("needs a ```yaml check block")]]);
  });

  it("refuses an exercise without a solution", () => {
    const { problems } = compile(fence("ts playground") + fence("yaml check", "goal: G.\nexpect:\n  - ok: all"));
    expect(problems.map((p) => [p.line, p.message])).toEqual([[9, expect.stringContaining("needs a ```ts solution block")]]);
  });

  it("refuses a check about a runner the playground does not offer", () => {
    const { problems } = compile(fence("ts playground runners=main") + fence("yaml check", "goal: G.\nexpect:\n  - ok: workers") + fence("ts solution"));
    expect(problems[0]?.message).toContain("looks at workers, which the playground does not offer (main)");
  });

  it("refuses a second solution for one playground", () => {
    const { problems } = compile(fence("ts playground") + fence("ts solution") + fence("ts solution"));
    expect(problems.map((p) => [p.line, p.message])).toEqual([[12, expect.stringContaining('already has a solution block (line 9)')]]);
  });

  it("refuses a role block that is never closed", () => {
    const { problems } = compile(fence("ts playground") + "```ts solution\nexport default function main() {}\n");
    expect(problems.map((p) => [p.line, p.message])).toEqual([[9, expect.stringContaining("never closed")]]);
  });

  it("refuses a lesson without frontmatter", () => {
    const { problems } = compileLesson("lessons/01-x.md", "# Hello");
    expect(problems.map((p) => [p.line, p.message])).toEqual([[1, expect.stringContaining("has no frontmatter")]]);
  });
});

describe("compileLesson on a file with only frontmatter", () => {
  it("warns at the closing fence that the page would be empty", () => {
    const { problems } = compileLesson("lessons/01-x.md", "---\ntitle: X\nsummary: Y.\norder: 1\n---\n\n");
    expect(problems).toEqual([expect.objectContaining({ line: 5, column: 1, severity: "warning", message: expect.stringMatching(/^The lesson has only frontmatter: its page would be empty/) })]);
  });

  it("does not warn about a lesson with prose", () => {
    expect(compile("Some prose.\n").problems).toEqual([]);
  });
});

describe("compileLesson on YAML mistakes an author makes", () => {
  const problemsOf = (source: string) => compileLesson("lessons/01-x.md", source).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

  it("places an unclosed double quote at the line it opens, not where the frontmatter ends", () => {
    expect(problemsOf('---\ntitle: Hello\nsummary: "unclosed\norder: 1\nlevel: beginner\n---\nProse.\n')).toEqual([
      '3:10 Frontmatter is not valid YAML: A double quote opened here is never closed: end the text with " on the same line. Check its indentation and quotes.',
    ]);
  });

  it("places an unclosed single quote at its line, past an escaped '' inside it", () => {
    expect(problemsOf("---\ntitle: 'It''s\nsummary: S.\norder: 1\n---\nProse.\n")).toEqual([expect.stringMatching(/^2:8 Frontmatter is not valid YAML: A single quote opened here is never closed/)]);
  });

  it("says to quote a frontmatter value with a colon in it", () => {
    expect(problemsOf("---\ntitle: Locks: why\nsummary: S.\norder: 1\n---\nProse.\n")).toEqual([expect.stringMatching(/^2:\d+ Frontmatter is not valid YAML: A value has a colon followed by a space.*put the whole value in quotes/)]);
  });

  it("says to quote a hint with an unquoted colon", () => {
    const check = "```yaml check\ngoal: G\nhints:\n  - Use this: a pool\nexpect:\n  - ok: true\n```\n";
    const lesson = `---\ntitle: X\nsummary: Y.\norder: 1\n---\n${fence("ts playground")}\n${check}`;
    expect(problemsOf(lesson)).toEqual([
      expect.stringMatching(/^13:5 Check field "hints\[0\]" must be text, but its colon followed by a space makes YAML read "Use this" as a key: put the text in quotes, e\.g\. "Use this: a pool"\./),
    ]);
  });
});
