import { describe, expect, it } from "vitest";
import type { Predict } from "./lesson-model.ts";
import { comparePrediction } from "./compare-prediction.ts";
import { readPredict } from "./predict.ts";
import { ProblemList } from "./problems.ts";
import { fakeRun } from "./test-runs.ts";
import { parseLocatedYaml } from "./yaml-located.ts";

function read(runners: ("main" | "async" | "workers")[], ...lines: string[]) {
  const problems = new ProblemList("f.md");
  const predict = readPredict(parseLocatedYaml(lines.join("\n"), 30), 29, runners, problems);
  return { predict, problems: problems.items.map((p) => `${p.line}:${p.column} ${p.message}`) };
}

const ALL = ["main", "async", "workers"] as const;
const fastest: Predict = { kind: "fastest", question: "Which?", choices: [...ALL], line: 1 };
const wall: Predict = { kind: "wall", question: "How long?", runner: "main", tolerance: 0.25, line: 1 };
const runs = [fakeRun("main", { wallMs: 1304 }), fakeRun("async", { wallMs: 812 }), fakeRun("workers", { wallMs: 430 })];

describe("readPredict", () => {
  it("reads a fastest question, its choices defaulting to the playground's runners", () => {
    expect(read(["main", "workers"], "kind: fastest", "question: Which first?")).toEqual({ predict: { kind: "fastest", question: "Which first?", choices: ["main", "workers"], line: 29 }, problems: [] });
  });

  it("reads a wall question with its default tolerance", () => {
    expect(read([...ALL], "kind: wall", "runner: async", "question: How long?").predict).toEqual({ kind: "wall", question: "How long?", runner: "async", tolerance: 0.25, line: 29 });
  });

  it("names an unknown kind, with the kind meant", () => {
    expect(read([...ALL], "kind: fastes", "question: Q").problems).toEqual(['30:7 A predict block needs kind: fastest, kind: wall or kind: choice. "fastes" is not one. Did you mean "fastest"?']);
  });

  it("requires the runner of a wall question", () => {
    expect(read([...ALL], "kind: wall", "question: Q").problems).toEqual([expect.stringMatching(/^30:1 Predict field "runner" is missing: add it\./)]);
  });

  it("refuses a runner the playground does not offer", () => {
    expect(read(["main"], "kind: wall", "runner: workers", "question: Q").problems).toEqual([expect.stringMatching(/^31:9 The prediction is about workers, which this playground does not offer \(main\)/)]);
  });
});

const CHOICE_YAML = [
  "kind: choice",
  "runner: workers",
  "question: What will it print?",
  "options:",
  "  - answer: exactly 80",
  "    when: { value: { matches: '^counter = (\\d+)', equals: 80 } }",
  "  - answer: fewer than 80",
  "    when: { value: { matches: '^counter = (\\d+)', below: 80 } }",
  "  - answer: it never finishes",
  "    when: { ends: deadlock }",
];

describe("readPredict: choice", () => {
  it("reads a choice with its answers and conditions", () => {
    const { predict, problems } = read([...ALL], ...CHOICE_YAML);
    expect(problems).toEqual([]);
    expect(predict).toMatchObject({ kind: "choice", runner: "workers", options: [{ answer: "exactly 80", when: { value: { matches: "^counter = (\\d+)", equals: 80 } } }, { answer: "fewer than 80" }, { answer: "it never finishes", when: { ends: "deadlock" } }] });
  });

  it("refuses a pattern that is not a regular expression, at its line", () => {
    const { predict, problems } = read([...ALL], "kind: choice", "runner: main", "question: Q", "options:", "  - answer: a", '    when: { printed: "(" }', "  - answer: b", "    when: { ends: ok }");
    expect(predict).toBeUndefined();
    expect(problems).toEqual([expect.stringMatching(/^35:22 "\(" is not a regular expression/)]);
  });

  it("refuses a value condition with no group or nothing to compare", () => {
    const { problems } = read([...ALL], "kind: choice", "runner: main", "question: Q", "options:", "  - answer: a", "    when: { value: { matches: 'n = \\d+', below: 3 } }", "  - answer: b", "    when: { value: { matches: 'n = (\\d+)' } }");
    expect(problems).toEqual([expect.stringMatching(/captures nothing/), expect.stringMatching(/needs below:, above: or equals:/)]);
  });

  it("refuses two answers that read the same, and a single answer", () => {
    expect(read([...ALL], "kind: choice", "runner: main", "question: Q", "options:", "  - answer: a", "    when: { ends: ok }", "  - answer: a", "    when: { ends: error }").problems).toEqual([expect.stringMatching(/Two answers read "a"/)]);
    expect(read([...ALL], "kind: choice", "runner: main", "question: Q", "options:", "  - answer: a", "    when: { ends: ok }").problems).toHaveLength(1);
  });

  it("refuses a runner the playground does not offer", () => {
    expect(read(["main"], ...CHOICE_YAML).problems).toEqual([expect.stringMatching(/The prediction is about workers, which this playground does not offer/)]);
  });
});

