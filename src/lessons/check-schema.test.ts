import { describe, expect, it } from "vitest";
import { readCheck } from "./check-schema.ts";
import { ProblemList } from "./problems.ts";
import { parseLocatedYaml } from "./yaml-located.ts";

/** Read a check whose YAML starts on line 20. */
function read(...lines: string[]) {
  const problems = new ProblemList("f.md");
  const check = readCheck(parseLocatedYaml(lines.join("\n"), 20), problems);
  return { check, problems: problems.items.map((p) => `${p.line}:${p.column} ${p.message}`) };
}

describe("readCheck", () => {
  it("reads goal, hints and every kind of assertion", () => {
    const { check, problems } = read(
      "goal: Use both cores.",
      "hints: [Look at the pool.]",
      "expect:",
      "  - ok: all",
      "  - noFailedTasks: workers",
      "  - output: { matches: 'counter = \\d+', runner: main }",
      "  - speedUp: { runner: workers, over: main, atLeast: 1.5 }",
      "  - wallMs: { runner: workers, below: 600, above: 100 }",
      "  - peakRunning: { runner: workers, atLeast: 2 }",
    );
    expect(problems).toEqual([]);
    expect(check).toEqual({
      goal: "Use both cores.",
      hints: ["Look at the pool."],
      assertions: [
        { kind: "ok", runner: "all" },
        { kind: "noFailedTasks", runner: "workers" },
        { kind: "output", runner: "main", matches: "counter = \\d+" },
        { kind: "speedUp", runner: "workers", over: "main", atLeast: 1.5 },
        { kind: "wallMs", runner: "workers", below: 600, above: 100 },
        { kind: "peakRunning", runner: "workers", atLeast: 2 },
      ],
    });
  });

  it("requires a goal", () => {
    expect(read("expect:", "  - ok: all").problems).toEqual([expect.stringMatching(/^20:1 Check field "goal" is missing: add it\./)]);
  });

  it("names an unknown check field with the field meant", () => {
    expect(read("goal: G.", "hint: [a]").problems).toEqual([expect.stringMatching(/^21:1 Unknown check field "hint"\. Did you mean "hints"\?/)]);
  });

  it("names an unknown assertion at its line, with the one meant", () => {
    expect(read("goal: G.", "expect:", "  - speedup: { runner: workers, over: main, atLeast: 2 }").problems).toEqual([
      expect.stringMatching(/^22:5 Unknown assertion "speedup"\. Did you mean "speedUp"\?/),
    ]);
  });

  it("refuses an item with two assertions", () => {
    expect(read("goal: G.", "expect:", "  - ok: all", "    noFailedTasks: all").problems).toEqual([expect.stringMatching(/^22:5 Each expect: item is one assertion/)]);
  });

  it("refuses a missing field of an assertion, saying what it takes", () => {
    expect(read("goal: G.", "expect:", "  - speedUp: { runner: workers, atLeast: 2 }").problems).toEqual([
      expect.stringMatching(/^22:14 Assertion speedUp "over" is missing: add it\. speedUp takes a mapping \{runner, over, atLeast\}/),
    ]);
  });

  it("refuses an unknown runner in an assertion at its column", () => {
    expect(read("goal: G.", "expect:", "  - ok: worker").problems).toEqual([expect.stringMatching(/^22:9 Assertion ok must be one of main, async, workers, all, not the text "worker"\. Did you mean "workers"\?/)]);
  });

  it("refuses an output assertion with neither contains nor matches", () => {
    expect(read("goal: G.", "expect:", "  - output: { runner: main }").problems).toEqual([expect.stringMatching(/^22:13 Assertion output is not valid: give contains: or matches:/)]);
  });

  it("refuses a regular expression that does not compile", () => {
    expect(read("goal: G.", "expect:", "  - output: { matches: 'a(' }").problems).toEqual([expect.stringMatching(/^22:24 Assertion output "matches" is not valid: matches: is not a valid regular expression/)]);
  });

  it("refuses a wall time without a bound", () => {
    expect(read("goal: G.", "expect:", "  - wallMs: { runner: main }").problems).toEqual([expect.stringMatching(/give below: or above:/)]);
  });
});
