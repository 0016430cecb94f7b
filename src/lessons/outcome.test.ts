import { describe, expect, it } from "vitest";
import { compileLesson } from "./compile-lesson.ts";
import { outcomeMismatch } from "./outcome.ts";

const PROGRAM = 'import { print } from "lanes";\nexport default async function main() { print(1); }';
const lesson = (outcome: string, info = "ts playground runners=main,workers") =>
  compileLesson("lessons/01-x.md", `---\ntitle: T\nsummary: S.\n---\n\n\`\`\`${info}\n${PROGRAM}\n\`\`\`\n\n\`\`\`yaml outcome\n${outcome}\n\`\`\`\n`);

describe("yaml outcome blocks", () => {
  it("attach to the playground before them", () => {
    const { lesson: l, problems } = lesson("fails:\n  workers: is not a top-level export");
    expect(problems).toEqual([]);
    expect(l.playgrounds[0]?.outcome).toEqual({ fails: { workers: "is not a top-level export" }, line: 11 });
  });

  it("refuse a runner the playground does not offer", () => {
    expect(lesson("fails:\n  async: boom").problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([expect.stringMatching(/^13:3 The outcome says the playground fails under async, which it does not offer/), expect.stringMatching(/names no runner/)]);
  });

  it("refuse an unknown field", () => {
    expect(lesson("fail:\n  workers: boom").problems.map((p) => p.message)).toEqual([expect.stringMatching(/^Unknown outcome field "fail"\. Did you mean "fails"\?/)]);
  });

  it("are refused on an exercise", () => {
    const source = `---\ntitle: T\nsummary: S.\n---\n\n\`\`\`ts playground\n${PROGRAM}\n\`\`\`\n\n\`\`\`yaml check\ngoal: G.\nexpect:\n  - ok: all\n\`\`\`\n\n\`\`\`ts solution\n${PROGRAM}\n\`\`\`\n\n\`\`\`yaml outcome\nfails:\n  main: x\n\`\`\`\n`;
    expect(compileLesson("lessons/01-x.md", source).problems.map((p) => p.message)).toEqual([expect.stringMatching(/^An exercise's check already says what its runs must do/)]);
  });
});

describe("yaml outcome blocks for a Python twin", () => {
  const withTwin = (outcome: string, check = "") =>
    compileLesson(
      "lessons/01-x.md",
      `---\ntitle: T\nsummary: S.\n---\n\n\`\`\`ts playground\n${PROGRAM}\n\`\`\`\n\n\`\`\`python\nprint(1)\n\`\`\`\n\n${check}\`\`\`yaml outcome\n${outcome}\n\`\`\`\n`,
    );
  const check = `\`\`\`yaml check\ngoal: G.\nexpect:\n  - ok: all\n\`\`\`\n\n\`\`\`ts solution\n${PROGRAM}\n\`\`\`\n\n`;

  it("name python when the playground has a twin", () => {
    const { lesson: l, problems } = withTwin("fails:\n  python: Deadlock");
    expect(problems).toEqual([]);
    expect(l.playgrounds[0]?.outcome?.fails).toEqual({ python: "Deadlock" });
  });

  it("refuse python when there is no twin", () => {
    expect(lesson("fails:\n  python: Deadlock").problems.map((p) => p.message)).toEqual([expect.stringMatching(/^The outcome says the Python twin fails, but the playground has none/), expect.stringMatching(/names no runner/)]);
  });

  it("may ask the twin to print what the program prints, alone or beside fails", () => {
    const same = withTwin("pythonOutput: same-any-order");
    expect(same.problems).toEqual([]);
    expect(same.lesson.playgrounds[0]?.outcome).toEqual({ fails: {}, pythonOutput: "same-any-order", line: 15 });
    expect(withTwin("pythonOutput: similar").problems.map((p) => p.message)).toEqual([expect.stringMatching(/pythonOutput/)]);
    expect(lesson("pythonOutput: same").problems.map((p) => p.message)).toEqual([expect.stringMatching(/compares the Python twin's output, but the playground has none/)]);
  });

  it("may stand beside an exercise's check when they name python only", () => {
    const ok = withTwin("fails:\n  python: is damaged", check);
    expect(ok.problems).toEqual([]);
    expect(ok.lesson.playgrounds[0]?.outcome?.fails).toEqual({ python: "is damaged" });
    expect(withTwin("fails:\n  python: x\n  main: y", check).problems.map((p) => p.message)).toEqual([expect.stringMatching(/may name only python/)]);
  });
});

describe("outcomeMismatch", () => {
  const outcome = { fails: { workers: "top-level export" }, line: 1 };
  it("accepts ok runs where no failure is declared, and the declared failure", () => {
    expect(outcomeMismatch({ runner: "main", ok: true }, outcome)).toBeUndefined();
    expect(outcomeMismatch({ runner: "workers", ok: false, error: { message: "`double` is not a top-level export, so …" } }, outcome)).toBeUndefined();
  });

  it("reports an undeclared failure and how to declare it", () => {
    expect(outcomeMismatch({ runner: "main", ok: false, error: { message: "boom" } }, undefined)).toMatch(/^it failed under main: boom\. Fix the code, or declare the failure in a ```yaml outcome block/);
  });

  it("reports a declared failure that did not happen", () => {
    expect(outcomeMismatch({ runner: "workers", ok: true }, outcome)).toMatch(/says it fails under workers \("top-level export"\), but it ended ok/);
  });

  it("reports a failure with another error", () => {
    expect(outcomeMismatch({ runner: "workers", ok: false, error: { message: "out of memory" } }, outcome)).toMatch(/failed with "out of memory", not with an error containing "top-level export"/);
  });
});
