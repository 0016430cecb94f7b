import { describe, expect, it } from "vitest";
import type { Run, Runner } from "../src/trace/run.ts";
import { fakeRun } from "../src/lessons/test-runs.ts";
import { formatProblem, measureMargins, validateLessons } from "./check-lessons.ts";

// The fixture course's exercise asks async to be at least 2× as fast as main.
const loaded = validateLessons("e2e/fixtures/course-small/a-pool-of-waiters.md");

/** A runCode whose async run takes each of `asyncMs` in turn, against 400 ms under main. */
function runs(asyncMs: number[]) {
  let call = 0;
  return async (_code: string, runners: Runner[]): Promise<Run[]> => {
    const ms = asyncMs[call++ % asyncMs.length] ?? 100;
    return runners.map((r) => fakeRun(r, { wallMs: r === "main" ? 400 : ms }));
  };
}

describe("measureMargins (lessons:check --repeat N)", () => {
  it("runs the solution N times and reports the worst margin of each timing assertion", async () => {
    const { lines, problems } = await measureMargins(loaded, runs([100, 160, 120]), 3);
    expect(lines).toEqual([{ place: "e2e/fixtures/course-small/a-pool-of-waiters.md:40", text: "speedUp async over main 2.50 against atLeast 2 (worst of 3 runs; held 3 of 3)" }]);
    expect(problems).toEqual([]);
  });

  it("warns when some runs missed the bound", async () => {
    const { lines, problems } = await measureMargins(loaded, runs([100, 250]), 4);
    expect(lines[0]?.text).toBe("speedUp async over main 1.60 against atLeast 2 (worst of 4 runs; held 2 of 4)");
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/^e2e\/fixtures\/course-small\/a-pool-of-waiters\.md:40:1 warning: The solution of "waiters" missed speedUp async over main atLeast 2 in 2 of 4 runs/)]);
  });
});