describe("comparePrediction", () => {
  it("confirms a right guess of the fastest runner, with the others' times", () => {
    expect(comparePrediction(fastest, { kind: "fastest", runner: "workers" }, runs)).toEqual({
      text: "You predicted workers, and it finished first: 430 ms, against async 812 ms, main 1304 ms.",
      right: true,
      measured: true,
      tie: false,
    });
  });

  it("calls runners within noise of each other a tie, and a pick among them right", () => {
    const close = [fakeRun("main", { wallMs: 1304 }), fakeRun("async", { wallMs: 470 }), fakeRun("workers", { wallMs: 430 })];
    expect(comparePrediction(fastest, { kind: "fastest", runner: "async" }, close)).toEqual({
      text: "A tie: workers 430 ms, async 470 ms finished within 15% of each other, less than runs of the same program vary. You predicted async, one of them, so it counts.",
      right: true,
      measured: true,
      tie: true,
    });
    expect(comparePrediction(fastest, { kind: "fastest", runner: "workers" }, close)).toMatchObject({ right: true, tie: true });
  });

  it("judges a pick outside a tie wrong, naming the tied runners", () => {
    const close = [fakeRun("main", { wallMs: 1304 }), fakeRun("async", { wallMs: 470 }), fakeRun("workers", { wallMs: 430 })];
    expect(comparePrediction(fastest, { kind: "fastest", runner: "main" }, close)).toMatchObject({
      text: "You predicted main; workers 430 ms, async 470 ms tied for first, finishing within 15% of each other, less than runs of the same program vary.",
      right: false,
      tie: true,
    });
  });

  it("uses a floor of 20 ms for short runs, and no tie just beyond the noise", () => {
    const short = [fakeRun("main", { wallMs: 90 }), fakeRun("async", { wallMs: 75 }), fakeRun("workers", { wallMs: 60 })];
    expect(comparePrediction(fastest, { kind: "fastest", runner: "async" }, short)).toMatchObject({ right: true, tie: true });
    const apart = [fakeRun("main", { wallMs: 1304 }), fakeRun("async", { wallMs: 496 }), fakeRun("workers", { wallMs: 430 })];
    expect(comparePrediction(fastest, { kind: "fastest", runner: "async" }, apart)).toMatchObject({ right: false, tie: false });
  });

  it("across many synthetic noisy runs, never calls a clear winner a tie nor a tie a winner", () => {
    for (let i = 0; i < 200; i++) {
      const base = 200 + ((i * 37) % 1000);
      const gap = ((i * 13) % 40) / 100; // 0% to 39% slower
      const pair = [fakeRun("main", { wallMs: base * 3 }), fakeRun("async", { wallMs: base * (1 + gap) }), fakeRun("workers", { wallMs: base })];
      const result = comparePrediction(fastest, { kind: "fastest", runner: "async" }, pair);
      const expectTie = base * gap <= Math.max(base * 0.15, 20);
      expect(result.tie, `base ${base}, gap ${gap}`).toBe(expectTie);
      expect(result.right).toBe(expectTie);
    }
  });

  it("names the fastest runner after a wrong guess", () => {
    expect(comparePrediction(fastest, { kind: "fastest", runner: "async" }, runs).text).toBe("You predicted async; workers finished first, in 430 ms (async 812 ms, main 1304 ms).");
  });

  it("waits for every runner before naming the fastest", () => {
    expect(comparePrediction(fastest, { kind: "fastest", runner: "main" }, runs.slice(0, 2))).toMatchObject({ measured: false, text: "Run it under main, async, workers to see which finishes first." });
  });

  it("counts a wall guess within the tolerance as right", () => {
    expect(comparePrediction(wall, { kind: "wall", ms: 1200 }, runs)).toEqual({ text: "You predicted 1200 ms for main; it took 1304 ms, within 25% of your guess.", right: true, measured: true });
  });

  it("says how far off a low wall guess was", () => {
    expect(comparePrediction(wall, { kind: "wall", ms: 500 }, runs)).toMatchObject({ text: "You predicted 500 ms for main; it took 1304 ms, 2.6× your guess.", right: false });
  });

  it("says how far off a high wall guess was", () => {
    expect(comparePrediction(wall, { kind: "wall", ms: 3000 }, runs).text).toBe("You predicted 3000 ms for main; it took 1304 ms, 2.3× less than your guess.");
  });

  it("asks for the run a wall guess is about", () => {
    expect(comparePrediction(wall, { kind: "wall", ms: 500 }, [])).toMatchObject({ measured: false, text: "Run it under main to compare with your guess of 500 ms." });
  });

  it("judges a choice from the number the run printed", () => {
    const choice = read([...ALL], ...CHOICE_YAML).predict!;
    const lost = [fakeRun("workers", { output: ["counter = 53 (80 expected)"] })];
    expect(comparePrediction(choice, { kind: "choice", answer: "fewer than 80" }, lost)).toEqual({ text: "You predicted “fewer than 80”, and so it went: it printed “counter = 53 (80 expected)”.", right: true, measured: true });
    expect(comparePrediction(choice, { kind: "choice", answer: "exactly 80" }, lost)).toMatchObject({ right: false, measured: true, text: "You predicted “exactly 80”; what happened: fewer than 80 (it printed “counter = 53 (80 expected)”)." });
    expect(comparePrediction(choice, { kind: "choice", answer: "exactly 80" }, [fakeRun("workers", { output: ["counter = 80"] })])).toMatchObject({ right: true });
  });

  it("judges a choice by how the run ended: a deadlock is the detector's error", () => {
    const choice = read([...ALL], ...CHOICE_YAML).predict!;
    const deadlocked = { ...fakeRun("workers", { ok: false }), error: { message: "Deadlock: `a()` holds lock `x` and waits for lock `y`." } };
    expect(comparePrediction(choice, { kind: "choice", answer: "it never finishes" }, [deadlocked])).toMatchObject({ right: true, measured: true, text: expect.stringContaining("Lanes stopped the run as a deadlock") });
  });

  it("does not judge a choice that no answer fits, nor one whose run is missing or did not compile", () => {
    const choice = read([...ALL], ...CHOICE_YAML).predict!;
    const guess = { kind: "choice", answer: "exactly 80" } as const;
    expect(comparePrediction(choice, guess, [fakeRun("workers", { output: ["counter = 99"] })])).toMatchObject({ measured: false, text: expect.stringContaining("showed none of the answers") });
    expect(comparePrediction(choice, guess, [fakeRun("main", { output: ["counter = 80"] })])).toMatchObject({ measured: false, text: "Run it under workers to see which answer happens." });
    const uncompiled = { ...fakeRun("workers", { ok: false, wallMs: 0 }), error: { message: "Syntax error", phase: "compile" as const } };
    expect(comparePrediction(choice, guess, [uncompiled])).toMatchObject({ measured: false });
  });

  it("refuses a prediction of the other kind", () => {
    expect(() => comparePrediction(wall, { kind: "fastest", runner: "main" }, runs)).toThrow(/cannot answer/);
  });
});
