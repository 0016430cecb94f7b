import { describe, expect, it } from "vitest";
import { isPlaygroundInfo, parseLesson } from "./parse-lesson.ts";
import { LessonError } from "./problems.ts";

const lesson = [
  "---",
  "title: Waiting is not working",
  "summary: Why sleeping tasks overlap.",
  "---",
  "# Intro",
  "Some prose.",
  "",
  "```ts playground",
  'import { print } from "lanes";',
  "export default function main() { print(1); }",
  "```",
  "What you saw.",
  "",
  "## Next",
  "```python",
  "print('not a playground')",
  "```",
  "```ts playground id=second",
  "export default function main() {}",
  "```",
].join("\n");

const head = (extra = "") => `---\ntitle: Locks\nsummary: S.\norder: 1\n${extra}---\n`;

describe("parseLesson", () => {
  it("reads title and summary from frontmatter", () => {
    const { meta } = parseLesson("01-waiting", lesson);
    expect(meta).toEqual({ slug: "01-waiting", title: "Waiting is not working", summary: "Why sleeping tasks overlap.", order: 1, runners: ["main", "async", "workers"], tags: [] });
  });

  it("leaves out a first heading that repeats the title, keeping line numbers", () => {
    const { sections } = parseLesson("x", `${head()}# Locks\nText.\n\`\`\`ts playground\nexport default function main() {}\n\`\`\``);
    expect(sections[0]?.before).not.toContain("# Locks");
    expect(sections[0]?.before).toContain("Text.");
    expect(sections[0]?.playground?.line).toBe(8);
  });

  it("keeps a first heading that differs from the title", () => {
    const { sections } = parseLesson("x", `${head()}# Why locks\nText.`);
    expect(sections[0]?.before).toContain("# Why locks");
  });

  it("splits prose before and after each playground", () => {
    const { sections } = parseLesson("01-x", lesson);
    expect(sections).toHaveLength(2);
    expect(sections[0]?.before).toContain("Some prose.");
    expect(sections[0]?.after).toContain("What you saw.");
    expect(sections[0]?.after).not.toContain("## Next");
    expect(sections[1]?.before).toContain("## Next");
  });

  it("keeps a python block that does not follow a playground in the prose", () => {
    const { sections } = parseLesson("01-x", lesson);
    expect(sections[1]?.before).toContain("print('not a playground')");
  });

  it("gives playgrounds ids, code and the line of their fence", () => {
    const { sections } = parseLesson("01-x", lesson);
    expect(sections[0]?.playground).toMatchObject({ id: "p1", code: 'import { print } from "lanes";\nexport default function main() { print(1); }\n', line: 8 });
    expect(sections[1]?.playground?.id).toBe("second");
    expect(sections[1]?.playground?.line).toBe(18);
  });

  it("orders by the file name's number when frontmatter has no order", () => {
    expect(parseLesson("07-locks", "---\ntitle: L\nsummary: S.\n---\n").meta.order).toBe(7);
  });

  it("prefers the frontmatter's order to the file name's number", () => {
    expect(parseLesson("07-locks", head()).meta.order).toBe(1);
  });

  it("does not end a fence at a shorter marker inside it", () => {
    const { sections } = parseLesson("x", `${head()}\`\`\`\`ts playground\nconst s = \`\n\`\`\`\n\`;\n\`\`\`\`\nafter`);
    expect(sections[0]?.playground?.code).toContain("```");
    expect(sections[0]?.after).toBe("after");
  });

  it("throws a LessonError naming every problem", () => {
    expect(() => parseLesson("x", "---\ntitel: A\n---\n")).toThrow(LessonError);
  });

  it("recognises playground info strings", () => {
    expect(isPlaygroundInfo("ts playground")).toBe(true);
    expect(isPlaygroundInfo("typescript playground id=a")).toBe(true);
    expect(isPlaygroundInfo("ts")).toBe(false);
    expect(isPlaygroundInfo("python playground")).toBe(false);
  });
});
