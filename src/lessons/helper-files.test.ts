import { describe, expect, it } from "vitest";
import { compileLesson } from "./compile-lesson.ts";

/** A lesson with valid frontmatter (5 lines, so the body starts at line 6) and `body`. */
function compile(body: string) {
  const { lesson, problems } = compileLesson("lessons/x.md", `---\ntitle: X\nsummary: Y.\norder: 1\n---\n${body}`);
  return { lesson, problems: problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`) };
}
const fence = (info: string, code = "export default function main() {}") => `\`\`\`${info}\n${code}\n\`\`\`\n`;
const helpers = fence("ts file=helpers.ts", "export const n = 1;");

describe("helper files of a playground", () => {
  it("belong to the playground before them, with name, code and line", () => {
    const { lesson, problems } = compile(`${fence("ts playground id=a")}\nProse.\n\n${helpers}`);
    expect(problems).toEqual([]);
    expect(lesson.playgrounds[0]?.files).toEqual([{ name: "helpers.ts", code: "export const n = 1;\n", line: 12 }]);
  });

  it("leave the prose", () => {
    const { lesson } = compile(`${fence("ts playground")}${helpers}After.\n`);
    expect(lesson.sections[0]?.after).not.toContain("export const n");
    expect(lesson.sections[0]?.after).toContain("After.");
  });

  it("keep several files in file order, and a playground without any has none", () => {
    const { lesson } = compile(`${fence("ts playground")}${helpers}${fence("ts file=data.ts", "export const d = 2;")}${fence("ts playground id=b")}`);
    expect(lesson.playgrounds[0]?.files?.map((f) => f.name)).toEqual(["helpers.ts", "data.ts"]);
    expect(lesson.playgrounds[1]?.files).toBeUndefined();
  });

  it("do not stop a python twin after them from belonging to the playground", () => {
    const { lesson } = compile(`${fence("ts playground")}\n${helpers}\n${fence("python", "print(1)")}`);
    expect(lesson.playgrounds[0]?.python?.code).toBe("print(1)\n");
  });

  it("go with an exercise, whose solution uses them too", () => {
    const { lesson } = compile(`${fence("ts playground id=ex")}${helpers}${fence("yaml check", "goal: G.\nexpect:\n  - ok: all")}${fence("ts solution")}`);
    expect(lesson.playgrounds[0]?.files?.[0]?.name).toBe("helpers.ts");
    expect(lesson.playgrounds[0]?.exercise).toBeDefined();
  });

  it("refuse a file with no playground before it, at its line", () => {
    const { problems } = compile(`Intro.\n${helpers}${fence("ts playground")}`);
    expect(problems).toEqual(["lessons/x.md:7:1 The helper file helpers.ts belongs to the playground before it, and there is none: move it after its ```ts playground block."]);
  });

  it("refuse two files of one playground with the same name, naming both lines", () => {
    const { problems } = compile(`${fence("ts playground id=a")}${helpers}${helpers}`);
    expect(problems).toEqual(['lessons/x.md:12:1 The playground "a" already has a file helpers.ts (line 9): give this one another name, or merge the two.']);
  });

  it("allow the same name in two playgrounds", () => {
    expect(compile(`${fence("ts playground")}${helpers}${fence("ts playground")}${helpers}`).problems).toEqual([]);
  });

  it.each([["helpers.js"], ["my-helpers.ts"], ["1st.ts"], ["dir/helpers.ts"], [""]])("refuse the name %j, saying what a name is", (name) => {
    const { problems } = compile(`${fence("ts playground")}${fence(`ts file=${name}`, "export const n = 1;")}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^lessons\/x\.md:9:7 A helper file is named <identifier>\.ts/);
  });

  it("refuse main.ts, the playground's own code", () => {
    expect(compile(`${fence("ts playground")}${fence("ts file=main.ts")}`).problems[0]).toContain('"main.ts" is the playground\'s own code');
  });

  it("refuse a file block in another language, and other options beside the name", () => {
    expect(compile(`${fence("ts playground")}${fence("python file=h.ts")}`).problems[0]).toContain("A helper file is TypeScript: start it with ```ts file=h.ts.");
    expect(compile(`${fence("ts playground")}${fence("ts file=h.ts id=x")}`).problems[0]).toContain('A helper file takes only its name: remove "id=x"');
  });
});
