import { describe, expect, it } from "vitest";
import { classifyFence } from "./info-string.ts";
import { ProblemList } from "./problems.ts";
import { scanBody } from "./scan-markdown.ts";

/** Classify the first fence of `text` (line 10 of a file), with its problems as `column message`. */
function classify(info: string) {
  const fence = scanBody([`\`\`\`${info}`, "code", "```"])[0];
  if (fence?.type !== "fence") throw new Error("no fence");
  const problems = new ProblemList("f.md");
  const result = classifyFence(fence, 10, problems);
  return { ...result, problems: problems.items.map((p) => `${p.line}:${p.column} ${p.message}`) };
}

describe("classifyFence", () => {
  it("reads a playground and its options", () => {
    expect(classify("ts playground id=race runners=main,workers workers=4 timeLimitMs=5000")).toEqual({
      kind: "playground",
      options: { id: "race", runners: ["main", "workers"], workers: 4, timeLimitMs: 5000 },
      problems: [],
    });
  });

  it("accepts typescript and yml as language names", () => {
    expect([classify("typescript solution").kind, classify("yml check").kind]).toEqual(["solution", "yaml-check"]);
  });

  it("tells a ts check from a yaml check", () => {
    expect([classify("ts check").kind, classify("yaml check").kind]).toEqual(["ts-check", "yaml-check"]);
  });

  it("treats a block without a role as prose, and python as a candidate equivalent", () => {
    expect([classify("ts").kind, classify("").kind, classify("python").kind, classify("py").kind]).toEqual(["prose", "prose", "python", "python"]);
  });

  it("names an unknown role at its column, with the role meant", () => {
    expect(classify("ts soluton").problems).toEqual([expect.stringMatching(/^10:7 Unknown block role "soluton" in ```ts soluton\. Did you mean "solution"\?/)]);
  });

  it("says which language a role is written in", () => {
    expect(classify("python playground").problems).toEqual(["10:4 A playground block is written in ts: start it with ```ts playground."]);
  });

  it("refuses options on a block that is not a playground", () => {
    expect(classify("ts solution id=x").problems).toEqual([expect.stringMatching(/^10:16 Only playgrounds take options/)]);
  });

  it("refuses two roles on one block", () => {
    expect(classify("ts playground solution").problems).toEqual([expect.stringMatching(/^10:18 A block has one role/)]);
  });

  it("names an unknown option, with the option meant", () => {
    expect(classify("ts playground runner=main").problems).toEqual([expect.stringMatching(/^10:18 Unknown playground option "runner"\. Did you mean "runners"\?/)]);
  });

  it("refuses a pool size that is not a number", () => {
    expect(classify("ts playground workers=many").problems).toEqual([expect.stringMatching(/^10:18 Playground option "workers" must be a number, not the text "many"\./)]);
  });

  it("refuses an unknown runner in runners=", () => {
    expect(classify("ts playground runners=main,thread").problems).toEqual([expect.stringMatching(/^10:18 Playground option "runners\[1\]" must be one of main, async, workers/)]);
  });

  it("refuses an id with spaces or capitals", () => {
    expect(classify("ts playground id=Race").problems).toEqual([expect.stringMatching(/^10:18 Playground option "id" is not valid: use lower-case letters/)]);
  });
});
