// docs/authoring.md is what authors copy from: its examples must be valid lessons and blocks.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readCheck } from "../src/lessons/check-schema.ts";
import { readOutcome } from "../src/lessons/outcome.ts";
import { readCourse } from "../src/lessons/read-course.ts";
import { readPredict } from "../src/lessons/predict.ts";
import { ProblemList } from "../src/lessons/problems.ts";
import { parseLocatedYaml } from "../src/lessons/yaml-located.ts";
import { checkAccent } from "./course-assets.ts";
import { CHECK_TYPES, typecheckUnits } from "./typecheck-lessons.ts";

const doc = readFileSync("docs/authoring.md", "utf8");
const blocks = (info: string) => [...doc.matchAll(new RegExp(`^\`\`\`${info}\\n([\\s\\S]*?)^\`\`\`$`, "gm"))].map((m) => m[1] ?? "");
const yamlBlocks = blocks("yaml");

describe("docs/authoring.md", () => {
  it("shows the complete fixture lesson, unchanged", () => {
    const example = /^````markdown\n([\s\S]*?)^````$/m.exec(doc)?.[1];
    expect(example).toBe(readFileSync("e2e/fixtures/lessons/good/01-waiting-together.md", "utf8"));
  });

  it("shows a check example that reads without problems", () => {
    const problems = new ProblemList("doc");
    const check = readCheck(parseLocatedYaml(yamlBlocks.find((b) => b.startsWith("goal:")) ?? "", 1), problems);
    expect(problems.items).toEqual([]);
    expect(check?.assertions).toHaveLength(7);
  });

  it("shows a course.yaml that reads without problems", () => {
    const example = yamlBlocks.find((b) => b.startsWith("title:")) ?? "";
    // The doc's logo is not a file here: only its accent is checked for real.
    const assets = { accent: checkAccent, logo: (value: string) => ({ ok: true as const, value }) };
    const read = readCourse("doc", example, ["concurrency-is-not-parallelism", "01-waiting-is-not-working"], assets);
    expect(read.problems).toEqual([]);
    expect(read.course?.parts).toHaveLength(2);
    expect(read.course?.accent?.light.accent).toMatch(/^#[0-9a-f]{6}$/);
    expect(read.course?.logo).toBe("logo.svg");
  });

  it("shows an outcome block that reads without problems", () => {
    const problems = new ProblemList("doc");
    const outcome = readOutcome(parseLocatedYaml(blocks("yaml outcome")[0] ?? "", 1), 1, ["main", "async", "workers"], problems);
    expect(problems.items).toEqual([]);
    expect(outcome?.fails).toEqual({ workers: "is not a top-level export" });
  });

  it("shows prediction examples that read without problems", () => {
    const problems = new ProblemList("doc");
    const predictions = yamlBlocks.filter((b) => b.startsWith("kind:")).map((b) => readPredict(parseLocatedYaml(b, 1), 1, ["main", "async", "workers"], problems));
    expect(problems.items).toEqual([]);
    expect(predictions.map((p) => p?.kind)).toEqual(["fastest", "wall", "choice"]);
  });

  it("shows a ts check example that compiles", () => {
    const [source = ""] = blocks("ts");
    expect(typecheckUnits([{ file: "doc", line: 1, code: source, role: "check", label: "ts check" }])).toEqual([]);
  }, 30_000); // starts the TypeScript compiler

  it("lists the types a ts check has in scope, as the type-checker declares them", () => {
    const sentence = /The types (`Run`[^(]*)\(`src\/trace\/run\.ts`\) are in scope/.exec(doc.replace(/\s+/g, " "))?.[1] ?? "";
    expect([...sentence.matchAll(/`(\w+)`/g)].map((m) => m[1])).toEqual([...CHECK_TYPES]);
  });

  it("documents the LANES_LESSONS_DIR variable and npm start -- --lessons", () => {
    expect(doc).toContain("LANES_LESSONS_DIR=~/my-course npm start");
    expect(doc).toContain("npm start -- --lessons <folder>");
  });
});
